// The phrase highlights on the page as the reader's state shows them: on or off, the user's
// phrases, and the palette read from the page's background (again when the browser's scheme flips).
import type { ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { schemePairs } from '../../lib/phrases/highlight-styles';
import { DARK_QUERY, readHighlightScheme } from '../../lib/dom/page-background';
import type { PhraseLayer } from './phrase-layer';

export interface HighlightsDeps {
  readonly win: Window;
  readonly store: Store<ReaderState>;
  readonly phrases: PhraseLayer;
  /** The article element whose background picks the palette. */
  readonly root: Element;
  /** Where the reader is in the text (the painted window follows it). */
  readonly offset: () => number;
  readonly signal: AbortSignal;
}

export interface Highlights {
  /** Reads the palette and follows the browser's scheme; painting itself waits for the tracker's first report. */
  start(): void;
  setOn(on: boolean): void;
  /** Finds the phrases again in slices, then repaints and lists them; resolves when done (or replaced by newer ones). */
  setUserPhrases(phrases: readonly string[]): Promise<boolean>;
  /** The reader moved: repaint near the edge of the painted window. */
  follow(offset: number): void;
}

export function createHighlights({ win, store, phrases, root, offset, signal }: HighlightsDeps): Highlights {
  const readScheme = () => {
    const scheme = readHighlightScheme(root);
    phrases.setScheme(scheme);
    if (scheme !== store.get().highlightScheme)
      store.set({ highlightScheme: scheme, highlightColors: schemePairs(scheme) });
  };
  signal.addEventListener('abort', () => phrases.clear(), { once: true });
  const findAgain = async (): Promise<boolean> => {
    // A long page's text is searched in slices: the page stays responsive while a phrase is added.
    if (!(await phrases.findInSlices({ signal })) || signal.aborted) return false;
    if (store.get().highlightsOn) phrases.paint(offset());
    store.set({ phrases: phrases.summary() });
    return true;
  };
  return {
    start() {
      if (signal.aborted) return;
      readScheme();
      win.matchMedia?.(DARK_QUERY)?.addEventListener('change', readScheme, { signal });
    },
    setOn(on) {
      if (on) phrases.paint(offset());
      else phrases.clear();
      store.set({ highlightsOn: on });
    },
    setUserPhrases(list) {
      phrases.setUserPhrases(list);
      return findAgain();
    },
    follow(at) {
      if (store.get().highlightsOn) phrases.follow(at);
    },
  };
}
