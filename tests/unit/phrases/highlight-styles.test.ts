import { describe, expect, it } from 'vitest';
import {
  highlightName,
  highlightPriority,
  highlightStyleText,
  legendSwatches,
  phraseColors,
} from '../../../lib/phrases/highlight-styles';
import { phraseCategoryOrder } from '../../../lib/phrases/lexicon';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('highlight colours', () => {
  const entries = Object.entries(phraseColors).flatMap(([key, s]) => [
    [`${key}/light`, s.light] as const,
    [`${key}/dark`, s.dark] as const,
  ]);

  it.each(entries)('%s has WCAG AA contrast', (_name, pair) => {
    expect(pair.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(pair.background).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(pair.color, pair.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('checks the contrast helper against known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('gives each category its own background and a legend swatch in legend order', () => {
    const backgrounds = phraseCategoryOrder.map((c) => phraseColors[c].light.background);
    expect(new Set(backgrounds).size).toBe(backgrounds.length);
    expect(legendSwatches.map((s) => s.category)).toEqual(phraseCategoryOrder);
  });

  it('ranks formula above the other categories and the flash above all', () => {
    for (const c of phraseCategoryOrder) {
      if (c !== 'formula') expect(highlightPriority.formula).toBeGreaterThan(highlightPriority[c]);
      expect(highlightPriority.flash).toBeGreaterThan(highlightPriority[c]);
    }
  });
});

describe('highlight CSS', () => {
  it('has ::highlight and mark rules for every category, dark and forced-colors variants', () => {
    for (const c of phraseCategoryOrder) {
      expect(highlightStyleText).toContain(`::highlight(${highlightName(c)}) { color: ${phraseColors[c].light.color}; background-color: ${phraseColors[c].light.background}; }`);
      expect(highlightStyleText).toContain(`mark.gongwen-mark[data-category="${c}"] { color: ${phraseColors[c].dark.color}; background-color: ${phraseColors[c].dark.background}; }`);
    }
    expect(highlightStyleText).toContain('::highlight(gongwen-flash)');
    expect(highlightStyleText).toContain('mark.gongwen-mark.gongwen-flash');
    expect(highlightStyleText).toContain('@media (prefers-color-scheme: dark)');
    expect(highlightStyleText).toMatch(/@media \(forced-colors: active\) \{[^]*color: MarkText; background-color: Mark;/);
    expect(highlightStyleText).toContain('color: HighlightText; background-color: Highlight;');
  });

  it('never puts ::highlight and mark in one selector list (an unknown pseudo-element would drop both)', () => {
    for (const line of highlightStyleText.split('\n')) {
      if (line.includes('::highlight(')) expect(line).not.toContain('mark.');
    }
  });

  it('keeps every mark rule in a parser that knows no ::highlight (happy-dom drops those rules only)', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightStyleText);
    const texts = [...sheet.cssRules].map((r) => r.cssText);
    for (const c of phraseCategoryOrder) expect(texts.some((t) => t.startsWith(`mark.gongwen-mark[data-category="${c}"]`))).toBe(true);
    expect(texts.filter((t) => t.startsWith('@media'))).toHaveLength(2);
  });
});
