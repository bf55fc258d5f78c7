// When to re-measure the article's layout after it changed size. Measuring reads the position of
// every line (lib/dom/measure.ts), so a page that resizes its article every frame must not make
// the reader measure every frame: changes are gathered into one measure in an animation frame,
// at most once per gap — the longer of `minGapMs` and `costFactor` times what the last one cost —
// and the last change is always measured (trailing edge), so the landmarks end up current.
// A measure may run in slices (lib/startup/slices.ts): it then returns a promise of the ms its
// work took, changes meanwhile are gathered into one measure after it, and the gap counts only
// that work, not the page's turns between the slices.

export interface SchedulerClock {
  now(): number;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface MeasureScheduler {
  /** The layout changed (ResizeObserver, window resize): a measure will follow, soon but not at once. */
  changed(): void;
  /** Records a measure run by the caller outside the scheduler (the first one), for the gap. */
  measured(startedAt: number, endedAt: number): void;
  /** A sliced measure the caller started outside the scheduler (the first one): changes meanwhile wait for it. */
  measuring(work: Promise<number>): void;
  stop(): void;
}

export interface SchedulerOptions {
  readonly minGapMs?: number;
  readonly costFactor?: number;
}

/** A measure done at once returns nothing; one in slices, a promise of its work's ms. */
export type Measure = () => void | Promise<number>;

export function createMeasureScheduler(
  clock: SchedulerClock,
  measure: Measure,
  options: SchedulerOptions = {},
): MeasureScheduler {
  const minGap = options.minGapMs ?? 200;
  const factor = options.costFactor ?? 10;
  let lastEnd = -Infinity;
  let lastCost = 0;
  let frame = 0;
  let timer = 0;
  let stopped = false;
  /** A sliced measure is under way; `again`: a change came meanwhile. */
  let running = false;
  let again = false;

  const gap = () => Math.max(minGap, lastCost * factor);
  const run = () => {
    frame = 0;
    if (stopped) return;
    const start = clock.now();
    const sliced = measure();
    if (!(sliced instanceof Promise)) {
      record(start, clock.now());
      return;
    }
    follow(sliced);
  };
  const follow = (sliced: Promise<number>) => {
    running = true;
    const done = (work: number) => {
      running = false;
      lastEnd = clock.now();
      lastCost = Math.max(0, work);
      if (again) {
        again = false;
        scheduler.changed();
      }
    };
    sliced.then(done, () => done(0));
  };
  const record = (start: number, end: number) => {
    lastEnd = end;
    lastCost = Math.max(0, end - start);
  };

  const scheduler: MeasureScheduler = {
    changed() {
      if (stopped || frame || timer) return; // one measure is already on its way: it will see this change too
      if (running) {
        again = true; // the measure under way may have read the lines before this change
        return;
      }
      const wait = lastEnd + gap() - clock.now();
      if (wait <= 0) {
        frame = clock.requestAnimationFrame(run);
        return;
      }
      timer = clock.setTimeout(() => {
        timer = 0;
        if (!stopped) frame = clock.requestAnimationFrame(run);
      }, wait);
    },
    measured: record,
    measuring: follow,
    stop() {
      stopped = true;
      if (frame) clock.cancelAnimationFrame(frame);
      if (timer) clock.clearTimeout(timer);
      frame = timer = 0;
    },
  };
  return scheduler;
}

/** The scheduler's clock from a window (its performance clock, frames and timers). */
export function windowClock(win: Window): SchedulerClock {
  return {
    now: () => win.performance.now(),
    requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
    cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (id) => win.clearTimeout(id),
  };
}
