// Highlight colours are readable (WCAG AA, computed) in both palettes and on the pages each palette
// is chosen for; the stylesheet paints exactly one palette, with no colour-scheme media query.
import { describe, expect, it } from 'vitest';
import {
  highlightName,
  highlightPriority,
  highlightStyleText,
  phraseColors,
  schemePairs,
  type HighlightKey,
} from '../../../lib/phrases/highlight-styles';
import { composite, contrastRatio, parseCssColor, type Rgba } from '../../../lib/phrases/contrast';
import { pageBackground, schemeForBackground, WHITE_CANVAS, DARK_CANVAS } from '../../../lib/phrases/highlight-scheme';
import { phraseCategoryOrder } from '../../../lib/phrases/lexicon';

const color = (css: string): Rgba => {
  const c = parseCssColor(css);
  if (!c) throw new Error(css);
  return c;
};
const AA = 4.5;
const keys = Object.keys(phraseColors) as HighlightKey[];

describe('highlight colours', () => {
  const entries = keys.flatMap((key) => [
    [`${key}/light`, phraseColors[key].light] as const,
    [`${key}/dark`, phraseColors[key].dark] as const,
  ]);

  it.each(entries)('%s has WCAG AA contrast between text and highlight', (_name, pair) => {
    expect(pair.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(pair.background).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(color(pair.color), color(pair.background))).toBeGreaterThanOrEqual(AA);
  });

  it('checks the contrast helper against known values', () => {
    expect(contrastRatio(color('#000000'), color('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(color('#777777'), color('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(contrastRatio(color('#ffffff'), color('#767676'))).toBeCloseTo(4.54, 2);
  });

  it('gives each category its own background in each palette', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const backgrounds = phraseCategoryOrder.map((c) => phraseColors[c][scheme].background);
      expect(new Set(backgrounds).size).toBe(backgrounds.length);
    }
  });

  it('makes the flash stand apart from every category in both palettes: far more vivid than any tint', () => {
    const chroma = (c: Rgba): number => Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b);
    for (const scheme of ['light', 'dark'] as const) {
      const flash = chroma(color(phraseColors.flash[scheme].background));
      for (const c of phraseCategoryOrder)
        expect(flash, `${scheme}/${c}`).toBeGreaterThanOrEqual(1.5 * chroma(color(phraseColors[c][scheme].background)));
    }
  });

  it('hands the panel plain copies of one palette', () => {
    const dark = schemePairs('dark');
    expect(Object.keys(dark).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(dark[key]).toEqual(phraseColors[key].dark);
    expect(JSON.parse(JSON.stringify(dark))).toEqual(dark);
  });

  it('ranks formula above the other categories and the flash above all', () => {
    for (const c of phraseCategoryOrder) {
      if (c !== 'formula') expect(highlightPriority.formula).toBeGreaterThan(highlightPriority[c]);
      expect(highlightPriority.flash).toBeGreaterThan(highlightPriority[c]);
    }
  });
});

describe('palette chosen for sample pages', () => {
  // [name, the article's ancestors' computed backgrounds from the article outwards, canvas, expected palette]
  const pages: readonly [string, readonly string[], Rgba, 'light' | 'dark'][] = [
    ['white page', ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'], WHITE_CANVAS, 'light'],
    [
      'transparent page on the white canvas (dark-mode browser, no color-scheme)',
      ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'],
      WHITE_CANVAS,
      'light',
    ],
    ['paper page #f5f0e6', ['rgb(245, 240, 230)'], WHITE_CANVAS, 'light'],
    [
      'grey portal #eef1f5 behind a white article box',
      ['rgb(255, 255, 255)', 'rgb(238, 241, 245)'],
      WHITE_CANVAS,
      'light',
    ],
    ['dark page #1e1e1e', ['rgba(0, 0, 0, 0)', 'rgb(30, 30, 30)'], WHITE_CANVAS, 'dark'],
    ['dark page #20252b', ['rgb(32, 37, 43)'], WHITE_CANVAS, 'dark'],
    ['page opting into dark with color-scheme and no background', ['rgba(0, 0, 0, 0)'], DARK_CANVAS, 'dark'],
    ['translucent white card over a dark page', ['rgba(255, 255, 255, 0.06)', 'rgb(24, 26, 27)'], WHITE_CANVAS, 'dark'],
    ['translucent black veil (25 %) over white', ['rgba(0, 0, 0, 0.25)', 'rgb(255, 255, 255)'], WHITE_CANVAS, 'light'],
    ['translucent black veil (85 %) over white', ['rgba(0, 0, 0, 0.85)', 'rgb(255, 255, 255)'], WHITE_CANVAS, 'dark'],
    [
      'two translucent layers on the canvas',
      ['rgba(255, 250, 240, 0.5)', 'rgba(245, 240, 230, 0.5)'],
      WHITE_CANVAS,
      'light',
    ],
    ['space syntax with alpha, over dark', ['rgb(0 0 0 / 0.2)', 'rgb(32 37 43)'], WHITE_CANVAS, 'dark'],
  ];

  it.each(pages)('%s', (_name, layers, canvas, expected) => {
    const page = pageBackground(layers, canvas);
    const scheme = schemeForBackground(page);
    expect(scheme).toBe(expected);
    for (const key of keys) {
      const pair = phraseColors[key][scheme];
      const text = color(pair.color);
      // The highlight as painted over this page (a translucent highlight would let the page show through).
      const under = composite(color(pair.background), page);
      expect(contrastRatio(text, under), `${key} text on its highlight`).toBeGreaterThanOrEqual(AA);
      // The text keeps the page's own polarity: dark on light pages, light on dark ones (never a redaction block).
      expect(contrastRatio(text, page), `${key} text against the page`).toBeGreaterThanOrEqual(AA);
    }
  });

  it('on a mid-grey page, where no text colour reaches 4.5:1 against the page, still keeps AA on the highlight', () => {
    for (const grey of ['rgb(118, 118, 118)', 'rgb(128, 128, 128)', 'rgb(140, 140, 140)']) {
      const page = pageBackground([grey], WHITE_CANVAS);
      const scheme = schemeForBackground(page);
      for (const key of keys) {
        const pair = phraseColors[key][scheme];
        expect(
          contrastRatio(color(pair.color), composite(color(pair.background), page)),
          `${grey} ${key}`,
        ).toBeGreaterThanOrEqual(AA);
      }
    }
  });

  it('would fail the contrast against the page with the other palette (the bug this fixes)', () => {
    const white = pageBackground(['rgb(255, 255, 255)'], WHITE_CANVAS);
    expect(contrastRatio(color(phraseColors.formula.dark.color), white)).toBeLessThan(AA);
    const dark = pageBackground(['rgb(30, 30, 30)'], WHITE_CANVAS);
    expect(contrastRatio(color(phraseColors.formula.light.color), dark)).toBeLessThan(AA);
  });
});

describe('highlight CSS', () => {
  it('holds both palettes, each under its own names, with ::highlight and mark rules for every category', () => {
    const css = highlightStyleText();
    for (const scheme of ['light', 'dark'] as const) {
      for (const c of phraseCategoryOrder) {
        const rule = `color: ${phraseColors[c][scheme].color}; background-color: ${phraseColors[c][scheme].background};`;
        expect(css).toContain(`::highlight(${highlightName(c, scheme)}) { ${rule} }`);
        expect(css).toContain(`mark.gongwen-mark[data-scheme="${scheme}"][data-category="${c}"] { ${rule} }`);
      }
      expect(css).toContain(
        `::highlight(gongwen-${scheme}-flash) { color: ${phraseColors.flash[scheme].color}; background-color: ${phraseColors.flash[scheme].background}; }`,
      );
      expect(css).toContain(`mark.gongwen-mark[data-scheme="${scheme}"].gongwen-flash`);
    }
    expect(highlightName('formula', 'light')).not.toBe(highlightName('formula', 'dark'));
    expect(css).not.toContain('prefers-color-scheme');
    expect(css).toMatch(/@media \(forced-colors: active\) \{[^]*color: MarkText; background-color: Mark;/);
    expect(css).toContain('color: HighlightText; background-color: Highlight;');
  });

  it('never puts ::highlight and mark in one selector list (an unknown pseudo-element would drop both)', () => {
    for (const line of highlightStyleText().split('\n')) {
      if (line.includes('::highlight(')) expect(line).not.toContain('mark.');
    }
  });

  it('keeps every mark rule in a parser that knows no ::highlight (happy-dom drops those rules only)', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightStyleText());
    const texts = [...sheet.cssRules].map((r) => r.cssText);
    for (const scheme of ['light', 'dark']) {
      for (const c of phraseCategoryOrder) {
        expect(
          texts.some((t) => t.startsWith(`mark.gongwen-mark[data-scheme="${scheme}"][data-category="${c}"]`)),
        ).toBe(true);
      }
    }
    expect(texts.filter((t) => t.startsWith('@media'))).toHaveLength(1);
  });
});
