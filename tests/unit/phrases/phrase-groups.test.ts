// The phrase list leads with what the document stresses, so it is not a wall of "1 处" chips.
import { describe, expect, it } from 'vitest';
import { focusNoteKey, groupPhrases, isFocusRow } from '../../../lib/phrases/phrase-groups';
import { summarizePhrases } from '../../../lib/phrases/summarize';
import { findPhrases } from '../../../lib/phrases/find-phrases';
import { builtInLexicon } from '../../../lib/phrases/lexicon';
import { seedText } from './seed-text';

const row = (term: string, category: string, count: number, gloss?: string) => ({
  term,
  category,
  count,
  ...(gloss ? { gloss } : {}),
});
const show = (groups: ReturnType<typeof groupPhrases<ReturnType<typeof row>>>) =>
  groups.map((g) => `${g.kind === 'focus' ? '*' : g.category}: ${g.rows.map((r) => `${r.term}${r.count}`).join(' ')}`);

describe('groupPhrases', () => {
  it('puts repeated and glossed phrases first, by count, then the rest by category', () => {
    const rows = [
      row('四个意识', 'formula', 1, '政治意识、大局意识、核心意识、看齐意识'),
      row('两个维护', 'formula', 3),
      row('一把手', 'requirement', 1),
      row('守土有责', 'requirement', 2),
      row('戴口罩', 'measure', 5),
      row('勤消毒', 'measure', 1),
      row('安全网', 'quoted', 1),
      row('校园安全', 'user', 4),
    ];
    expect(show(groupPhrases(rows))).toEqual([
      '*: 戴口罩5 两个维护3 守土有责2 四个意识1',
      'requirement: 一把手1',
      'measure: 勤消毒1',
      'quoted: 安全网1',
      'user: 校园安全4',
    ]);
  });

  it("keeps the reader's own phrases in their group, however often they occur", () => {
    expect(isFocusRow(row('防控', 'user', 9))).toBe(false);
    expect(isFocusRow(row('防控', 'quoted', 2))).toBe(true);
    expect(isFocusRow(row('防控', 'quoted', 1))).toBe(false);
  });

  it('leaves out empty groups, and keeps every row exactly once', () => {
    expect(groupPhrases([])).toEqual([]);
    const rows = [row('a', 'quoted', 1), row('b', 'quoted', 1)];
    expect(show(groupPhrases(rows))).toEqual(['quoted: a1 b1']);
  });

  it('on the seed: the four glossed formulae lead, the rest follow by category', () => {
    const rows = summarizePhrases(findPhrases(seedText()), builtInLexicon);
    const groups = groupPhrases(rows);
    expect(groups[0]?.kind).toBe('focus');
    expect(groups[0]?.rows.map((r) => r.term)).toEqual(['四个意识', '四个自信', '两个维护', '两个确立']);
    expect(groups.slice(1).map((g) => (g.kind === 'category' ? g.category : '*'))).toEqual([
      'requirement',
      'measure',
      'quoted',
    ]);
    expect(groups.flatMap((g) => g.rows).length).toBe(rows.length);
  });
});

describe('focusNoteKey', () => {
  it('says 多次出现 only when every stressed phrase really occurs more than once', () => {
    expect(
      focusNoteKey([
        { category: 'formula', count: 3 },
        { category: 'measure', count: 2 },
      ]),
    ).toBe('phrasesFocusRepeated');
    // Once, with a gloss: not "repeated".
    expect(focusNoteKey([{ category: 'formula', count: 1, gloss: 'x' }])).toBe('phrasesFocusGlossed');
    expect(
      focusNoteKey([
        { category: 'formula', count: 1, gloss: 'x' },
        { category: 'formula', count: 2, gloss: 'y' },
      ]),
    ).toBe('phrasesFocusGlossed');
    expect(
      focusNoteKey([
        { category: 'formula', count: 1, gloss: 'x' },
        { category: 'measure', count: 4 },
      ]),
    ).toBe('phrasesFocusNote');
  });
});
