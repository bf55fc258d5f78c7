// Paints study mode's blanks on the page with the CSS Custom Highlight API: a masked phrase keeps
// its place and its text (the DOM is not touched); its glyphs are painted transparent on a blank
// bar. Revealed blanks get an underline. Without the API there is no study mode (no DOM fallback:
// wrapping text in elements would change the page's markup).
//
// What the page can see: the highlight registry (CSS.highlights) is shared with page script, so
// a page can list these two highlights and the ranges in them, i.e. that study mode is on and which
// of its own words are blanks or revealed. It cannot drive study mode: the reader never reads its
// state back from the registry, and reveals only on the browser's trusted clicks and keys.
import type { HighlightScheme } from '../phrases/highlight-scheme';
import { ensureHighlightSheet } from '../phrases/highlight-sheet';
import { clozeHighlightName } from './cloze-styles';

/** Above every phrase category and the flash (highlight-styles.ts), so a blank hides all of them. */
const BLANK_PRIORITY = 20;
const REVEALED_PRIORITY = 19;

export interface ClozePainter {
  /** Masks `blanks` and underlines `revealed` (replacing what was painted). */
  paint(blanks: readonly Range[], revealed: readonly Range[], scheme: HighlightScheme): void;
  clear(): void;
}

interface HighlightApi {
  readonly registry: HighlightRegistry;
  readonly Highlight: typeof Highlight;
}

function highlightApi(win: Window): HighlightApi | null {
  const g = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };
  const registry = g.CSS?.highlights;
  return registry && typeof g.Highlight === 'function' ? { registry, Highlight: g.Highlight } : null;
}

/** Study mode needs the Highlight API (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function clozeSupported(win: Window): boolean {
  return highlightApi(win) !== null;
}

export function createClozePainter(doc: Document): ClozePainter | null {
  const win = doc.defaultView;
  const api = win ? highlightApi(win) : null;
  if (!win || !api) return null;
  /** The names painted last (they carry the palette), so clear() and a repaint in the other palette remove them. */
  let names: readonly string[] = [];
  const clear = () => {
    for (const name of names) api.registry.delete(name);
    names = [];
  };
  return {
    paint(blanks, revealed, scheme) {
      // The blanks' style is in the fixed highlight sheet (shipped, or adopted here once).
      ensureHighlightSheet(doc);
      clear();
      const blank = new api.Highlight(...blanks);
      blank.priority = BLANK_PRIORITY;
      const shown = new api.Highlight(...revealed);
      shown.priority = REVEALED_PRIORITY;
      const blankName = clozeHighlightName('blank', scheme);
      const shownName = clozeHighlightName('revealed', scheme);
      api.registry.set(blankName, blank);
      api.registry.set(shownName, shown);
      names = [blankName, shownName];
    },
    clear,
  };
}
