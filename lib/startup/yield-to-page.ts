// Gives the main thread back to the page between start-up stages, so the reader's work never
// runs as one long task: input, the page's own scripts and rendering get their turn in between.
// scheduler.yield() where the browser has it (Chromium 129+: the continuation keeps its place
// ahead of other queued tasks); elsewhere a message on a MessageChannel (a task, without the
// 4 ms clamp nested setTimeout gets); setTimeout where neither exists.

interface YieldingScheduler {
  yield(): Promise<void>;
}

/** What the helper needs of a window (tests pass their own). */
export interface YieldScope {
  readonly scheduler?: Partial<YieldingScheduler>;
  readonly MessageChannel?: typeof MessageChannel;
  setTimeout(handler: () => void, ms?: number): unknown;
}

/** Resolves in a later task of `scope`'s event loop. */
export function yieldToPage(scope: YieldScope = globalThis as unknown as YieldScope): Promise<void> {
  const scheduler = scope.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield.call(scheduler);
  const Channel = scope.MessageChannel;
  if (typeof Channel === 'function') {
    return new Promise((resolve) => {
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => {
    scope.setTimeout(resolve, 0);
  });
}
