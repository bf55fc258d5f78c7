// The one stylesheet that paints the reader's highlights (key phrases, the flash, study blanks, the
// <mark> fallback) in both palettes. It never changes while a page is open, because adding or
// changing any `::highlight()` rule makes the browser restyle every element of the page (on a long
// page a single task of 100–400 ms on a slow PC; bench/RESULTS.md). So the extension ships it as
// `highlights.css`, which the browser puts in at document_start on the portals (manifest and
// registered content scripts, wxt.config.ts, lib/background/registrations.ts) and styles the page
// with from its first element. Where it was not shipped (a page opened through the toolbar button,
// or loaded before the extension), it is adopted at the first paint instead, once.
import { clozeStyleText } from '../study/cloze-styles';
import { highlightStyleText } from './highlight-styles';

/** The sheet's file in the built extension (the manifest's and the registrations' `css`). */
export const HIGHLIGHT_SHEET_FILE = 'highlights.css';

/** A custom property the sheet sets on the root, so a page's reader can tell the shipped sheet is in. */
export const HIGHLIGHT_SHEET_MARKER = '--gongwen-reader-highlights';

/** An id for the <style> fallback (some content-script worlds cannot adopt a sheet they made). */
export const highlightStyleId = 'gongwen-reader-highlight-style';

export function highlightSheetText(): string {
  return [`:root { ${HIGHLIGHT_SHEET_MARKER}: 1; }`, highlightStyleText(), clozeStyleText()].join('\n');
}

/** How each document got the sheet, once known: the answer never changes while the page is open. */
const known = new WeakMap<Document, HighlightSheetSource>();

export type HighlightSheetSource = 'shipped' | 'adopted' | 'element';

/** The shipped sheet styles this document (its marker is on the root). */
export function hasShippedSheet(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || !doc.documentElement) return false;
  return view.getComputedStyle(doc.documentElement).getPropertyValue(HIGHLIGHT_SHEET_MARKER).trim() === '1';
}

/**
 * Makes sure the sheet styles `doc`: nothing to do where it was shipped; elsewhere it is adopted once
 * (a constructed sheet keeps the page's <head> untouched), or put in one <style> element where
 * adopting throws. Returns how the sheet got there. Asked at every paint (the phrases repaint as the
 * reader scrolls), so the style read behind it happens once per document.
 */
export function ensureHighlightSheet(doc: Document): HighlightSheetSource {
  let source = known.get(doc);
  if (!source) {
    source = hasShippedSheet(doc) ? 'shipped' : install(doc);
    known.set(doc, source);
  }
  return source;
}

function install(doc: Document): 'adopted' | 'element' {
  if (doc.getElementById(highlightStyleId)) return 'element';
  try {
    // The sheet must come from the document's own window, or adopting it throws (iframes, some content-script worlds).
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(highlightSheetText());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return 'adopted';
  } catch {
    const style = doc.createElement('style');
    style.id = highlightStyleId;
    style.textContent = highlightSheetText();
    (doc.head ?? doc.documentElement).append(style);
    return 'element';
  }
}
