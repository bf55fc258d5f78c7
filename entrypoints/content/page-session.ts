// What the content script knows about the page on screen: made when the page loads and again
// when a single-page portal changes its address, ended as a whole when it does. Nothing of an
// ended page (a reader still loading, a check still running) can touch the next one.
import type { PageStatus } from '../../lib/messages';
import type { RunningReader } from '../../lib/startup/handoff';
import type { RestoredState, StoredState } from '../../lib/startup/restore-state';
import type { Detected } from './watch-document';

export interface PageSession {
  /** What the popup is told while no reader runs. */
  status: PageStatus;
  /** Stored settings and documents, read from the first check on, while the page is read. */
  stored: Promise<StoredState> | null;
  /** The stored state of the document the page first read as, resolved while the site's settings are read. */
  early: { readonly found: Detected; readonly restoring: Promise<RestoredState> } | null;
  /** The reader on this page, once its panel is up. */
  reader(): RunningReader | null;
  /** A reader started for this page is up: kept, or taken off again if the page has ended meanwhile. */
  adopt(running: RunningReader): void;
  /** How to stop the watch for this page's document, started now (stop an earlier one first). */
  watching(stop: () => void): void;
  /** Stops watching (e.g. to read the page again). */
  stopWatching(): void;
  ended(): boolean;
  /** The page is gone (navigation, or the extension reloaded): stops watching, takes the reader off. */
  end(): void;
}

export function createPageSession(): PageSession {
  let reader: RunningReader | null = null;
  let stop = () => {};
  let ended = false;
  return {
    status: { found: false, reason: 'no-parts' },
    stored: null,
    early: null,
    reader: () => reader,
    adopt(running) {
      if (ended) running.remove();
      else reader = running;
    },
    watching(next) {
      if (ended) next();
      else stop = next;
    },
    stopWatching() {
      stop();
      stop = () => {};
    },
    ended: () => ended,
    end() {
      if (ended) return;
      ended = true;
      stop();
      stop = () => {};
      reader?.remove();
      reader = null;
      this.early = null;
      this.stored = null;
    },
  };
}
