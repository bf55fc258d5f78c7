// The one fixed highlight sheet: both palettes of phrases, flash and study blanks, a marker the
// reader reads, and adopted only where the browser did not put the shipped copy in.
import { afterEach, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_SHEET_MARKER,
  ensureHighlightSheet,
  hasShippedSheet,
  highlightSheetText,
  highlightStyleId,
} from '../../../lib/phrases/highlight-sheet';
import { highlightName } from '../../../lib/phrases/highlight-styles';
import { phraseCategoryOrder } from '../../../lib/phrases/lexicon';
import { clozeHighlightName } from '../../../lib/study/cloze-styles';

afterEach(() => {
  document.head.innerHTML = '';
});

describe('highlightSheetText', () => {
  it('names every highlight the reader registers, in both palettes, and sets the marker', () => {
    const css = highlightSheetText();
    expect(css).toContain(`${HIGHLIGHT_SHEET_MARKER}: 1;`);
    for (const scheme of ['light', 'dark'] as const) {
      for (const key of [...phraseCategoryOrder, 'flash'] as const)
        expect(css).toContain(`::highlight(${highlightName(key, scheme)})`);
      for (const layer of ['blank', 'revealed'] as const)
        expect(css).toContain(`::highlight(${clozeHighlightName(layer, scheme)})`);
    }
  });

  it('styles nothing of the page but the reader’s own names, marks and marker (it is on every portal page)', () => {
    const selectors = [...highlightSheetText().matchAll(/^\s*([^@{}\n][^{]*)\{/gm)].map((m) => m[1]!.trim());
    for (const selector of selectors) {
      expect(selector).toMatch(
        /^(:root|::highlight\(gongwen-(light|dark)-[a-z-]+\)|mark\.gongwen-mark(\[[^\]]+\]|\.gongwen-flash)*)$/,
      );
    }
  });
});

describe('ensureHighlightSheet', () => {
  it('adopts nothing where the shipped sheet is in (marker on the root)', () => {
    const doc = document.implementation.createHTMLDocument('t');
    expect(hasShippedSheet(doc)).toBe(false);
    const shipped = document.createElement('style');
    shipped.textContent = `:root { ${HIGHLIGHT_SHEET_MARKER}: 1; }`;
    document.head.append(shipped);
    const before = document.adoptedStyleSheets.length;
    expect(ensureHighlightSheet(document)).toBe('shipped');
    expect(document.adoptedStyleSheets.length).toBe(before);
  });

  it('adopts the sheet once elsewhere', () => {
    const doc = document.implementation.createHTMLDocument('t');
    expect(ensureHighlightSheet(doc)).toBe('adopted');
    expect(ensureHighlightSheet(doc)).toBe('adopted');
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(doc.getElementById(highlightStyleId)).toBeNull();
  });
});
