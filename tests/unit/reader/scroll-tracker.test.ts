// The tracker measures the layout in slices (issue 14): the page has its turns in between, nothing
// is reported from a half-measured layout, and a jump made meanwhile is held as current.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureLandmarks } from '../../../lib/dom/measure';
import { offsetAtY } from '../../../lib/reading/geometry';
import { detectedFixture, flatOf } from './reader-fixture';
import { fakeGeometry, type FakeGeometry } from '../dom/fake-geometry';
import type { TrackerState } from '../../../entrypoints/reader/scroll-tracker';

// The page's turn as a timer task, so a task the page queued first runs first.
vi.mock('../../../lib/startup/yield-to-page', () => ({
  yieldToPage: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
}));
const { createScrollTracker } = await import('../../../entrypoints/reader/scroll-tracker');

let geometry: FakeGeometry | null = null;
afterEach(() => {
  geometry?.restore();
  geometry = null;
});

/** A slow machine: every look at the clock finds 5 ms gone, so each line measured ends a slice. */
function slowClock(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
}

function setUp(log: string[]) {
  const found = detectedFixture();
  geometry = fakeGeometry(found.model.root);
  Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
  const reports: TrackerState[] = [];
  const tracker = createScrollTracker({
    win: window,
    model: () => found.model,
    sections: found.document.sections,
    flat: flatOf(found),
    initialFurthest: 0,
    initialRead: [],
    initialLedger: {},
    ignore: () => null,
    onChange: (state) => {
      log.push('report');
      reports.push(state);
    },
  });
  return { found, tracker, reports };
}

describe('createScrollTracker, measuring in slices', () => {
  it('gives the page its turns and reports only once every line is measured', async () => {
    slowClock();
    const log: string[] = [];
    setTimeout(() => log.push('page task'), 0);
    const { found, tracker, reports } = setUp(log);
    // Measuring has begun, nothing is reported yet and no place is known.
    expect(reports).toEqual([]);
    expect(tracker.isAwayFromReadingLine(found.model.text.length - 1)).toBe(false);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0));
    expect(log[0]).toBe('page task');
    // The report is the one the whole layout gives.
    const landmarks = measureLandmarks(found.model, window);
    expect(reports[0]!.topOffset).toBe(offsetAtY(landmarks, window.scrollY));
    tracker.stop();
  });

  it('holds a section a jump asked for while measuring, and after', async () => {
    slowClock();
    const log: string[] = [];
    const { found, tracker, reports } = setUp(log);
    const target = flatOf(found)[2]!.id;
    tracker.pin(target);
    expect(reports.at(-1)?.currentId).toBe(target);
    // A scroll lands at the section (the jump's own scroll), then the measure ends.
    geometry!.scroll(400);
    await tracker.remeasure();
    expect(tracker.state().currentId).toBe(target);
    tracker.stop();
  });

  it("measures again when the article's size changes, not for the observer's first report of the size it measured", async () => {
    const observers: ResizeObserverCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    const log: string[] = [];
    const { found, tracker, reports } = setUp(log);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0));
    const reads = geometry!.rangeReads();
    const { width, height } = found.model.root.getBoundingClientRect();
    const report = (w: number, h: number) =>
      observers[0]!(
        [{ borderBoxSize: [{ inlineSize: w, blockSize: h }] } as unknown as ResizeObserverEntry],
        {} as ResizeObserver,
      );
    report(width, height);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(geometry!.rangeReads()).toBe(reads);
    report(width, height + 100);
    await vi.waitFor(() => expect(geometry!.rangeReads()).toBeGreaterThan(reads), { timeout: 2000 });
    tracker.stop();
    vi.unstubAllGlobals();
  });

  it('measures again when the page changed under a measure so that it failed', async () => {
    const log: string[] = [];
    const { tracker, reports } = setUp(log);
    // The first line it reads fails, as a Range on a text node split meanwhile does (the measure begins in a later task).
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementationOnce(() => {
      throw new DOMException('offset out of range', 'IndexSizeError');
    });
    const reads = geometry!.rangeReads();
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), { timeout: 2000 });
    expect(geometry!.rangeReads()).toBeGreaterThan(reads + 1);
    tracker.stop();
  });

  it('stops measuring when stopped: no report comes after', async () => {
    slowClock();
    const log: string[] = [];
    const { tracker, reports } = setUp(log);
    tracker.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reports).toEqual([]);
  });
});
