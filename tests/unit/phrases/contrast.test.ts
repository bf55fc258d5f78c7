// Computed CSS colours are read in every form browsers serialise them, and stacked like the browser paints them.
import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, parseCssColor, relativeLuminance } from '../../../lib/phrases/contrast';

describe('parseCssColor', () => {
  it.each([
    ['rgb(255, 255, 255)', { r: 255, g: 255, b: 255, a: 1 }],
    ['rgba(0, 0, 0, 0)', { r: 0, g: 0, b: 0, a: 0 }],
    ['rgba(30, 30, 30, 0.5)', { r: 30, g: 30, b: 30, a: 0.5 }],
    ['rgb(32 37 43)', { r: 32, g: 37, b: 43, a: 1 }],
    ['rgb(32 37 43 / 40%)', { r: 32, g: 37, b: 43, a: 0.4 }],
    ['color(srgb 1 0.5 0 / 0.25)', { r: 255, g: 127.5, b: 0, a: 0.25 }],
    ['#f5f0e6', { r: 245, g: 240, b: 230, a: 1 }],
    ['#fff8', { r: 255, g: 255, b: 255, a: 0x88 / 255 }],
    ['transparent', { r: 0, g: 0, b: 0, a: 0 }],
  ])('%s', (css, expected) => {
    expect(parseCssColor(css)).toEqual(expected);
  });

  it.each([
    'oklch(0.5 0.1 200)',
    'lab(50 0 0)',
    'color(display-p3 1 0 0)',
    'rgb(1, 2)',
    'rgb(a, b, c)',
    '#12345',
    'red',
  ])('gives null for %s', (css) => {
    expect(parseCssColor(css)).toBeNull();
  });
});

describe('composite', () => {
  it('paints a translucent colour over an opaque one', () => {
    const out = composite({ r: 0, g: 0, b: 0, a: 0.5 }, { r: 255, g: 255, b: 255, a: 1 });
    expect(out).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });

  it('keeps an opaque top and lets a transparent one through', () => {
    const white = { r: 255, g: 255, b: 255, a: 1 };
    expect(composite({ r: 1, g: 2, b: 3, a: 1 }, white)).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(composite({ r: 9, g: 9, b: 9, a: 0 }, white)).toEqual(white);
  });
});

describe('WCAG luminance and contrast', () => {
  it('matches the published reference values', () => {
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1, 6);
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 0, b: 0, a: 1 })).toBeCloseTo(0.2126, 4);
    expect(contrastRatio({ r: 0, g: 0, b: 0, a: 1 }, { r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(21, 5);
    // #767676 on white is the classic smallest grey passing AA.
    expect(contrastRatio({ r: 0x76, g: 0x76, b: 0x76, a: 1 }, { r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(4.54, 2);
  });

  it('is symmetric', () => {
    const a = { r: 30, g: 60, b: 90, a: 1 };
    const b = { r: 250, g: 240, b: 200, a: 1 };
    expect(contrastRatio(a, b)).toBe(contrastRatio(b, a));
  });
});
