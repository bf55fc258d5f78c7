// Keeps the panel's frame what the reader made it, against the page it sits on. The page can
// reach the host element (it is in the page's DOM) and style it; it must not be able to make the
// panel invisible or move it under a decoy (clickjacking), show its own look-alike page in the
// frame, or leave the reader without a panel by removing the host. So:
// - the host's and the frame's look comes from a sheet inside the shadow root with !important
//   (for !important rules the shadow tree's sheet beats the page's, inline styles included);
// - attributes the page puts on the host are taken off again, and the frame's own style and
//   address are put back whenever they change (the reader's own writes are known and let be);
// - a host taken off the page is put back, and its frame, which then loads again, is handed a
//   fresh port (`onLoad`); a frame whose page does not report in over its port in time (a
//   look-alike the page navigated it to cannot: it never gets a nonce) is sent back to the panel;
// - all of it is bounded, so a page that fights forever costs a few hundred repairs, not a loop.

/** Repairs a page may cause before the guard gives up (and logs) rather than fight forever. */
export const MAX_REPAIRS = 1000;
/**
 * How long a loaded frame has to report in over its port. Generous: on a busy old PC the panel's
 * own start can take seconds, and sending a slow but real panel back would only slow it more.
 */
export const REPORT_IN_MS = 15_000;

/** The look that no page style may change: the shadow tree's !important rules win over the page's. */
export const GUARDED_CSS = `
:host {
  all: initial !important; display: block !important; position: static !important;
  opacity: 1 !important; visibility: visible !important; transform: none !important; filter: none !important;
  clip-path: none !important; mask: none !important; mix-blend-mode: normal !important; zoom: 1 !important;
  contain: none !important; pointer-events: auto !important; width: 0 !important; height: 0 !important;
}
iframe {
  position: fixed !important; z-index: 2147483647 !important; border: 0 !important; margin: 0 !important; padding: 0 !important;
  background: transparent; color-scheme: light dark; display: block !important;
  opacity: 1 !important; transform: none !important; filter: none !important; clip-path: none !important; mask: none !important;
  mix-blend-mode: normal !important; pointer-events: auto !important; max-width: none !important; max-height: none !important;
  min-width: 0 !important; min-height: 0 !important; box-sizing: border-box !important; zoom: 1 !important;
}
@media print { :host, iframe { display: none !important; } }
`;

export interface FrameGuardOptions {
  readonly host: HTMLElement;
  readonly frame: HTMLIFrameElement;
  /** The panel page's address. */
  readonly src: string;
  /** Where a removed host goes back. */
  readonly parent: () => Element;
  /** Puts the frame's own geometry back (the reader's placement). */
  readonly restyle: () => void;
  /** The frame loaded again (after the first load): hand it a fresh port; resolves once it reported in (false: it did not). */
  readonly reconnect: () => Promise<boolean>;
  readonly signal: AbortSignal;
}

export interface FrameGuard {
  /** The reader is about to write the frame's style itself: not a change to undo. */
  ownStyle(write: () => void): void;
  /** Sends the frame back to the panel page (its page did not report in). */
  resetSrc(): void;
  /** Repairs made so far (tests, diagnostics). */
  repairs(): number;
}

export function guardFrame({ host, frame, src, parent, restyle, reconnect, signal }: FrameGuardOptions): FrameGuard {
  let repairs = 0;
  let ownStyle: string | null = frame.getAttribute('style');
  const spend = (): boolean => {
    if (repairs >= MAX_REPAIRS) return false;
    repairs += 1;
    if (repairs === MAX_REPAIRS)
      console.warn("[gongwen-reader] the page keeps changing the reader's frame; no more repairs");
    return true;
  };
  const resetSrc = () => {
    if (spend()) frame.src = src;
  };
  const guard: FrameGuard = {
    ownStyle(write) {
      write();
      ownStyle = frame.getAttribute('style');
    },
    resetSrc,
    repairs: () => repairs,
  };

  const watchAttributes = new MutationObserver((records) => {
    if (signal.aborted) return;
    for (const record of records) {
      const name = record.attributeName;
      if (record.target === host && name !== null && host.hasAttribute(name) && spend()) host.removeAttribute(name);
      if (record.target !== frame || name === null) continue;
      if (name === 'src' && frame.getAttribute('src') !== src) resetSrc();
      else if (name === 'style' && frame.getAttribute('style') !== ownStyle && spend()) {
        guard.ownStyle(() => {
          frame.removeAttribute('style');
          restyle();
        });
      } else if (!['src', 'style', 'title', 'allowtransparency'].includes(name) && frame.hasAttribute(name) && spend())
        frame.removeAttribute(name);
    }
  });
  watchAttributes.observe(host, { attributes: true });
  watchAttributes.observe(frame, { attributes: true });

  // The host taken off the page (or its parent with it): back it goes, at the end of the body.
  const doc = host.ownerDocument;
  const watchRemoval = new MutationObserver(() => {
    if (signal.aborted || host.isConnected || !spend()) return;
    parent().append(host);
  });
  watchRemoval.observe(doc.documentElement, { childList: true, subtree: true });

  // Every load from now on (the first was awaited before the guard began): a fresh port; a page
  // that does not report in is replaced by ours.
  frame.addEventListener(
    'load',
    () => {
      if (frame.getAttribute('src') !== src) return resetSrc();
      void reconnect().then((reported) => {
        if (!reported && !signal.aborted) resetSrc();
      });
    },
    { signal },
  );

  signal.addEventListener('abort', () => {
    watchAttributes.disconnect();
    watchRemoval.disconnect();
  });

  return guard;
}
