// Switches for the e2e tests and the benchmark, kept in extension storage (key `diagnostics`):
// only the extension itself (its pages, its service worker) can set them, never a page's script.
// Unset — as in every real profile — no timing marks are left in the page's performance timeline.
import { browser } from 'wxt/browser';

export interface Diagnostics {
  /** Write the reader's performance marks and measures (lib/startup/marks.ts) for bench/run.mjs. */
  readonly marks: boolean;
}

export const DIAGNOSTICS_KEY = 'diagnostics';
export const NO_DIAGNOSTICS: Diagnostics = { marks: false };

/** Only `true` switches anything on: a missing, damaged or foreign value means off. */
export function parseDiagnostics(value: unknown): Diagnostics {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { marks: v.marks === true };
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
