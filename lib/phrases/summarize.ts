// Turns the match list into legend rows: one row per (category, term) with its count,
// gloss and where it occurs, in legend order.
import type { PhraseMatch } from './find-phrases';
import { compactPhrase, phraseCategoryOrder, type LexiconEntry, type PhraseCategory } from './lexicon';

export interface PhraseSummary {
  readonly term: string;
  readonly category: PhraseCategory;
  readonly gloss?: string;
  readonly count: number;
  /** Indexes into the `matches` array given to `summarizePhrases`, in text order. */
  readonly occurrences: readonly number[];
}

export function summarizePhrases(matches: readonly PhraseMatch[], lexicon: readonly LexiconEntry[]): PhraseSummary[] {
  const glosses = new Map<string, string>();
  for (const e of lexicon) if (e.gloss !== undefined) glosses.set(compactPhrase(e.term), e.gloss);
  const rows = new Map<string, { term: string; category: PhraseCategory; first: number; occurrences: number[] }>();
  matches.forEach((m, i) => {
    const key = `${m.category}\u0000${m.term}`;
    const row = rows.get(key);
    if (row) {
      row.occurrences.push(i);
      row.first = Math.min(row.first, m.start);
    } else {
      rows.set(key, { term: m.term, category: m.category, first: m.start, occurrences: [i] });
    }
  });
  const rank = (c: PhraseCategory): number => phraseCategoryOrder.indexOf(c);
  return [...rows.values()]
    .sort((a, b) => rank(a.category) - rank(b.category) || a.first - b.first)
    .map(({ term, category, occurrences }) => {
      const sorted = [...occurrences].sort((a, b) => (matches[a]?.start ?? 0) - (matches[b]?.start ?? 0));
      const gloss = glosses.get(term);
      const base = { term, category, count: sorted.length, occurrences: sorted };
      return gloss === undefined ? base : { ...base, gloss };
    });
}
