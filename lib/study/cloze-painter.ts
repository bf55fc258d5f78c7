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

export const BLANK_HIGHLIGHT = 'gongwen-study-blank';
export const REVEALED_HIGHLIGHT = 'gongwen-study-revealed';
/** Above every phrase category and the flash (highlight-styles.ts), so a blank hides all of them. */
const BLANK_PRIORITY = 20;
const REVEALED_PRIORITY = 19;

const BAR: Readonly<Record<HighlightScheme, { bar: string; line: string; revealed: string }>> = {
  light: { bar: '#d5d9df', line: '#59636e', revealed: '#a4262c' },
  dark: { bar: '#4a5059', line: '#a9b1ba', revealed: '#f08a8f' },
};

/**
 * The blank hides glyphs only with properties ::highlight() takes (color, background-color,
 * text-decoration, text-shadow, -webkit-text-fill-color): nothing that changes layout.
 * -webkit-text-fill-color and text-shadow too, or a page that sets them would show through.
 */
export function clozeStyleText(scheme: HighlightScheme): string {
  const c = BAR[scheme];
  return [
    `::highlight(${BLANK_HIGHLIGHT}) { color: transparent; -webkit-text-fill-color: transparent; text-shadow: none; ` +
      `background-color: ${c.bar}; text-decoration: underline 2px ${c.line}; }`,
    `::highlight(${REVEALED_HIGHLIGHT}) { text-decoration: underline 2px ${c.revealed}; }`,
    // Forced colours: a system-coloured bar; the text is still painted transparent.
    `@media (forced-colors: active) { ::highlight(${BLANK_HIGHLIGHT}) { background-color: GrayText; color: transparent; } }`,
  ].join('\n');
}

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
  /** The installed style: a constructed sheet, or a <style> element where adopting one throws. */
  let installed: { readonly put: () => void; readonly take: () => void; readonly set: (text: string) => void } | null = null;
  let installedScheme: HighlightScheme | null = null;
  const install = () => {
    try {
      // A constructed sheet from the page's own window: the page's <head> stays as it was.
      const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
      const put = () => {
        if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      };
      put();
      return { put, take: () => (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)), set: (text: string) => sheet.replaceSync(text) };
    } catch {
      // Some content-script worlds (Firefox) cannot adopt a sheet they made: the same fallback as the phrase highlights.
      const style = doc.createElement('style');
      const put = () => {
        if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
      };
      put();
      return { put, take: () => style.remove(), set: (text: string) => (style.textContent = text) };
    }
  };
  const style = (scheme: HighlightScheme) => {
    installed ??= install();
    // Taken out when study mode ends; put back on the next paint.
    installed.put();
    if (installedScheme !== scheme) installed.set(clozeStyleText(scheme));
    installedScheme = scheme;
  };
  return {
    paint(blanks, revealed, scheme) {
      style(scheme);
      const blank = new api.Highlight(...blanks);
      blank.priority = BLANK_PRIORITY;
      const shown = new api.Highlight(...revealed);
      shown.priority = REVEALED_PRIORITY;
      api.registry.set(BLANK_HIGHLIGHT, blank);
      api.registry.set(REVEALED_HIGHLIGHT, shown);
    },
    clear() {
      api.registry.delete(BLANK_HIGHLIGHT);
      api.registry.delete(REVEALED_HIGHLIGHT);
      installed?.take();
    },
  };
}
