// Switches for the e2e tests and the benchmark, kept in extension storage (key `diagnostics`):
// only the extension itself (its pages, its service worker) can set them, never a page's script.
// Unset — as in every real profile — the panel's shadow root is closed and no timing marks are
// left in the page's performance timeline.
import { browser } from 'wxt/browser';

export interface Diagnostics {
  /** Leave the panel's shadow root open, so Playwright's locators can reach it (they cannot pierce closed roots). */
  readonly openPanelRoot: boolean;
  /** Write the reader's performance marks and measures (entrypoints/content/marks.ts) for scripts/bench.mjs. */
  readonly marks: boolean;
}

export const DIAGNOSTICS_KEY = 'diagnostics';
export const NO_DIAGNOSTICS: Diagnostics = { openPanelRoot: false, marks: false };

/** Only `true` switches anything on: a missing, damaged or foreign value means off. */
export function parseDiagnostics(value: unknown): Diagnostics {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { openPanelRoot: v.openPanelRoot === true, marks: v.marks === true };
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
