// Reads the page's background colour under the article from computed styles, to pick the highlight
// palette. A style read of a few ancestors: run it once at reader start and on a colour-scheme change,
// never while detecting or scrolling.
import { parseCssColor, type Rgba } from '../phrases/contrast';
import { canvasColor, pageBackground, schemeForBackground, type HighlightScheme } from '../phrases/highlight-scheme';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The opaque colour the article's text sits on (its own and its ancestors' backgrounds over the canvas). */
export function readPageBackground(root: Element): Rgba {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  if (!win) return canvasColor('normal', false);
  const layers: string[] = [];
  for (let el: Element | null = root; el; el = el.parentElement) {
    const color = win.getComputedStyle(el).backgroundColor;
    layers.push(color);
    // Stop at the first opaque layer: nothing above it shows through.
    if ((parseCssColor(color)?.a ?? 0) >= 1) break;
  }
  const colorScheme = win.getComputedStyle(doc.documentElement).colorScheme || 'normal';
  const prefersDark = win.matchMedia?.(DARK_QUERY).matches ?? false;
  return pageBackground(layers, canvasColor(colorScheme, prefersDark));
}

export function readHighlightScheme(root: Element): HighlightScheme {
  return schemeForBackground(readPageBackground(root));
}
