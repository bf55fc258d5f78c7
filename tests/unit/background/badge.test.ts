// The toolbar badge: a tab's reading progress as text, cleared with null.
import { describe, expect, it, vi } from 'vitest';
import { badgeText, showProgress, BADGE_BACKGROUND } from '../../../lib/background/badge';

describe('badge', () => {
  it('formats progress', () => {
    expect(badgeText(37)).toBe('37%');
    expect(badgeText(37.6)).toBe('38%');
    expect(badgeText(140)).toBe('100%');
    expect(badgeText(-3)).toBe('0%');
    expect(badgeText(null)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
  });

  it('sets text and colours on the tab, clears with null', async () => {
    const api = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setBadgeTextColor: vi.fn() };
    await showProgress(api, 7, 42);
    expect(api.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 7, color: BADGE_BACKGROUND });
    expect(api.setBadgeTextColor).toHaveBeenCalledWith({ tabId: 7, color: '#ffffff' });
    expect(api.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '42%' });
    await showProgress(api, 7, null);
    expect(api.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
  });
});
