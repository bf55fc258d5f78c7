// How study mode's blanks look: the registry names and the `::highlight()` rules of both palettes,
// which go into the one fixed highlight sheet (lib/phrases/highlight-sheet.ts). Pure.
import type { HighlightScheme } from '../phrases/highlight-scheme';

export type ClozeLayer = 'blank' | 'revealed';

/** The registry name of a study layer in one palette (the palette is in the name; the sheet never changes). */
export function clozeHighlightName(layer: ClozeLayer, scheme: HighlightScheme): string {
  return `gongwen-${scheme}-study-${layer}`;
}

const BAR: Readonly<Record<HighlightScheme, { bar: string; line: string; revealed: string }>> = {
  light: { bar: '#d5d9df', line: '#59636e', revealed: '#a4262c' },
  dark: { bar: '#4a5059', line: '#a9b1ba', revealed: '#f08a8f' },
};

/**
 * The blank hides glyphs only with properties ::highlight() takes (color, background-color,
 * text-decoration, text-shadow, -webkit-text-fill-color): nothing that changes layout.
 * -webkit-text-fill-color and text-shadow too, or a page that sets them would show through.
 */
export function clozeStyleText(): string {
  return (['light', 'dark'] as const)
    .flatMap((scheme) => {
      const c = BAR[scheme];
      const blank = clozeHighlightName('blank', scheme);
      return [
        `::highlight(${blank}) { color: transparent; -webkit-text-fill-color: transparent; text-shadow: none; ` +
          `background-color: ${c.bar}; text-decoration: underline 2px ${c.line}; }`,
        `::highlight(${clozeHighlightName('revealed', scheme)}) { text-decoration: underline 2px ${c.revealed}; }`,
        // Forced colours: a system-coloured bar; the text is still painted transparent.
        `@media (forced-colors: active) { ::highlight(${blank}) { background-color: GrayText; color: transparent; } }`,
      ];
    })
    .join('\n');
}
