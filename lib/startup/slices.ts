// Long work of the reader (measuring every line, finding phrases in the whole text) written once as
// a generator that yields at safe points, then run either all at once (`drain`) or in slices of a
// few milliseconds with the main thread handed back to the page between them (`runInSlices`,
// lib/startup/yield-to-page.ts), so no task of ours grows with the page (issue 14). A sliced run
// can also be finished at once when someone needs its result now (`startSlicedJob`).
import { yieldToPage } from './yield-to-page';
import type { Steps } from '../document/steps';

export { drain, type Steps } from '../document/steps';

/** Work per slice by default: well inside one frame at 1× CPU, and under 50 ms at 4×. */
export const SLICE_MS = 4;

export interface SliceOptions {
  /** Work between pauses, in ms (0: pause at every yield point). */
  readonly sliceMs?: number;
  /** Gives the page its turn (default: yieldToPage). */
  readonly pause?: () => Promise<void>;
  /** Called at the end of each slice with the time it began (performance.now()): the stage mark. */
  readonly onSlice?: (began: number) => void;
  /** Stops between slices: the run resolves with null and the rest of the work never runs. */
  readonly signal?: AbortSignal;
  /** The first slice, too, waits for the page's turn (the caller's own task is long enough already). */
  readonly later?: boolean;
}

/** The result of a sliced run and the time its slices took together (not counting the page's turns between them). */
export interface SlicedResult<T> {
  readonly value: T;
  readonly workMs: number;
}

/** Runs `steps` in slices of about `sliceMs` of work; null when `signal` aborted it first. */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<SlicedResult<T> | null> {
  const job = startSlicedJob(steps, options);
  const value = await job.done;
  return job.settled() ? { value: value as T, workMs: job.workMs() } : null;
}

export interface SlicedJob<T> {
  /** The result, finishing the rest of the work at once if the slices have not come to it yet. */
  result(): T;
  /** Resolves with the result once the work is done (sliced or finished by result()); null if aborted first. */
  readonly done: Promise<T | null>;
  /** True once the work has finished. */
  settled(): boolean;
  /** Time spent in the work so far, in ms. */
  workMs(): number;
}

/** Starts running `steps` in slices (the first slice runs now); result() finishes it synchronously when needed sooner. */
export function startSlicedJob<T>(steps: Steps<T>, options: SliceOptions = {}): SlicedJob<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pause = options.pause ?? (() => yieldToPage());
  const { onSlice, signal } = options;
  let finished: { value: T } | null = null;
  let work = 0;
  /** One slice of at most about `budget` ms; the result once the work is done. */
  const advance = (budget: number): { value: T } | null => {
    const began = performance.now();
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) return (finished = { value: step.value });
        if (performance.now() - began >= budget) return null;
      }
    } finally {
      const ended = performance.now();
      work += ended - began;
      onSlice?.(began);
    }
  };
  const done = (async (): Promise<T | null> => {
    if (options.later) await pause();
    for (;;) {
      // result() may have finished the work while the page had its turn.
      const early = finished as { value: T } | null;
      if (early) return early.value;
      if (signal?.aborted) return null;
      const result = advance(sliceMs);
      if (result) return result.value;
      await pause();
    }
  })();
  return {
    result() {
      return (finished ?? advance(Infinity))!.value;
    },
    done,
    settled: () => finished !== null,
    workMs: () => work,
  };
}
