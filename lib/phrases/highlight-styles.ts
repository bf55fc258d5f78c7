// Colours of the key-phrase categories and the CSS that paints them: `::highlight()` rules,
// the <mark> fallback, the flash and forced-colors mode, for both palettes at once (the page's
// palette, highlight-scheme.ts, picks which names are painted). The legend shows the same pairs.
import { phraseCategoryOrder, type PhraseCategory } from './lexicon';
import type { HighlightScheme } from './highlight-scheme';

export interface ColorPair {
  /** Text colour. Always given with its background so text stays readable (WCAG AA ≥ 4.5:1) on any page. */
  readonly color: string;
  readonly background: string;
}

export interface SchemeColors {
  readonly light: ColorPair;
  readonly dark: ColorPair;
}

export type HighlightKey = PhraseCategory | 'flash';

/**
 * Dark text on a light tint (light pages) and light text on a deep tint (dark pages); one hue per
 * category. Each text colour also contrasts ≥ 4.5:1 with the pages its palette is chosen for, so a
 * highlight never reads as a blacked-out block.
 */
export const phraseColors: Readonly<Record<HighlightKey, SchemeColors>> = {
  organisation: {
    light: { color: '#053b3b', background: '#d3f1ee' },
    dark: { color: '#dcfaf6', background: '#124845' },
  },
  formula: { light: { color: '#5c0b0b', background: '#fde0dc' }, dark: { color: '#ffe3df', background: '#6b1f1a' } },
  requirement: {
    light: { color: '#4a3300', background: '#fcefc7' },
    dark: { color: '#fff1c9', background: '#5a4200' },
  },
  measure: { light: { color: '#0b3d1f', background: '#d8f0df' }, dark: { color: '#dcf5e4', background: '#1d4d2e' } },
  numbered: { light: { color: '#5a2a00', background: '#fde3cc' }, dark: { color: '#ffe6d1', background: '#6a3510' } },
  quoted: { light: { color: '#0b2f5c', background: '#dde9fb' }, dark: { color: '#e1edff', background: '#1f3f6e' } },
  user: { light: { color: '#3b1670', background: '#ebe1fa' }, dark: { color: '#efe5ff', background: '#46297a' } },
  // The flash must stand out from every category, on both schemes: a vivid amber, brighter than the tints.
  flash: { light: { color: '#1a1300', background: '#ffcf33' }, dark: { color: '#ffffff', background: '#966200' } },
};

/** The pairs one palette paints with: plain data, so the panel can be sent them as they are. */
export function schemePairs(scheme: HighlightScheme): Record<HighlightKey, ColorPair> {
  const out = {} as Record<HighlightKey, ColorPair>;
  for (const key of Object.keys(phraseColors) as HighlightKey[]) out[key] = { ...phraseColors[key][scheme] };
  return out;
}

export const highlightPrefix = 'gongwen-';
export const flashClass = 'gongwen-flash';
export const markClass = 'gongwen-mark';

/**
 * The registry name of one category in one palette. The palette is in the name, not in the sheet:
 * the sheet holds both palettes and never changes (highlight-sheet.ts), so switching palettes
 * re-registers ranges under the other names and restyles nothing.
 */
export function highlightName(key: HighlightKey, scheme: HighlightScheme): string {
  return `${highlightPrefix}${scheme}-${key}`;
}

/** Highlight API priority: higher paints on top. Formula wins among categories; the flash wins over all. */
export const highlightPriority: Readonly<Record<HighlightKey, number>> = {
  flash: 10,
  formula: 7,
  organisation: 6,
  requirement: 5,
  measure: 4,
  numbered: 3,
  quoted: 2,
  user: 1,
};

const keys: readonly HighlightKey[] = [...phraseCategoryOrder, 'flash'];
const schemes: readonly HighlightScheme[] = ['light', 'dark'];

function markSelector(key: HighlightKey, scheme: HighlightScheme): string {
  const base = `mark.${markClass}[data-scheme="${scheme}"]`;
  return key === 'flash' ? `${base}.${flashClass}` : `${base}[data-category="${key}"]`;
}

// `::highlight()` and mark rules stay separate: a browser without the API drops only the rules it cannot parse.
function rules(pick: (key: HighlightKey, scheme: HighlightScheme) => string): string {
  return schemes
    .flatMap((scheme) =>
      keys.flatMap((key) => [
        `::highlight(${highlightName(key, scheme)}) { ${pick(key, scheme)} }`,
        `${markSelector(key, scheme)} { ${pick(key, scheme)} }`,
      ]),
    )
    .join('\n');
}

const pair = (p: ColorPair): string => `color: ${p.color}; background-color: ${p.background};`;

// In forced-colors mode the system's Mark pair marks phrases and Highlight pair marks the flash.
const forced = (key: HighlightKey): string =>
  key === 'flash' ? 'color: HighlightText; background-color: Highlight;' : 'color: MarkText; background-color: Mark;';

/**
 * The phrase rules of both palettes. No colour-scheme media query picks the palette: the browser's
 * dark mode says nothing about the page, whose own background decides (a white portal page stays white).
 */
export function highlightStyleText(): string {
  return [
    // The fallback <mark> must not change layout or the page's font, only colours.
    `mark.${markClass} { font: inherit; padding: 0; margin: 0; border-radius: 0; }`,
    rules((key, scheme) => pair(phraseColors[key][scheme])),
    `@media (forced-colors: active) {\n${rules(forced)}\n}`,
  ].join('\n');
}
