// The reader's timing marks for the benchmark. Times are taken always (performance.now() is cheap),
// but written to the page's performance timeline — which page script can read — only when the
// benchmark asked for them through extension storage (lib/storage/diagnostics.ts), which no page can set.
import { readDiagnostics } from '../storage/diagnostics';

export const START_MARK = 'gongwen-reader:start';
/** Content script start → panel shown (detection, parsing, phrases, progress restore, UI). */
export const READY_MEASURE = 'gongwen-reader:ready';
/** Content script start → end of its first, synchronous check; on every page. */
export const CHECK_MEASURE = 'gongwen-reader:check';

/** Stages inside `ready`, for the benchmark's breakdown: document found, reader bundle running, state restored. */
export const DETECTED_MARK = 'gongwen-reader:detected';
export const BUNDLE_MARK = 'gongwen-reader:bundle';
export const RESTORED_MARK = 'gongwen-reader:restored';

/**
 * Each synchronous stage of the reader's start-up (detect slices, frame, controller, host, layout,
 * place slices, phrases slices, start, measure slices; lib/startup/slices.ts) as a mark named
 * STAGE_PREFIX + stage at the stage's start, with
 * `detail.duration`, so the benchmark can tell the reader's own tasks from the page's and report
 * the longest one.
 */
export const STAGE_PREFIX = 'gongwen-reader:stage:';

type Entry = { readonly name: string; readonly at: number; readonly from?: string; readonly start?: number };

interface Timeline {
  /** null until the switch is read. */
  enabled: boolean | null;
  readonly pending: Entry[];
  /** When each mark was taken, for measures (the detector and the reader bundle share this). */
  readonly times: Map<string, number>;
}

const SLOT = '__gongwenTimeline';

function timeline(): Timeline {
  const scope = globalThis as { [SLOT]?: Timeline };
  let t = scope[SLOT];
  if (!t) {
    const created: Timeline = { enabled: null, pending: [], times: new Map() };
    scope[SLOT] = t = created;
    readDiagnostics().then(
      (d) => settle(created, d.marks),
      () => settle(created, false),
    );
  }
  return t;
}

function settle(t: Timeline, enabled: boolean): void {
  t.enabled = enabled;
  for (const entry of t.pending.splice(0)) if (enabled) write(t, entry);
}

function write(t: Timeline, { name, at, from, start }: Entry): void {
  try {
    // A stage is a mark at its start carrying its length (the page's measures stay the two above).
    if (start !== undefined) performance.mark(name, { startTime: start, detail: { duration: at - start } });
    else if (from === undefined) performance.mark(name, { startTime: at });
    else performance.measure(name, { start: t.times.get(from) ?? at, end: at });
  } catch {
    // A timeline that refuses an entry costs the benchmark a number, never the reader.
  }
}

function record(entry: Entry): void {
  const t = timeline();
  if (entry.from === undefined && entry.start === undefined) t.times.set(entry.name, entry.at);
  if (t.enabled === null) t.pending.push(entry);
  else if (t.enabled) write(t, entry);
}

/** Takes a named time now; it reaches the page's timeline only in a benchmark run. */
export function mark(name: string): void {
  record({ name, at: performance.now() });
}

/** The time from mark `from` to now, as a measure named `name`, under the same condition. */
export function measure(name: string, from: string): void {
  record({ name, at: performance.now(), from });
}

/** Runs `work` (synchronous) as the start-up stage `name`, timed for the benchmark. */
export function stage<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    record({ name: STAGE_PREFIX + name, at: performance.now(), start });
  }
}

/** A stage that ran from `start` (a performance.now() time) until now, timed for the benchmark. */
export function stageSince(name: string, start: number): void {
  record({ name: STAGE_PREFIX + name, at: performance.now(), start });
}
