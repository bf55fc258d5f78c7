// Colour arithmetic for choosing and checking highlight colours: reading computed CSS colours,
// stacking translucent backgrounds, and WCAG 2 relative luminance and contrast ratio.

/** An sRGB colour with 0–255 channels and alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function channel(text: string, scale: number): number | null {
  const v = text.trim();
  if (v === 'none') return 0;
  const n = v.endsWith('%') ? (parseFloat(v) / 100) * scale : parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

function alpha(text: string | undefined): number | null {
  if (text === undefined) return 1;
  const v = text.trim();
  const n = v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
  return Number.isFinite(n) ? clamp(n, 0, 1) : null;
}

/**
 * Parses the colour forms a computed `background-color` takes: `rgb()`/`rgba()` (comma or space
 * syntax), `color(srgb …)`, `#rgb[a]`/`#rrggbb[aa]` and `transparent`. Other forms (oklch(),
 * lab(), …) give null: the caller treats such a layer as unknown and looks further up.
 */
export function parseCssColor(value: string): Rgba | null {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex && [3, 4, 6, 8].includes(hex.length)) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number): number => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(text);
  if (!fn) return null;
  let body = fn[2]!.trim();
  let scale = 255;
  if (fn[1] === 'color') {
    if (!body.startsWith('srgb ')) return null;
    body = body.slice(5);
    scale = 1;
  }
  const [main, slashAlpha] = body.split('/');
  const parts = main!.includes(',') ? main!.split(',') : main!.trim().split(/\s+/);
  const a = alpha(slashAlpha ?? (parts.length === 4 ? parts[3] : undefined));
  const rgb = parts.slice(0, 3).map((p) => channel(p, scale));
  if (parts.length < 3 || parts.length > 4 || a === null || rgb.some((c) => c === null)) return null;
  const [r, g, b] = rgb.map((c) => clamp((c as number) * (255 / scale), 0, 255)) as [number, number, number];
  return { r, g, b, a };
}

/** `top` painted over `bottom` (source-over); an opaque bottom gives an opaque result. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number): number => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG 2 relative luminance (0 black – 1 white) of an opaque colour; alpha is ignored. */
export function relativeLuminance(color: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(color.r) + 0.7152 * lin(color.g) + 0.0722 * lin(color.b);
}

/** WCAG 2 contrast ratio, 1–21, of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
