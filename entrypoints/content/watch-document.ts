// Finds the document now, or watches briefly for content that arrives after load, then gives up.
import { mightBeDocument, type DetectedDocument } from '../../lib/document/detect';

export type Detected = DetectedDocument;

export interface WatchOptions {
  /** How long to keep watching after load for late content. */
  readonly timeoutMs?: number;
  /** Quiet time after the last mutation before checking again. */
  readonly settleMs?: number;
  /** Called when watching ends without a document. */
  readonly onGiveUp?: () => void;
  /**
   * Wait this long (and for mutations to settle) before the first check. A single-page portal
   * announces a new address before it swaps the article, so a check right away reads the old one.
   */
  readonly firstCheckAfterMs?: number;
}

/**
 * Runs `detect` whenever the page's text might hold a document (a synchronous check that costs
 * well under a millisecond), now and after mutations for `timeoutMs`, until it finds one; then
 * calls `onFound` once. Pages that never qualify never run `detect`, and the observer goes
 * away after `timeoutMs`. Returns a stop function.
 */
export function watchForDocument(
  doc: Document,
  detect: () => Promise<Detected | null>,
  onFound: (found: Detected) => void,
  options: WatchOptions = {},
): () => void {
  const win = doc.defaultView;
  let stopped = false;
  let busy = false;
  let timer = 0;
  let deadline = 0;
  let observer: MutationObserver | null = null;

  const stop = () => {
    stopped = true;
    observer?.disconnect();
    if (win) {
      win.clearTimeout(timer);
      win.clearTimeout(deadline);
    }
  };
  // A check asked for while one is running (the page changed meanwhile) runs once that one ends.
  let again = false;
  const settle = (found: Detected | null) => {
    busy = false;
    if (stopped) return;
    if (found) {
      stop();
      onFound(found);
    } else if (again) check();
  };
  function check(): void {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    again = false;
    if (!mightBeDocument(doc)) return;
    busy = true;
    detect().then(settle, () => settle(null));
  }

  const delay = options.firstCheckAfterMs ?? 0;
  if (delay <= 0 || !win) check();
  if (!win || !doc.body) {
    options.onGiveUp?.();
    return stop;
  }
  observer = new MutationObserver(() => {
    win.clearTimeout(timer);
    timer = win.setTimeout(check, options.settleMs ?? 250);
  });
  deadline = win.setTimeout(() => {
    stop();
    options.onGiveUp?.();
  }, options.timeoutMs ?? 10_000);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  if (delay > 0) timer = win.setTimeout(check, delay);
  return stop;
}
