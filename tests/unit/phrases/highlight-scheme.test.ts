// The palette follows the page's background under the article, not the browser's dark mode.
import { describe, expect, it } from 'vitest';
import {
  canvasColor,
  DARK_CANVAS,
  LUMINANCE_SPLIT,
  pageBackground,
  schemeForBackground,
  WHITE_CANVAS,
} from '../../../lib/phrases/highlight-scheme';
import { contrastRatio, relativeLuminance } from '../../../lib/phrases/contrast';

const grey = (v: number) => ({ r: v, g: v, b: v, a: 1 });

describe('schemeForBackground', () => {
  it('splits where black and white text contrast equally', () => {
    expect(LUMINANCE_SPLIT).toBeCloseTo(0.1791, 4);
    // Just either side of the split, the chosen palette's polarity is the one with more contrast.
    for (const v of [100, 110, 118, 119, 120, 130, 200]) {
      const bg = grey(v);
      const better = contrastRatio(bg, grey(0)) > contrastRatio(bg, grey(255)) ? 'light' : 'dark';
      expect(schemeForBackground(bg), `grey ${v} (L=${relativeLuminance(bg).toFixed(3)})`).toBe(better);
    }
  });

  it('gives light for white and paper, dark for near-black pages', () => {
    expect(schemeForBackground(grey(255))).toBe('light');
    expect(schemeForBackground({ r: 245, g: 240, b: 230, a: 1 })).toBe('light');
    expect(schemeForBackground(grey(30))).toBe('dark');
    expect(schemeForBackground({ r: 32, g: 37, b: 43, a: 1 })).toBe('dark');
  });
});

describe('canvasColor', () => {
  it('is white unless the page opts into a dark colour scheme', () => {
    expect(canvasColor('normal', true)).toEqual(WHITE_CANVAS);
    expect(canvasColor('light', true)).toEqual(WHITE_CANVAS);
    expect(canvasColor('only light', true)).toEqual(WHITE_CANVAS);
    expect(canvasColor('dark', false)).toEqual(DARK_CANVAS);
    expect(canvasColor('only dark', false)).toEqual(DARK_CANVAS);
  });

  it('follows the browser for a page that allows both', () => {
    expect(canvasColor('light dark', true)).toEqual(DARK_CANVAS);
    expect(canvasColor('light dark', false)).toEqual(WHITE_CANVAS);
  });
});

describe('pageBackground', () => {
  it('takes the first opaque layer from the article outwards', () => {
    expect(pageBackground(['rgba(0, 0, 0, 0)', 'rgb(20, 30, 40)', 'rgb(255, 255, 255)'], WHITE_CANVAS)).toEqual({
      r: 20,
      g: 30,
      b: 40,
      a: 1,
    });
  });

  it('falls back to the canvas when every layer is transparent', () => {
    expect(pageBackground(['rgba(0, 0, 0, 0)', 'transparent'], DARK_CANVAS)).toEqual(DARK_CANVAS);
    expect(pageBackground([], WHITE_CANVAS)).toEqual(WHITE_CANVAS);
  });

  it('stacks translucent layers in paint order over what lies beneath', () => {
    // Inner 50 % white over outer 50 % black over white canvas: outer gives 127.5, inner lifts it to 191.25.
    const out = pageBackground(['rgba(255, 255, 255, 0.5)', 'rgba(0, 0, 0, 0.5)'], WHITE_CANVAS);
    expect(out.r).toBeCloseTo(191.25, 6);
    expect(out.a).toBe(1);
    // A translucent layer over an opaque ancestor.
    expect(pageBackground(['rgba(0, 0, 0, 0.5)', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)'], DARK_CANVAS).r).toBeCloseTo(
      127.5,
      6,
    );
  });

  it('skips values it cannot read instead of guessing', () => {
    expect(pageBackground(['oklch(0.3 0.1 200)', 'rgb(250, 250, 250)'], DARK_CANVAS)).toEqual(grey(250));
  });
});
