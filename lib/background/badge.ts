// Toolbar badge: the current document's reading progress, per tab.

export const BADGE_BACKGROUND = '#a4262c';
export const BADGE_TEXT_COLOR = '#ffffff';

/** '37%' for 37; '' (no badge) for null or nonsense. */
export function badgeText(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '';
  return `${Math.min(100, Math.max(0, Math.round(percent)))}%`;
}

export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void> | void;
}

export async function showProgress(api: BadgeApi, tabId: number, percent: number | null): Promise<void> {
  const text = badgeText(percent);
  if (text !== '') {
    await api.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
    // Firefox < 63 and old Chromium lack a text colour; white is their default anyway.
    await api.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR });
  }
  await api.setBadgeText({ tabId, text });
}
