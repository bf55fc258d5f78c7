// Work written as a generator that yields at the points where it may pause (lib/startup/slices.ts
// runs it in slices with the page's turns between them); `drain` runs it at once. Here, with the
// text layers, so that phrase finding and the like can be written that way without importing the
// layers above them.

/** Work that yields (undefined) at each point where it may be paused, and returns its result. */
export type Steps<T> = Iterator<void, T, void>;

/** Runs `steps` to the end in one go. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
