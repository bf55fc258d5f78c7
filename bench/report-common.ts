// What every part of the bench's report shares: where it is written, the page and step lists
// the measures and the tables both follow, numbers in ms, and the judge that marks a target ✓ or
// ✗ MISSED and keeps the MISSED line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_MD = path.join(ROOT, 'bench', 'RESULTS.md');
export const NON_DOCUMENT = 'not-news-story.html';
export const LONG_TASK_MS = 50;
export const SCROLL_STEP_PX = 400;

/**
 * Where `ready` goes, from the stage marks the extension leaves (lib/startup/marks.ts):
 * detection in the content script, then the wait for the injected reader bundle, then any further
 * wait for the stored state, then the reader's own start (controller, panel frame connected).
 */
export const STAGES = [
  { key: 'detectMs', label: 'detect', from: 'start', to: 'detected' },
  { key: 'bundleMs', label: 'bundle injected', from: 'detected', to: 'bundle' },
  { key: 'storageMs', label: 'then storage', from: 'bundle', to: 'restored' },
  { key: 'renderMs', label: 'reader start + panel', from: 'restored', to: 'ready' },
];

/**
 * Where the panel's frame goes (bench/panel-frame.mjs), in order: from the frame put on the
 * page to the outline drawn in it; the steps add up to that span.
 */
export const FRAME_STEPS = [
  { key: 'toNavigation', label: 'inserted → navigation' },
  { key: 'fetch', label: 'fetch' },
  { key: 'commitParse', label: 'process + HTML' },
  { key: 'script', label: 'panel script' },
  { key: 'toLoad', label: '→ load' },
  { key: 'toConnect', label: 'load → connected (page thread)' },
  { key: 'toDrawn', label: '→ outline drawn' },
];

export const ms = (v: number | undefined, digits = 1): string =>
  v !== undefined && Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a';
const mark = (ok: boolean | null): string => (ok === null ? '' : ok ? '✓' : '✗ MISSED');

/** A judge that records each missed target in `missed` and gives the table's mark. */
/** Marks a target met (✓), missed (✗ MISSED, recorded) or not judged (`ok` null). */
export type Judge = (label: string, ok: boolean | null, detail: string) => string;

export function judgeInto(missed: string[]): Judge {
  return (label, ok, detail) => {
    if (ok === false) missed.push(`MISSED: ${label} — ${detail}`);
    return mark(ok);
  };
}
