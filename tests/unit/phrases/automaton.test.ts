import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAutomaton, isGap } from '../../../lib/phrases/automaton';
import { findPhrases } from '../../../lib/phrases/find-phrases';
import { builtInLexicon, type LexiconEntry } from '../../../lib/phrases/lexicon';
import { referenceFindPhrases } from './reference-find-phrases';
import { seedText as readSeedText } from './seed-text';

const seedText = readSeedText();

describe('buildAutomaton', () => {
  it('finds the longest pattern at each start, overlapping ones included', () => {
    const a = buildAutomaton(['he', 'she', 'his', 'hers']);
    const found = a.longestAt('ushers').map((m) => [m.start, m.end, a.patterns[m.pattern]]);
    expect(found).toEqual([
      [1, 4, 'she'],
      [2, 6, 'hers'],
    ]);
  });

  it('skips whitespace inside a phrase, never before it', () => {
    const a = buildAutomaton(['安全网']);
    expect(a.longestAt(' 安\n全\u3000\u200b网 ')).toEqual([{ start: 1, end: 7, pattern: 0 }]);
    expect(a.longestAt('安全')).toEqual([]);
  });

  it('treats the same characters as gaps as compactPhrase does', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      expect(isGap(code), `U+${code.toString(16)}`).toBe(/[\s\u200b]/u.test(ch));
    }
  });

  it('handles characters outside the BMP and an empty pattern list', () => {
    const a = buildAutomaton(['𠀀字', '字']);
    expect(a.longestAt('x𠀀字字').map((m) => a.patterns[m.pattern])).toEqual(['𠀀字', '字', '字']);
    expect(buildAutomaton([]).longestAt('任何文字')).toEqual([]);
  });
});

describe('findPhrases through the automaton agrees with the regex finder it replaced', () => {
  it('on the seed text, with and without reader phrases', () => {
    for (const userPhrases of [
      [],
      ['安全网', '疫情防控', '网格化管理', '早发现', '“四个意识”'],
      ['的', '工作', '学校'],
    ]) {
      expect(findPhrases(seedText, { userPhrases })).toEqual(referenceFindPhrases(seedText, { userPhrases }));
    }
  });

  // Small alphabets make overlapping, nested and whitespace-split phrases common.
  const alphabet = [
    '安',
    '全',
    '网',
    '格',
    '化',
    '四',
    '个',
    '意',
    '识',
    '“',
    '”',
    ' ',
    '\n',
    '\u3000',
    '两',
    '三',
    '的',
  ];
  const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((cs) => cs.join(''));
  const phraseArb = fc
    .array(fc.constantFrom(...alphabet.filter((c) => !/\s/u.test(c))), { minLength: 1, maxLength: 5 })
    .map((cs) => cs.join(''));

  it('on random texts and random reader phrases', () => {
    fc.assert(
      fc.property(textArb, fc.array(phraseArb, { maxLength: 12 }), (text, userPhrases) => {
        expect(findPhrases(text, { userPhrases })).toEqual(referenceFindPhrases(text, { userPhrases }));
      }),
      { numRuns: 400 },
    );
  });

  it('on random texts with a random lexicon', () => {
    const categories = ['formula', 'requirement', 'measure'] as const;
    const lexiconArb = fc
      .uniqueArray(phraseArb, { maxLength: 10 })
      .chain((terms) =>
        fc
          .tuple(...terms.map(() => fc.constantFrom(...categories)))
          .map((cats) => terms.map((term, i): LexiconEntry => ({ term, category: cats[i]! }))),
      );
    fc.assert(
      fc.property(textArb, lexiconArb, fc.array(phraseArb, { maxLength: 6 }), (text, lexicon, userPhrases) => {
        expect(findPhrases(text, { lexicon, userPhrases })).toEqual(
          referenceFindPhrases(text, { lexicon, userPhrases }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('on seed-text slices with the built-in lexicon', () => {
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(2000), (from, length) => {
        const text = seedText.slice(from, from + length);
        expect(findPhrases(text)).toEqual(referenceFindPhrases(text, { lexicon: builtInLexicon }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('cost', () => {
  it('500 phrases sharing a prefix find the same as the regex finder on a long text', () => {
    const userPhrases = Array.from({ length: 500 }, (_, i) => `关于加强学校安全工作${i}`);
    const text = `${seedText}\n关于加强学校安全工作17的通知\n关于加强学校安全工作的意见`.repeat(3);
    const found = findPhrases(text, { userPhrases });
    expect(found).toEqual(referenceFindPhrases(text, { userPhrases }));
    expect(found.filter((m) => m.category === 'user').map((m) => m.term)).toEqual(
      Array(3).fill('关于加强学校安全工作17'),
    );
  });
});
