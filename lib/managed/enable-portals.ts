// One click for all the organisation's portals: one permissions.request for every listed origin
// (the policy can list them but cannot grant host access), then each becomes a portal through the
// same path as adding one by address (portal.add + the background's registrations).
import { parsePortalInput, patternForOrigin } from '../portals/origins';

export interface EnableApi {
  /** Must be the first thing awaited inside the user's click (permissions.request needs the gesture). */
  request(patterns: string[]): Promise<boolean>;
  addPortal(origin: string): Promise<unknown>;
  refresh(): Promise<unknown>;
}

export type EnableResult = { readonly ok: true; readonly origins: readonly string[] } | { readonly ok: false };

/** The match patterns to ask for: one per host, both schemes kept apart, ports dropped. */
export function patternsFor(origins: readonly string[]): string[] {
  const out = new Set<string>();
  for (const origin of origins) {
    const pattern = patternForOrigin(origin);
    if (pattern) out.add(pattern);
  }
  return [...out];
}

/** Origins still to turn on: listed by policy but not yet a portal with its permission. */
export function originsToEnable(
  listed: readonly string[],
  portals: readonly string[],
  withoutPermission: readonly string[],
): string[] {
  return listed.filter((origin) => !portals.includes(origin) || withoutPermission.includes(origin));
}

export async function enablePortals(origins: readonly string[], api: EnableApi): Promise<EnableResult> {
  const patterns = patternsFor(origins);
  if (patterns.length === 0) return { ok: true, origins: [] };
  if (!(await api.request(patterns))) return { ok: false };
  for (const origin of origins) await api.addPortal(origin);
  await api.refresh();
  return { ok: true, origins };
}

/**
 * The active tab's origin when the popup may offer 在此网站启用 there: an http(s) page that the
 * manifest does not cover, not yet a portal with its permission, and the policy lets users add
 * portals. Null otherwise (nothing to offer).
 */
export function siteToEnable(
  url: string | undefined,
  portals: readonly string[],
  withoutPermission: readonly string[],
  usersMayAddPortals: boolean,
): string | null {
  if (!url || !usersMayAddPortals) return null;
  const parsed = parsePortalInput(url);
  if (!parsed.ok) return null;
  return originsToEnable([parsed.origin], portals, withoutPermission).length > 0 ? parsed.origin : null;
}
