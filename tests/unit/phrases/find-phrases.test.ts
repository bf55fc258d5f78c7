import { describe, expect, it } from 'vitest';
import { findPhrases, type PhraseMatch } from '../../../lib/phrases/find-phrases';
import type { LexiconEntry } from '../../../lib/phrases/lexicon';
import { seedText } from './seed-text';

const tally = (matches: readonly PhraseMatch[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const m of matches) out[`${m.category}:${m.term}`] = (out[`${m.category}:${m.term}`] ?? 0) + 1;
  return out;
};

function expectWellFormed(text: string, matches: readonly PhraseMatch[]): void {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    expect(m.end).toBeGreaterThan(m.start);
    expect(text.slice(m.start, m.end).replace(/\s/g, '')).toBe(m.term);
    if (i > 0) expect(m.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  }
}

describe('findPhrases on the seed document', () => {
  const text = seedText();
  const matches = findPhrases(text);

  it('joins the page-break splits in the helper', () => {
    expect(text).toContain('这根弦');
    expect(text).toContain('带头严格落实');
  });

  it('finds the expected phrases with the expected counts', () => {
    expect(tally(matches)).toEqual({
      'formula:四个意识': 1,
      'formula:四个自信': 1,
      'formula:两个维护': 1,
      'formula:两个确立': 1,
      'requirement:第一责任人': 1,
      'requirement:一把手': 1,
      'requirement:早快准严细实': 1,
      'requirement:我为师生办实事': 1,
      'requirement:我是党员我担当': 1,
      'requirement:守土有责': 1,
      'requirement:守土尽责': 1,
      'requirement:不造谣': 1,
      'requirement:不信谣': 1,
      'requirement:不传谣': 1,
      'measure:戴口罩': 1,
      'measure:不聚集': 1,
      'measure:勤消毒': 1,
      'measure:常通风': 1,
      'measure:健康监测': 1,
      'quoted:安全网': 1,
      'quoted:一万': 1,
      'quoted:万一': 1,
    });
    expectWellFormed(text, matches);
  });

  it('gives quoted phrases the inner range, without the marks', () => {
    for (const m of matches.filter((x) => text[x.start - 1] === '“')) expect(text[m.end]).toBe('”');
    const net = matches.find((m) => m.term === '安全网')!;
    expect(text.slice(net.start - 1, net.end + 1)).toBe('“安全网”');
  });

  it('is sorted and non-overlapping', () => {
    const starts = matches.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('quoted phrases', () => {
  const none: LexiconEntry[] = [];

  it('takes quotes of 2–12 characters, nothing shorter or longer', () => {
    const text = '要“管业务必须管安全”，落实“五双”，“防”字当头，“这是一句超过十二个字的很长很长的引文”。';
    expect(findPhrases(text, { lexicon: none }).map((m) => m.term)).toEqual(['管业务必须管安全', '五双']);
    const twelve = '“一二三四五六七八九十甲乙”';
    expect(findPhrases(twelve, { lexicon: none })).toHaveLength(1);
    expect(findPhrases('“一二三四五六七八九十甲乙丙”', { lexicon: none })).toHaveLength(0);
  });

  it('does not run an unbalanced quote across lines', () => {
    const text = '他说“未完的话\n下一行“安全网”结束”';
    const found = findPhrases(text, { lexicon: none });
    expect(found.map((m) => m.term)).toEqual(['安全网']);
    expect(findPhrases('开头“没有结尾\n另一行”', { lexicon: none })).toEqual([]);
  });

  it('uses the lexicon category for a quoted lexicon term', () => {
    expect(findPhrases('增强“四个意识”')).toEqual([{ start: 3, end: 7, term: '四个意识', category: 'formula' }]);
  });

  it('ignores quotes of punctuation only', () => {
    expect(findPhrases('“……”“——”', { lexicon: none })).toEqual([]);
  });

  it('finds nothing in a text with no quotes, numbers or terms', () => {
    expect(findPhrases('各基层党组织要认真做好宣传教育引导工作。\n第二行也没有。')).toEqual([]);
    expect(findPhrases('')).toEqual([]);
  });
});

describe('numbered formulae', () => {
  it('finds 两个…十个 + a two-character term without quotes', () => {
    const text = '坚持两个结合，落实三个务必，牢记十个明确。';
    expect(findPhrases(text, { lexicon: [] }).map((m) => `${m.category}:${m.term}`)).toEqual([
      'numbered:两个结合',
      'numbered:三个务必',
      'numbered:十个明确',
    ]);
  });

  it('uses the formula category for a lexicon formula, unquoted', () => {
    expect(findPhrases('做到两个维护。')).toEqual([{ start: 2, end: 6, term: '两个维护', category: 'formula' }]);
  });

  it('prefers a longer lexicon formula over the two-character guess', () => {
    expect(findPhrases('实现两个一百年奋斗目标').map((m) => m.term)).toEqual(['两个一百年']);
  });

  it('skips ordinary counts (stoplist, bigger numbers, ordinals, 几个, counts of days)', () => {
    const text =
      '用了两个月，分三个方面，花了几个小时，两个多小时，这两个人，二十个单位，第三个阶段，三十个班级，两个以上，两个都是，' +
      '须在十个工作日内整改，三个自然日后，两个工作天。';
    expect(findPhrases(text, { lexicon: [] })).toEqual([]);
  });

  it('prefers numbered over quoted for the same range', () => {
    expect(findPhrases('落实“三个务必”', { lexicon: [] })).toEqual([
      { start: 3, end: 7, term: '三个务必', category: 'numbered' },
    ]);
  });
});

describe('lexicon and user terms', () => {
  it('matches a phrase broken by a line break or stray spaces', () => {
    const text = '落实“早快准\n严细实”标准，戴 口　罩，一把\n手';
    const found = findPhrases(text);
    expect(found.map((m) => `${m.category}:${m.term}`)).toEqual([
      'requirement:早快准严细实',
      'measure:戴口罩',
      'requirement:一把手',
    ]);
    expectWellFormed(text, found);
  });

  it('counts repeated phrases each time', () => {
    const found = findPhrases('戴口罩、戴口罩、戴口罩');
    expect(found.map((m) => m.start)).toEqual([0, 4, 8]);
  });

  it('resolves overlaps: lexicon over generic, then the longest', () => {
    // The quoted phrase contains a lexicon term: the lexicon term wins.
    expect(findPhrases('“坚持四个意识”').map((m) => `${m.category}:${m.term}`)).toEqual(['formula:四个意识']);
    // Two user phrases overlap: the longer wins even though the shorter starts first.
    const found = findPhrases('疫情防控工作部署', { lexicon: [], userPhrases: ['疫情防控', '防控工作部署'] });
    expect(found.map((m) => m.term)).toEqual(['防控工作部署']);
  });

  it("finds the reader's phrases as `user`, a user phrase equal to a lexicon term stays lexicon", () => {
    const text = '学院疫情防控要求，疫\n情防控，一把手';
    const found = findPhrases(text, { userPhrases: ['疫情防控', '一把手', '  '] });
    expect(found.map((m) => `${m.category}:${m.term}`)).toEqual([
      'user:疫情防控',
      'user:疫情防控',
      'requirement:一把手',
    ]);
    expectWellFormed(text, found);
  });

  it('escapes regex characters in user phrases', () => {
    expect(findPhrases('a(b)*c+ 1.5', { lexicon: [], userPhrases: ['(b)*c+', '1.5'] }).map((m) => m.term)).toEqual([
      '(b)*c+',
      '1.5',
    ]);
  });

  it('keeps a user phrase and an adjacent quoted phrase apart', () => {
    const text = '确保织牢织密疫情防控“安全网”。';
    const found = findPhrases(text, { userPhrases: ['织牢织密'] });
    expect(found.map((m) => `${m.category}:${m.term}`)).toEqual(['user:织牢织密', 'quoted:安全网']);
  });
});
