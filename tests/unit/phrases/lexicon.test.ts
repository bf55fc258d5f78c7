import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rawLexicon from '../../../lib/phrases/lexicon.json';
import { builtInLexicon, compactPhrase, parseLexicon } from '../../../lib/phrases/lexicon';

// Vitest runs from the repo root; import.meta.url is not a file URL under happy-dom.
const glossaryPath = resolve(process.cwd(), 'tests/fixtures/seed/glossary.md');

/** The glossary's `| 术语 | 标准表述 |` table as term → wording. */
function glossary(): Map<string, string> {
  const rows = readFileSync(glossaryPath, 'utf8')
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()))
    .filter((cells) => cells.length === 4 && cells[1] && cells[1] !== '术语' && !cells[1].startsWith('-'));
  return new Map(rows.map((cells) => [cells[1] ?? '', cells[2] ?? '']));
}

describe('built-in lexicon', () => {
  it('parses lexicon.json without loss', () => {
    expect(builtInLexicon).toHaveLength((rawLexicon as unknown[]).length);
    expect(parseLexicon(rawLexicon)).toEqual(builtInLexicon);
  });

  it('has the three curated categories, compact unique terms', () => {
    const cats = new Set(builtInLexicon.map((e) => e.category));
    expect([...cats].sort()).toEqual(['formula', 'measure', 'requirement']);
    const terms = builtInLexicon.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of terms) expect(compactPhrase(t)).toBe(t);
  });

  it('glosses exactly the glossary formulae, word for word, and nothing else', () => {
    const table = glossary();
    expect(table.size).toBe(4);
    const glossed = builtInLexicon.filter((e) => e.gloss !== undefined);
    expect(glossed.map((e) => e.term).sort()).toEqual([...table.keys()].sort());
    for (const e of glossed) {
      expect(e.category).toBe('formula');
      expect(e.gloss).toBe(table.get(e.term));
    }
    expect(builtInLexicon.find((e) => e.term === '四个意识')?.gloss).toBe('政治意识、大局意识、核心意识、看齐意识');
  });

  it('rejects malformed data', () => {
    expect(() => parseLexicon({})).toThrow();
    expect(() => parseLexicon([{ term: '', category: 'formula' }])).toThrow();
    expect(() => parseLexicon([{ term: '四 个', category: 'formula' }])).toThrow();
    expect(() => parseLexicon([{ term: '四个意识', category: 'quoted' }])).toThrow();
    expect(() => parseLexicon([{ term: '四个意识', category: 'formula', gloss: 3 }])).toThrow();
    expect(() => parseLexicon([{ term: '四个意识', category: 'formula', extra: 1 }])).toThrow();
    expect(() =>
      parseLexicon([
        { term: '一把手', category: 'requirement' },
        { term: '一把手', category: 'requirement' },
      ]),
    ).toThrow(/duplicate/);
  });
});
