// One task at a time: each task starts once the one before it has settled, whichever way, and its
// own result or error goes to its caller only, never to the next task. Used wherever two
// read-then-write sequences must not interleave: the storage writer, the sync engine and its
// switch, the portal registrations, the fake sync area of the tests.
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
