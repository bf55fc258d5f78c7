// Switches for the e2e tests and the benchmark, kept in extension storage (key `diagnostics`):
// only the extension itself (its pages, its service worker) can set them, never a page's script.
// Unset — as in every real profile — no timing marks are left in the page's performance timeline.
import { browser } from 'wxt/browser';

export interface Diagnostics {
  /** Write the reader's performance marks and measures (lib/startup/marks.ts) for bench/run.mjs. */
  readonly marks: boolean;
  /**
   * Sync to a quota-enforcing fake kept in storage.local (lib/storage/sync/fake-sync-area.ts) instead of
   * the browser's storage.sync: the two-profile e2e test relays its items between profiles.
   */
  readonly fakeSync: boolean;
}

export const DIAGNOSTICS_KEY = 'diagnostics';
export const NO_DIAGNOSTICS: Diagnostics = { marks: false, fakeSync: false };

/** Only `true` switches anything on: a missing, damaged or foreign value means off. */
export function parseDiagnostics(value: unknown): Diagnostics {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { marks: v.marks === true, fakeSync: v.fakeSync === true };
}

const SLOT = '__gongwenDiagnostics';
type Scope = { [SLOT]?: Promise<Diagnostics> };

/** Read once per frame and world (the detector and the reader bundle share it); off when storage fails. */
export function readDiagnostics(): Promise<Diagnostics> {
  const scope = globalThis as Scope;
  return (scope[SLOT] ??= browser.storage.local.get(DIAGNOSTICS_KEY).then(
    (got) => parseDiagnostics((got as Record<string, unknown>)[DIAGNOSTICS_KEY]),
    () => NO_DIAGNOSTICS,
  ));
}
