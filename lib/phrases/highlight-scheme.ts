// Which highlight palette suits a page: the colour under the article, stacked from its ancestors'
// backgrounds over the canvas, and light or dark by its luminance. Pure; the DOM read is lib/dom/page-background.ts.
import { composite, parseCssColor, relativeLuminance, type Rgba } from './contrast';

export type HighlightScheme = 'light' | 'dark';

/**
 * Luminance at which black and white text contrast equally with a background ((L+0.05)/0.05 =
 * 1.05/(L+0.05)). Above it dark text reads better, so the light palette (dark text on light tints)
 * is chosen; below it the dark palette (light text on deep tints).
 */
export const LUMINANCE_SPLIT = Math.sqrt(1.05 * 0.05) - 0.05;

export const WHITE_CANVAS: Rgba = { r: 255, g: 255, b: 255, a: 1 };
/** Chromium's canvas in a dark used colour scheme. */
export const DARK_CANVAS: Rgba = { r: 18, g: 18, b: 18, a: 1 };

export function schemeForBackground(background: Rgba): HighlightScheme {
  return relativeLuminance(background) < LUMINANCE_SPLIT ? 'dark' : 'light';
}

/**
 * The canvas behind a page that paints no background of its own: the browser paints it dark only
 * when the page opts in through `color-scheme` (`dark`, or `light dark` in a dark-mode browser).
 */
export function canvasColor(colorScheme: string, prefersDark: boolean): Rgba {
  const schemes = colorScheme.toLowerCase().split(/\s+/);
  if (!schemes.includes('dark')) return WHITE_CANVAS;
  return schemes.includes('light') && !prefersDark ? WHITE_CANVAS : DARK_CANVAS;
}

/**
 * The colour seen under the article: `layers` are computed background colours from the article
 * root outwards. The first opaque one ends the walk; translucent ones above it are stacked over it
 * in paint order; with no opaque layer the stack sits on `canvas`. Unreadable values are skipped.
 */
export function pageBackground(layers: readonly string[], canvas: Rgba): Rgba {
  const seen: Rgba[] = [];
  let base = canvas;
  for (const layer of layers) {
    const color = parseCssColor(layer);
    if (!color || color.a === 0) continue;
    if (color.a >= 1) {
      base = color;
      break;
    }
    seen.push(color);
  }
  for (let i = seen.length - 1; i >= 0; i--) base = composite(seen[i]!, base);
  return { ...base, a: 1 };
}
