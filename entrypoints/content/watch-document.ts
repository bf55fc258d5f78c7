// Finds the document now, or watches briefly for content that arrives after load, then gives up.
import { detectDocument, mightBeDocument } from '../../lib/document/detect';

export type Detected = NonNullable<ReturnType<typeof detectDocument>>;

export interface WatchOptions {
  /** How long to keep watching after load for late content. */
  readonly timeoutMs?: number;
  /** Quiet time after the last mutation before checking again. */
  readonly settleMs?: number;
  /** Called when watching ends without a document. */
  readonly onGiveUp?: () => void;
}

/**
 * Calls `onFound` once when a document is detected. Pages that never become documents cost one
 * cheap check per quiet spell, and the observer is gone after `timeoutMs`. Returns a stop function.
 */
export function watchForDocument(doc: Document, onFound: (found: Detected) => void, options: WatchOptions = {}): () => void {
  const win = doc.defaultView;
  const tryDetect = (): boolean => {
    if (!mightBeDocument(doc)) return false;
    const found = detectDocument(doc);
    if (!found) return false;
    onFound(found);
    return true;
  };
  if (tryDetect()) return () => {};
  if (!win || !doc.body) {
    options.onGiveUp?.();
    return () => {};
  }

  let timer = 0;
  const observer = new MutationObserver(() => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      if (tryDetect()) stop();
    }, options.settleMs ?? 250);
  });
  const deadline = win.setTimeout(() => {
    stop();
    options.onGiveUp?.();
  }, options.timeoutMs ?? 10_000);
  function stop() {
    observer.disconnect();
    win!.clearTimeout(timer);
    win!.clearTimeout(deadline);
  }
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  return stop;
}
