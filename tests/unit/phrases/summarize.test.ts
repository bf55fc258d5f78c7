import { describe, expect, it } from 'vitest';
import { findPhrases, type PhraseMatch } from '../../../lib/phrases/find-phrases';
import { builtInLexicon } from '../../../lib/phrases/lexicon';
import { summarizePhrases } from '../../../lib/phrases/summarize';
import { seedText } from './seed-text';

describe('summarizePhrases', () => {
  it('orders rows by category, then first occurrence, with glosses and counts', () => {
    const matches: PhraseMatch[] = [
      { start: 0, end: 2, term: '五双', category: 'quoted' },
      { start: 3, end: 6, term: '戴口罩', category: 'measure' },
      { start: 7, end: 11, term: '两个结合', category: 'numbered' },
      { start: 12, end: 14, term: '防控', category: 'user' },
      { start: 15, end: 19, term: '四个意识', category: 'formula' },
      { start: 20, end: 23, term: '戴口罩', category: 'measure' },
      { start: 24, end: 27, term: '一把手', category: 'requirement' },
    ];
    const rows = summarizePhrases(matches, builtInLexicon);
    expect(rows.map((r) => `${r.category}:${r.term}:${r.count}`)).toEqual([
      'formula:四个意识:1',
      'requirement:一把手:1',
      'measure:戴口罩:2',
      'numbered:两个结合:1',
      'quoted:五双:1',
      'user:防控:1',
    ]);
    expect(rows[0]?.gloss).toBe('政治意识、大局意识、核心意识、看齐意识');
    expect(rows[1]).not.toHaveProperty('gloss');
    expect(rows[2]?.occurrences).toEqual([1, 5]);
  });

  it('summarizes the seed: four glossed formulae first', () => {
    const matches = findPhrases(seedText());
    const rows = summarizePhrases(matches, builtInLexicon);
    expect(rows.slice(0, 4).map((r) => r.term)).toEqual(['四个意识', '四个自信', '两个维护', '两个确立']);
    expect(rows.slice(0, 4).every((r) => r.gloss !== undefined)).toBe(true);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(matches.length);
    for (const r of rows) for (const i of r.occurrences) expect(matches[i]?.term).toBe(r.term);
  });

  it('is empty for no matches', () => {
    expect(summarizePhrases([], builtInLexicon)).toEqual([]);
  });
});
