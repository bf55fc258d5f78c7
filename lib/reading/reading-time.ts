// Progress as text actually read: the text is cut into segments (preamble, each section's own
// text, tail); each tick the reader spends on still text earns characters at a reading speed,
// credited to the text that stayed on screen the whole tick, never more than was seen.
// Pure: the tracker feeds it text offsets and times; nothing here touches the DOM.
import type { Section } from '../document/types';

/** Reading speed of the rule: characters of Chinese official text a reader gets through per minute. */
export const READING_SPEED_CPM = 500;
/** Text must have been on screen at least this long (one tick, with timer slack) before it earns. */
export const MIN_STEADY_MS = 900;
/** Longest stretch one tick may count: a late timer (throttled tab) does not earn a minute at once. */
export const MAX_TICK_MS = 2000;
/**
 * Reading becomes the place to come back to (the resume point) once it has gone on this long
 * without a jump: a glance after a jump does not move 继续阅读 away from where reading was.
 */
export const RESUME_RUN_MS = 6000;
/** A section is read once this share of its text has been credited. */
export const READ_SHARE = 0.5;

/** Segment ids of the text before the first section and after the last one. */
export const PREAMBLE_ID = 'pre';
export const TAIL_ID = 'tail';

/** [start, end) in the article text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Segment extends Span {
  /** The section's id, or PREAMBLE_ID / TAIL_ID. */
  readonly id: string;
}

/** Characters credited per segment id (only segments with credit appear). */
export type Ledger = Readonly<Record<string, number>>;

export interface ReadingState {
  /** Credited characters per segment: what was stored plus what this visit earned. */
  readonly ledger: Ledger;
  /** Per segment index: what was stored when the visit began (clamped to the segment). */
  readonly stored: readonly number[];
  /** Per segment index: characters earned this visit (fractional; the ledger keeps whole ones). */
  readonly earned: readonly number[];
  /** Per segment index: text of it that stayed on screen a whole tick this visit, as disjoint sorted spans. */
  readonly seen: readonly (readonly Span[])[];
  /** Text on screen without a break since `since` (ms), or null after a jump or while nothing counts. */
  readonly steady: { readonly span: Span; readonly since: number } | null;
  /** Start of the current run of ticks with text held on screen (no jump, not hidden), or null. */
  readonly run: number | null;
  /**
   * Reading-area top offset at the last tick that earned credit after at least RESUME_RUN_MS
   * of steady reading: where reading last happened.
   */
  readonly resumeAt: number | null;
}

/**
 * The segments of a text: the preamble before the first section, then each section (parts and
 * sub-points in reading order) from its start to the next section's start, the last one to the
 * body's end, then the tail. Empty preamble and tail are left out.
 */
export function textSegments(sections: readonly Section[], textLength: number): Segment[] {
  const flat: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const section of list) {
      flat.push(section);
      visit(section.children);
    }
  };
  visit(sections);
  const length = Math.max(0, textLength);
  if (flat.length === 0) return length > 0 ? [{ id: PREAMBLE_ID, start: 0, end: length }] : [];
  const bodyEnd = Math.min(length, Math.max(...sections.map((s) => s.end)));
  const out: Segment[] = [];
  const first = Math.min(flat[0]!.start, length);
  if (first > 0) out.push({ id: PREAMBLE_ID, start: 0, end: first });
  flat.forEach((section, i) => {
    const start = Math.min(section.start, length);
    const end = Math.max(start, Math.min(flat[i + 1]?.start ?? bodyEnd, length));
    out.push({ id: section.id, start, end });
  });
  const last = out[out.length - 1]!.end;
  if (last < length) out.push({ id: TAIL_ID, start: last, end: length });
  return out;
}

/** A visit's starting state: the stored ledger, each entry cut to its segment; unknown ids dropped. */
export function startReading(segments: readonly Segment[], stored: Ledger): ReadingState {
  const base = segments.map((s) => {
    const value = Object.hasOwn(stored, s.id) ? stored[s.id]! : 0;
    return Number.isFinite(value) ? Math.min(s.end - s.start, Math.max(0, Math.floor(value))) : 0;
  });
  return {
    ledger: toLedger(segments, base),
    stored: base,
    earned: segments.map(() => 0),
    seen: segments.map(() => []),
    steady: null,
    run: null,
    resumeAt: null,
  };
}

/** The view changed (a scroll frame): only text that stays on screen keeps its clock running. */
export function observeView(state: ReadingState, view: Span): ReadingState {
  if (!state.steady) return state;
  const span = intersect(state.steady.span, view);
  if (span && span.start === state.steady.span.start && span.end === state.steady.span.end) return state;
  return { ...state, steady: span ? { span, since: state.steady.since } : null };
}

/** A jump started or the page was hidden: nothing on screen now has been read. */
export function interruptReading(state: ReadingState): ReadingState {
  return state.steady || state.run !== null ? { ...state, steady: null, run: null } : state;
}

export interface Tick {
  /** Text offsets on screen now. */
  readonly view: Span;
  /** Offset at the top of the reading area now (the resume point if this tick earns). */
  readonly top: number;
  readonly now: number;
  /** The page is visible and no jump's scroll is running. */
  readonly still: boolean;
  /** Characters per minute; READING_SPEED_CPM unless a test says otherwise. */
  readonly speed?: number;
}

/**
 * One tracker tick. If the page is still and some text has stayed on screen at least
 * MIN_STEADY_MS, the time it stayed earns characters at the reading speed, credited to that
 * text in document order; a segment never earns more of it than stayed on screen this visit,
 * nor more than its length. A new steady stretch starts at the view now.
 */
export function tickReading(state: ReadingState, segments: readonly Segment[], tick: Tick): ReadingState {
  const held = state.steady ? intersect(state.steady.span, tick.view) : null;
  const ms = state.steady ? tick.now - state.steady.since : 0;
  if (!tick.still) return { ...state, steady: null, run: null };
  // Too short yet (an early tick): the stretch goes on.
  if (held && ms < MIN_STEADY_MS) return { ...state, steady: { span: held, since: state.steady!.since } };
  const steady = { span: tick.view, since: tick.now };
  if (!held) return { ...state, steady, run: null };
  const run = state.run ?? state.steady!.since;

  let budget = (Math.min(ms, MAX_TICK_MS) * (tick.speed ?? READING_SPEED_CPM)) / 60_000;
  const earned = [...state.earned];
  const seen = [...state.seen];
  let gained = 0;
  for (let i = firstSegmentAfter(segments, held.start); i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.start >= held.end) break;
    const part = intersect(segment, held);
    if (!part) continue;
    seen[i] = addSpan(seen[i]!, part);
    const room = Math.min(
      spanLength(seen[i]!) - earned[i]!,
      segment.end - segment.start - state.stored[i]! - earned[i]!,
    );
    const give = Math.max(0, Math.min(budget, room));
    earned[i] = earned[i]! + give;
    budget -= give;
    gained += give;
  }
  if (gained === 0) return { ...state, seen, steady, run };
  const total = state.stored.map((s, i) => s + earned[i]!);
  const resumeAt = tick.now - run >= RESUME_RUN_MS ? tick.top : state.resumeAt;
  return { ledger: toLedger(segments, total), stored: state.stored, earned, seen, steady, run, resumeAt };
}

/** Credited characters in a ledger. */
export function creditedTotal(ledger: Ledger): number {
  let sum = 0;
  for (const id in ledger) {
    const value = ledger[id]!;
    if (Number.isFinite(value) && value > 0) sum += value;
  }
  return sum;
}

/**
 * Sections read by the rule: credit on the section's own text plus its sub-points' reaches
 * READ_SHARE of its length. Parts and sub-points, in reading order.
 */
export function readSectionIds(sections: readonly Section[], segments: readonly Segment[], ledger: Ledger): string[] {
  const index = new Map(segments.map((s, i) => [s.id, i]));
  const out: string[] = [];
  // Returns [credited, length] of the section and its descendants.
  const visit = (section: Section): [number, number] => {
    const i = index.get(section.id);
    const own = i === undefined ? null : segments[i]!;
    let credited = own ? Math.min(own.end - own.start, ledger[own.id] ?? 0) : 0;
    let length = own ? own.end - own.start : 0;
    const at = out.length;
    for (const child of section.children) {
      const [c, l] = visit(child);
      credited += c;
      length += l;
    }
    if (length > 0 && credited >= length * READ_SHARE) out.splice(at, 0, section.id);
    return [credited, length];
  };
  for (const section of sections) visit(section);
  return out;
}

/**
 * Credit stored meanwhile by another tab or computer joins this visit's: each segment ends at the
 * larger of the two (as mergeLedgers does), without counting this visit's own credit twice.
 * Returns `state` itself when nothing is new.
 */
export function adoptLedger(state: ReadingState, segments: readonly Segment[], incoming: Ledger): ReadingState {
  const cut = startReading(segments, incoming).stored;
  let changed = false;
  const stored = state.stored.map((s, i) => {
    const wanted = Math.max(s, cut[i]! - state.earned[i]!);
    if (wanted > s) changed = true;
    return wanted;
  });
  if (!changed) return state;
  return {
    ...state,
    stored,
    ledger: toLedger(
      segments,
      stored.map((s, i) => s + state.earned[i]!),
    ),
  };
}

/** Per-segment maximum of two ledgers (order-independent: used to merge stored copies). */
export function mergeLedgers(a: Ledger, b: Ledger): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of [...Object.keys(a), ...Object.keys(b)].sort()) {
    const value = Math.max(a[id] ?? 0, b[id] ?? 0);
    if (value > 0) out[id] = value;
  }
  return out;
}

// --- spans ---

function intersect(a: Span, b: Span): Span | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
}

function spanLength(spans: readonly Span[]): number {
  let sum = 0;
  for (const s of spans) sum += s.end - s.start;
  return sum;
}

/** `spans` with `add` joined in, kept disjoint and sorted. */
function addSpan(spans: readonly Span[], add: Span): Span[] {
  const out: Span[] = [];
  let start = add.start;
  let end = add.end;
  for (const s of spans) {
    if (s.end < start || s.start > end) out.push(s);
    else {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
  }
  out.push({ start, end });
  return out.sort((x, y) => x.start - y.start);
}

/** Index of the first segment ending after `offset` (segments are sorted and contiguous). */
function firstSegmentAfter(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toLedger(segments: readonly Segment[], totals: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  segments.forEach((s, i) => {
    const whole = Math.floor(totals[i]! + 1e-9);
    if (whole > 0) out[s.id] = whole;
  });
  return out;
}
