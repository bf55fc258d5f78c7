// The built-in key-phrase lexicon: phrase categories, the typed and validated lexicon.json,
// and the one normalization every phrase (lexicon, user, found) goes through.
import lexiconData from './lexicon.json';

export type PhraseCategory = 'organisation' | 'formula' | 'requirement' | 'measure' | 'quoted' | 'numbered' | 'user';
export type LexiconCategory = 'formula' | 'requirement' | 'measure';

export interface LexiconEntry {
  readonly term: string;
  /** 'organisation': a phrase the organisation's policy lists (lib/phrases/organisation-phrases.ts), never in lexicon.json. */
  readonly category: LexiconCategory | 'organisation';
  /** Standard wording, only where it can be stated exactly (see tests/fixtures/seed/glossary.md). */
  readonly gloss?: string;
}

/**
 * Legend / summary order: the organisation's own phrases, then the curated categories, then the
 * generic finds, then the reader's own.
 */
export const phraseCategoryOrder: readonly PhraseCategory[] = [
  'organisation',
  'formula',
  'requirement',
  'measure',
  'numbered',
  'quoted',
  'user',
];

const lexiconCategories: readonly string[] = ['formula', 'requirement', 'measure'];
const maxTermLength = 30;

/** Drops all whitespace (incl. U+3000, '\n', zero-width space): Chinese phrases carry none, pages break them anyway. */
export function compactPhrase(text: string): string {
  return text.replace(/[\s\u200b]+/gu, '');
}

/** Validates lexicon data; throws with the offending index so a bad JSON edit fails loudly in tests. */
export function parseLexicon(data: unknown): LexiconEntry[] {
  if (!Array.isArray(data)) throw new Error('lexicon: expected an array');
  const seen = new Set<string>();
  return data.map((raw: unknown, i): LexiconEntry => {
    if (typeof raw !== 'object' || raw === null) throw new Error(`lexicon[${i}]: not an object`);
    const { term, category, gloss, ...rest } = raw as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new Error(`lexicon[${i}]: unknown keys ${Object.keys(rest).join(',')}`);
    if (
      typeof term !== 'string' ||
      term.length === 0 ||
      compactPhrase(term) !== term ||
      [...term].length > maxTermLength
    ) {
      throw new Error(`lexicon[${i}]: bad term`);
    }
    if (typeof category !== 'string' || !lexiconCategories.includes(category)) {
      throw new Error(`lexicon[${i}]: bad category`);
    }
    if (gloss !== undefined && (typeof gloss !== 'string' || gloss.trim() === '')) {
      throw new Error(`lexicon[${i}]: bad gloss`);
    }
    if (seen.has(term)) throw new Error(`lexicon[${i}]: duplicate term ${term}`);
    seen.add(term);
    const entry = { term, category: category as LexiconCategory };
    return Object.freeze(gloss === undefined ? entry : { ...entry, gloss });
  });
}

export const builtInLexicon: readonly LexiconEntry[] = Object.freeze(parseLexicon(lexiconData));
