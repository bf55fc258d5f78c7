// Long work in slices (issue 14): the page gets its turn between slices, the result is the same
// as running it at once, a caller that needs it sooner finishes it at once, and a stopped run ends.
import { describe, expect, it, vi } from 'vitest';
import { drain, runInSlices, startSlicedJob, type Steps } from '../../../lib/startup/slices';

/** Work of `n` steps that logs each one and returns their sum. */
function* counted(n: number, log: string[]): Generator<void, number, void> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    sum += i;
    yield;
  }
  return sum;
}

/** The page's turn as a timer task: it runs after tasks the page queued before it. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('drain', () => {
  it('runs the work to its end in one go', () => {
    const log: string[] = [];
    expect(drain(counted(4, log))).toBe(6);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'step 3']);
  });
});

describe('runInSlices', () => {
  it('lets a task the page queued run between slices, and gives the same result', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page task'), 0);
    const slices: number[] = [];
    const run = runInSlices(counted(3, log), { sliceMs: 0, pause, onSlice: (began) => slices.push(began) });
    // The first slice runs at once; the rest waits for the page's turn.
    expect(log).toEqual(['step 0']);
    const result = await run;
    expect(result?.value).toBe(drain(counted(3, [])));
    expect(log.indexOf('page task')).toBeGreaterThan(0);
    expect(log.indexOf('page task')).toBeLessThan(log.indexOf('step 2'));
    // One stage mark per slice: three steps, and the slice that returns.
    expect(slices).toHaveLength(4);
  });

  it("with `later`, waits for the page's turn before its first slice too", async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page task'), 0);
    const run = runInSlices(counted(2, log), { sliceMs: Infinity, pause, later: true });
    expect(log).toEqual([]);
    expect((await run)?.value).toBe(1);
    expect(log).toEqual(['page task', 'step 0', 'step 1']);
  });

  it('keeps going in one slice while the budget lasts', async () => {
    const log: string[] = [];
    const pauseSpy = vi.fn(pause);
    const result = await runInSlices(counted(5, log), { sliceMs: Infinity, pause: pauseSpy });
    expect(result?.value).toBe(10);
    expect(pauseSpy).not.toHaveBeenCalled();
  });

  it('stops between slices when its signal aborts: the rest never runs', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const run = runInSlices(counted(5, log), { sliceMs: 0, pause, signal: stop.signal });
    stop.abort();
    expect(await run).toBeNull();
    expect(log).toEqual(['step 0']);
  });
});

describe('startSlicedJob', () => {
  it('finishes at once when the result is needed before the slices come to it', async () => {
    const log: string[] = [];
    const job = startSlicedJob(counted(4, log), { sliceMs: 0, pause });
    expect(job.settled()).toBe(false);
    expect(job.result()).toBe(6);
    expect(job.settled()).toBe(true);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'step 3']);
    expect(await job.done).toBe(6);
    // No step ran twice after the slices resumed.
    expect(log).toHaveLength(4);
  });

  it('passes a failure in the work to whoever waits for it', async () => {
    const failing = (function* (): Generator<void, number, void> {
      yield;
      throw new Error('broken');
    })() as Steps<number>;
    await expect(startSlicedJob(failing, { sliceMs: 0, pause }).done).rejects.toThrow('broken');
  });
});
