// Reading progress numbers (percent of text read, parts read) and a throttle so progress is saved
// at most once per interval while the reader scrolls, with the last change always saved.
import { creditedTotal, type Ledger } from './reading-time';

/**
 * The one progress percentage: characters credited as read (reading-time.ts) as a whole
 * percentage of the text's length, 0–100. The panel, badge, popup and stored record all use it.
 */
export function percentRead(credited: number, length: number): number {
  if (!Number.isFinite(credited) || !Number.isFinite(length) || length <= 0 || credited <= 0) return 0;
  if (credited >= length) return 100;
  // Floor, so 100 % only ever means every character was credited.
  return Math.floor((credited / length) * 100);
}

/** The percent of a text read by its ledger (characters credited per segment): what every caller shows and stores. */
export function ledgerPercent(ledger: Ledger, textLength: number): number {
  return percentRead(creditedTotal(ledger), textLength);
}

/** How many top-level parts are in `readIds`. Takes outline sections or a record's `parts`. */
export function partsReadCount(
  parts: readonly { readonly id: string }[],
  readIds: ReadonlySet<string> | readonly string[],
): { read: number; total: number } {
  const read = readIds instanceof Set ? readIds : new Set(readIds as readonly string[]);
  return { read: parts.filter((part) => read.has(part.id)).length, total: parts.length };
}

export interface ThrottledSaver {
  /** Ask for a save; runs at once if the interval has passed, else once at its end. */
  schedule(): void;
  /** Run a pending save now (e.g. on pagehide) and wait for it; rejects if that save fails. */
  flush(): Promise<void>;
  /** Forget a pending save. */
  cancel(): void;
}

/**
 * At most one `save` starts per `intervalMs` while `schedule` is called continuously; a
 * schedule during a running save is honoured after it, so the trailing state is never lost.
 * Saves never overlap. Failures of scheduled saves go to `onError` (flush rethrows instead).
 */
export function createThrottledSaver(
  save: () => Promise<void>,
  intervalMs = 1000,
  onError: (error: unknown) => void = () => {},
): ThrottledSaver {
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let lastStart = -Infinity;

  const arm = (): void => {
    if (timer !== null || running !== null || !pending) return;
    const wait = Math.max(0, lastStart + intervalMs - Date.now());
    timer = setTimeout(fire, wait);
  };

  const run = (): Promise<void> => {
    pending = false;
    lastStart = Date.now();
    const current = Promise.resolve()
      .then(save)
      .finally(() => {
        running = null;
        arm();
      });
    running = current;
    return current;
  };

  function fire(): void {
    timer = null;
    if (pending && running === null) run().catch(onError);
  }

  return {
    schedule() {
      pending = true;
      arm();
    },
    async flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      // Wait out a running save (its failure was already reported) before the final one.
      while (running !== null) await running.catch(() => {});
      if (pending) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        await run();
      }
    },
    cancel() {
      pending = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
