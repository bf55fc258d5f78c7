// The reading-time rule: segments, credit earned only by still text at 500 characters a minute,
// capped by what was seen, sections read at half their length, resume where reading last happened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../lib/document/types';
import {
  MIN_STEADY_MS,
  PREAMBLE_ID,
  READING_SPEED_CPM,
  RESUME_RUN_MS,
  TAIL_ID,
  adoptLedger,
  creditedTotal,
  interruptReading,
  mergeLedgers,
  observeView,
  readSectionIds,
  startReading,
  textSegments,
  tickReading,
  type ReadingState,
  type Segment,
  type Span,
} from '../../../lib/reading/reading-time';
import { percentRead } from '../../../lib/reading/progress';

function section(id: string, start: number, end: number, children: Section[] = []): Section {
  return {
    id,
    kind: 'part',
    level: 1,
    marker: '',
    number: 1,
    heading: id,
    headingStart: start,
    headingEnd: start + 5,
    start,
    end,
    children,
  };
}

// A 1000-character text: 100 preamble, part 一 (100–400) with two sub-points, 二 (400–600), 三 (600–900), 100 tail.
const TEXT_LENGTH = 1000;
const sections: Section[] = [
  section('p1', 100, 400, [section('p1.k1', 150, 300), section('p1.k2', 300, 400)]),
  section('p2', 400, 600),
  section('p3', 600, 900),
];
const segments = textSegments(sections, TEXT_LENGTH);
/** Characters earned in one second at the rule's speed. */
const PER_SECOND = READING_SPEED_CPM / 60;

/** Holds `view` still for `seconds`, ticking once a second from `from` ms; returns the state and the end time. */
function dwell(
  state: ReadingState,
  view: Span,
  seconds: number,
  from = 0,
  top = view.start,
): { state: ReadingState; now: number } {
  let s = observeView(state, view);
  let now = from;
  for (let i = 0; i < seconds; i++) {
    now += 1000;
    s = tickReading(observeView(s, view), segments, { view, top, now, still: true });
  }
  return { state: s, now };
}

/** A fresh visit whose first tick has already started the steady clock at time 0 on `view`. */
function startedAt(view: Span, stored = {}): ReadingState {
  return tickReading(startReading(segments, stored), segments, { view, top: view.start, now: 0, still: true });
}

describe('textSegments', () => {
  it('cuts preamble, each section’s own text and the tail, covering the text without gaps', () => {
    expect(segments).toEqual<Segment[]>([
      { id: PREAMBLE_ID, start: 0, end: 100 },
      { id: 'p1', start: 100, end: 150 },
      { id: 'p1.k1', start: 150, end: 300 },
      { id: 'p1.k2', start: 300, end: 400 },
      { id: 'p2', start: 400, end: 600 },
      { id: 'p3', start: 600, end: 900 },
      { id: TAIL_ID, start: 900, end: 1000 },
    ]);
  });

  it('leaves out an empty preamble or tail, and makes one segment of a text without sections', () => {
    const flush = textSegments([section('p1', 0, 50), section('p2', 50, 80)], 80);
    expect(flush.map((s) => s.id)).toEqual(['p1', 'p2']);
    expect(textSegments([], 30)).toEqual([{ id: PREAMBLE_ID, start: 0, end: 30 }]);
    expect(textSegments([], 0)).toEqual([]);
  });
});

describe('tickReading', () => {
  it('earns 500 characters a minute on still text, in document order', () => {
    const view = { start: 100, end: 600 };
    const { state } = dwell(startedAt(view), view, 12);
    // 12 s at 500/min = 100 characters: p1's own 50, then 50 of p1.k1.
    expect(state.ledger).toEqual({ p1: 50, 'p1.k1': 50 });
    expect(creditedTotal(state.ledger)).toBe(12 * PER_SECOND);
  });

  it('reads nothing on a jump: text must stay on screen a whole tick first', () => {
    let state = startedAt({ start: 0, end: 300 });
    // Jump to the last part half a second later, tick right after.
    state = observeView(state, { start: 600, end: 900 });
    state = tickReading(state, segments, { view: { start: 600, end: 900 }, top: 600, now: 600, still: true });
    expect(state.ledger).toEqual({});
    expect(state.resumeAt).toBeNull();
    // An early tick (less than MIN_STEADY_MS later) still earns nothing.
    state = tickReading(state, segments, {
      view: { start: 600, end: 900 },
      top: 600,
      now: 600 + MIN_STEADY_MS - 1,
      still: true,
    });
    expect(state.ledger).toEqual({});
    // After a whole second there, it does.
    state = tickReading(state, segments, { view: { start: 600, end: 900 }, top: 600, now: 1600, still: true });
    expect(creditedTotal(state.ledger)).toBe(Math.floor(PER_SECOND));
  });

  it('earns nothing while a jump’s scroll runs or the page is hidden, and a jump interrupts the clock', () => {
    const view = { start: 100, end: 400 };
    let state = startedAt(view);
    state = tickReading(state, segments, { view, top: 100, now: 1000, still: false });
    expect(state.ledger).toEqual({});
    state = tickReading(state, segments, { view, top: 100, now: 2000, still: true });
    expect(state.ledger).toEqual({}); // the stretch only began at 1000 (after `still` came back)
    state = interruptReading(state);
    state = tickReading(state, segments, { view, top: 100, now: 3000, still: true });
    expect(state.ledger).toEqual({});
    state = tickReading(state, segments, { view, top: 100, now: 4000, still: true });
    expect(creditedTotal(state.ledger)).toBe(Math.floor(PER_SECOND));
  });

  it('credits only text that stayed on screen the whole tick', () => {
    let state = startedAt({ start: 400, end: 700 });
    // Scrolled down a little during the second: 400–450 left the screen, 700–750 came in.
    state = observeView(state, { start: 450, end: 750 });
    state = tickReading(state, segments, { view: { start: 450, end: 750 }, top: 450, now: 1000, still: true });
    const [p2] = [state.ledger.p2 ?? 0];
    expect(p2).toBe(Math.floor(PER_SECOND));
    expect(state.seen[segments.findIndex((s) => s.id === 'p2')]).toEqual([{ start: 450, end: 600 }]);
    expect(state.seen[segments.findIndex((s) => s.id === 'p3')]).toEqual([{ start: 600, end: 700 }]);
  });

  it('never credits a segment more than has been on screen this visit, nor more than its length', () => {
    // Only the first 60 characters of part 二 are on screen, for ten minutes.
    const view = { start: 400, end: 460 };
    const { state } = dwell(startedAt(view), view, 600);
    expect(state.ledger).toEqual({ p2: 60 });
    // A stored credit is never exceeded past the segment's length.
    const full = { start: 400, end: 600 };
    const again = dwell(startedAt(full, { p2: 190 }), full, 600).state;
    expect(again.ledger.p2).toBe(200);
  });

  it('slow scrolling through a part reads it; a quick pass does not', () => {
    // Two screens of 150 characters; the part 二 (200 characters) takes 24 s at 500/min.
    let state = startedAt({ start: 350, end: 500 });
    let now = 0;
    for (let top = 350; top <= 470; top += 5) {
      const view = { start: top, end: top + 150 };
      state = observeView(state, view);
      now += 1000;
      state = tickReading(state, segments, { view, top, now, still: true });
    }
    expect(readSectionIds(sections, segments, state.ledger)).toContain('p2');

    let quick = startedAt({ start: 350, end: 500 });
    for (let top = 350, t = 0; top <= 900; top += 100) {
      const view = { start: top, end: top + 150 };
      quick = observeView(quick, view);
      t += 1000;
      quick = tickReading(quick, segments, { view, top, now: t, still: true });
    }
    expect(readSectionIds(sections, segments, quick.ledger)).toEqual([]);
  });

  it('sets the resume point at the top of the view of the last tick that earned credit in steady reading', () => {
    const reading = { start: 150, end: 400 };
    const seconds = RESUME_RUN_MS / 1000;
    let { state, now } = dwell(startedAt(reading), reading, seconds - 1, 0, 160);
    // Reading has only just begun: not yet a place to come back to.
    expect(creditedTotal(state.ledger)).toBeGreaterThan(0);
    expect(state.resumeAt).toBeNull();
    ({ state, now } = dwell(state, reading, 1, now, 160));
    expect(state.resumeAt).toBe(160);
    // Reading on (scrolling slowly) moves it along.
    ({ state, now } = dwell(state, { start: 160, end: 410 }, 1, now, 170));
    expect(state.resumeAt).toBe(170);
    // A jump to part 三 and a few seconds' glance there earn a little but do not move it.
    const far = { start: 600, end: 900 };
    state = observeView(state, far);
    state = tickReading(state, segments, { view: far, top: 640, now: now + 300, still: true });
    ({ state, now } = dwell(state, far, seconds - 1, now + 300, 640));
    expect(state.ledger.p3).toBeGreaterThan(0);
    expect(state.resumeAt).toBe(170);
    // Staying to read there does.
    ({ state } = dwell(state, far, 1, now, 640));
    expect(state.resumeAt).toBe(640);
    // Hiding the page breaks the run.
    state = interruptReading(state);
    expect(state.run).toBeNull();
  });

  it('counts at most MAX_TICK_MS for one late tick', () => {
    const view = { start: 100, end: 900 };
    const state = tickReading(startedAt(view), segments, { view, top: 100, now: 60_000, still: true });
    expect(creditedTotal(state.ledger)).toBe(Math.floor(2 * PER_SECOND));
  });

  it('earns at most the time spent, whatever the views (property)', () => {
    const view = fc
      .record({ start: fc.integer({ min: 0, max: 999 }), len: fc.integer({ min: 1, max: 400 }) })
      .map(({ start, len }) => ({ start, end: Math.min(TEXT_LENGTH, start + len) }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ view, still: fc.boolean(), dt: fc.integer({ min: 100, max: 3000 }) }), { maxLength: 30 }),
        (steps) => {
          let state = startReading(segments, {});
          let now = 0;
          for (const step of steps) {
            now += step.dt;
            state = tickReading(observeView(state, step.view), segments, {
              view: step.view,
              top: step.view.start,
              now,
              still: step.still,
            });
          }
          const total = creditedTotal(state.ledger);
          expect(total).toBeLessThanOrEqual((now * READING_SPEED_CPM) / 60_000 + 1e-6);
          segments.forEach((s, i) => {
            expect(state.ledger[s.id] ?? 0).toBeLessThanOrEqual(s.end - s.start);
            const seen = state.seen[i]!.reduce((sum, sp) => sum + sp.end - sp.start, 0);
            expect(state.earned[i]).toBeLessThanOrEqual(seen + 1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('startReading', () => {
  it('takes the stored ledger, cut to each segment, dropping ids the text no longer has', () => {
    const state = startReading(segments, { p2: 999, p3: 120.7, p9: 50, tail: -3 });
    expect(state.ledger).toEqual({ p2: 200, p3: 120 });
  });
});

describe('readSectionIds', () => {
  it('marks a section read at half its length, counting its sub-points’ credit', () => {
    // p1 is 300 long (own 50 + k1 150 + k2 100); 150 credited reads it; k1 read at 75.
    expect(readSectionIds(sections, segments, { 'p1.k1': 75, 'p1.k2': 75 })).toEqual(['p1', 'p1.k1', 'p1.k2']);
    expect(readSectionIds(sections, segments, { 'p1.k1': 74, 'p1.k2': 75 })).toEqual(['p1.k2']);
    expect(readSectionIds(sections, segments, { p3: 149, p2: 100 })).toEqual(['p2']);
    expect(readSectionIds(sections, segments, {})).toEqual([]);
  });
});

describe('percent of text read', () => {
  it('is credited characters over the text length, 100 only when all is credited', () => {
    const all = Object.fromEntries(segments.map((s) => [s.id, s.end - s.start]));
    expect(percentRead(creditedTotal(all), TEXT_LENGTH)).toBe(100);
    expect(percentRead(creditedTotal({ ...all, tail: 99 }), TEXT_LENGTH)).toBe(99);
    expect(percentRead(creditedTotal({ p2: 150 }), TEXT_LENGTH)).toBe(15);
    // The first screen, however long it is shown, earns at most what is on it.
    const first = { start: 0, end: 280 };
    const { state } = dwell(startedAt(first), first, 5);
    expect(percentRead(creditedTotal(state.ledger), TEXT_LENGTH)).toBe(4);
  });
});

describe('mergeLedgers', () => {
  it('takes the larger credit per segment, whatever the order', () => {
    expect(mergeLedgers({ p1: 10, p2: 50 }, { p2: 40, p3: 7 })).toEqual({ p1: 10, p2: 50, p3: 7 });
    expect(mergeLedgers({ p2: 40, p3: 7 }, { p1: 10, p2: 50 })).toEqual(
      mergeLedgers({ p1: 10, p2: 50 }, { p2: 40, p3: 7 }),
    );
  });
});

describe('adoptLedger', () => {
  it('joins credit stored elsewhere as the larger per segment, without counting this visit twice', () => {
    const view = { start: 100, end: 600 };
    // This visit earned p1 50 and p1.k1 50 (see tickReading), on top of nothing stored.
    const { state } = dwell(startedAt(view), view, 12);
    // Elsewhere: p1.k1 30 (less than here), p2 120 (new), and more than a segment holds for p3.
    const joined = adoptLedger(state, segments, { p1: 50, 'p1.k1': 30, p2: 120, p3: 5000 });
    expect(joined.ledger).toEqual(mergeLedgers(state.ledger, { p1: 50, 'p1.k1': 30, p2: 120, p3: 300 }));
    // This visit's own credit, saved and coming back, changes nothing.
    expect(adoptLedger(joined, segments, joined.ledger)).toBe(joined);
    // Reading on after the join still cannot pass a segment's length.
    const on = dwell(joined, { start: 600, end: 900 }, 60, 20_000).state;
    expect(on.ledger.p3).toBe(300);
  });
});
