// Percent, parts-read counting and the throttled saver under fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledSaver, partsReadCount, percentRead } from '../../../lib/reading/progress';

describe('percentRead', () => {
  it('is a 0–100 integer', () => {
    expect(percentRead(0, 1000)).toBe(0);
    expect(percentRead(333, 1000)).toBe(33);
    expect(percentRead(999, 1000)).toBe(99);
    expect(percentRead(1000, 1000)).toBe(100);
    expect(percentRead(5000, 1000)).toBe(100);
    expect(percentRead(10, 0)).toBe(0);
    expect(percentRead(Number.NaN, 100)).toBe(0);
  });
});

describe('partsReadCount', () => {
  it('counts top-level parts in the read set', () => {
    const parts = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }];
    expect(partsReadCount(parts, ['p1', 'p2.k1', 'p3'])).toEqual({ read: 2, total: 3 });
    expect(partsReadCount(parts, new Set(['p2']))).toEqual({ read: 1, total: 3 });
  });
});

describe('createThrottledSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves at most once per interval while scheduled continuously, with a trailing save', async () => {
    const times: number[] = [];
    const save = vi.fn(async () => {
      times.push(Date.now());
    });
    const start = Date.now();
    const saver = createThrottledSaver(save, 1000);
    for (let t = 0; t < 2900; t += 100) {
      saver.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    saver.schedule(); // at 2900
    // Scheduled every 100 ms for ~3 s: leading save at 0, then one per second.
    expect(times.map((t) => t - start)).toEqual([0, 1000, 2000]);
    await vi.advanceTimersByTimeAsync(1000);
    // The last schedule (at 2900) is saved at 3000, and then nothing more.
    expect(times.map((t) => t - start)).toEqual([0, 1000, 2000, 3000]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(4);
  });

  it('coalesces a burst into one save', async () => {
    const save = vi.fn(async () => {});
    const saver = createThrottledSaver(save, 1000);
    saver.schedule();
    saver.schedule();
    saver.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never overlaps saves and re-saves what was scheduled during one', async () => {
    let active = 0;
    let maxActive = 0;
    const save = vi.fn(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 2500));
      active--;
    });
    const saver = createThrottledSaver(save, 1000);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
  });

  it('flush runs a pending save at once; cancel forgets it', async () => {
    const save = vi.fn(async () => {});
    const saver = createThrottledSaver(save, 1000);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(0);
    saver.schedule();
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    saver.schedule();
    saver.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('reports failures of scheduled saves and rethrows from flush', async () => {
    const onError = vi.fn();
    const save = vi.fn(async () => {
      throw new Error('boom');
    });
    const saver = createThrottledSaver(save, 1000, onError);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledTimes(1);
    saver.schedule();
    await expect(saver.flush()).rejects.toThrow('boom');
  });
});
