import { describe, expect, it } from 'vitest';
import { createMeasureScheduler, type SchedulerClock } from '../../../lib/dom/measure-scheduler';

/** A fake clock: frames every 16 ms, timers in time order. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: SchedulerClock & { advance(ms: number): void; spend(ms: number): void } = {
    now: () => now,
    requestAnimationFrame(callback) {
      const id = nextId++;
      timers.set(id, { at: Math.ceil((now + 0.001) / 16) * 16, callback });
      return id;
    },
    cancelAnimationFrame: (id) => void timers.delete(id),
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
    },
    /** Time passing inside a callback (what a measure costs). */
    spend(ms) {
      now += ms;
    },
  };
  return clock;
}

describe('createMeasureScheduler', () => {
  it('an article resized every frame for 10 s is measured a few times a second, not 600 times', () => {
    const clock = fakeClock();
    let measures = 0;
    const scheduler = createMeasureScheduler(clock, () => {
      measures++;
      clock.spend(5);
    });
    for (let frame = 0; frame < 600; frame++) {
      scheduler.changed();
      clock.advance(1000 / 60);
    }
    expect(measures).toBeGreaterThanOrEqual(40); // still follows the layout
    expect(measures).toBeLessThanOrEqual(51); // one per 200 ms at most
  });

  it('spaces measures further apart when each costs more', () => {
    const clock = fakeClock();
    let measures = 0;
    const scheduler = createMeasureScheduler(clock, () => {
      measures++;
      clock.spend(60); // a huge article: 60 ms a measure → at most one every 600 ms
    });
    for (let frame = 0; frame < 600; frame++) {
      scheduler.changed();
      clock.advance(1000 / 60);
    }
    expect(measures).toBeLessThanOrEqual(Math.ceil(10_000 / 660) + 1);
    expect(measures * 60).toBeLessThan(1_000); // under a second of measuring in 10 s
  });

  it('measures once after a burst, in a frame, and at once when the last measure is long past', () => {
    const clock = fakeClock();
    const at: number[] = [];
    const scheduler = createMeasureScheduler(clock, () => void at.push(clock.now()));
    scheduler.measured(0, 1);
    clock.advance(1000);
    scheduler.changed();
    scheduler.changed();
    clock.advance(20);
    expect(at).toEqual([1008]); // the next frame
    scheduler.changed(); // within the gap: waits, then measures the last change
    clock.advance(100);
    expect(at).toHaveLength(1);
    clock.advance(200);
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(200);
  });

  it('does nothing once stopped', () => {
    const clock = fakeClock();
    let measures = 0;
    const scheduler = createMeasureScheduler(clock, () => void measures++);
    scheduler.changed();
    scheduler.stop();
    scheduler.changed();
    clock.advance(1000);
    expect(measures).toBe(0);
  });
});

describe('createMeasureScheduler, measures in slices', () => {
  /** A sliced measure the test finishes by hand, costing `work` ms of slices. */
  function slicedMeasures(_clock: ReturnType<typeof fakeClock>) {
    const open: (() => void)[] = [];
    let started = 0;
    const measure = () => {
      started++;
      return new Promise<number>((resolve) => open.push(() => resolve(50)));
    };
    return { measure, started: () => started, finish: () => open.shift()?.() };
  }

  it('gathers the changes made while a sliced measure runs into one measure after it, spaced by its work', async () => {
    const clock = fakeClock();
    const sliced = slicedMeasures(clock);
    const scheduler = createMeasureScheduler(clock, sliced.measure, { minGapMs: 100, costFactor: 10 });
    scheduler.changed();
    clock.advance(16);
    expect(sliced.started()).toBe(1);
    // The layout keeps changing while the slices run: no second measure starts beside the first.
    for (let frame = 0; frame < 20; frame++) {
      scheduler.changed();
      clock.advance(16);
    }
    expect(sliced.started()).toBe(1);
    sliced.finish();
    await Promise.resolve();
    await Promise.resolve();
    // One trailing measure, after 10× the first one's 50 ms of work.
    clock.advance(499);
    expect(sliced.started()).toBe(1);
    clock.advance(20);
    expect(sliced.started()).toBe(2);
    sliced.finish();
    await Promise.resolve();
    await Promise.resolve();
    clock.advance(2000);
    expect(sliced.started()).toBe(2);
  });

  it('a first sliced measure started by the caller holds back the changes made meanwhile', async () => {
    const clock = fakeClock();
    const sliced = slicedMeasures(clock);
    const scheduler = createMeasureScheduler(clock, sliced.measure, { minGapMs: 100, costFactor: 1 });
    scheduler.measuring(sliced.measure());
    scheduler.changed();
    clock.advance(500);
    expect(sliced.started()).toBe(1);
    sliced.finish();
    await Promise.resolve();
    await Promise.resolve();
    clock.advance(200);
    expect(sliced.started()).toBe(2);
  });
});
