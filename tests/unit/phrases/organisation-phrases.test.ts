// The organisation's phrases from policy: turned into lexicon entries, merged with the built-in
// lexicon (IT's gloss wins), found and listed with the source 本单位, bounded by the validator.
import { describe, expect, it } from 'vitest';
import { mergeLexicon, organisationLexicon } from '../../../lib/phrases/organisation-phrases';
import { builtInLexicon } from '../../../lib/phrases/lexicon';
import { findPhrases } from '../../../lib/phrases/find-phrases';
import { summarizePhrases } from '../../../lib/phrases/summarize';
import { MANAGED_LIMITS, validateManaged } from '../../../lib/managed/validate';

const policy = {
  glossary: [
    { phrase: '三全育人', gloss: '全员育人、全程育人、全方位育人' },
    { phrase: '四个意识', gloss: '本校释义：政治意识、大局意识、核心意识、看齐意识' },
  ],
  extraPhrases: ['一站式学生社区'],
};

describe('organisationLexicon', () => {
  it('makes glossary entries with their gloss and extra phrases without one, all of the organisation', () => {
    const { config } = validateManaged(policy);
    expect(organisationLexicon(config)).toEqual([
      { term: '三全育人', category: 'organisation', gloss: '全员育人、全程育人、全方位育人' },
      { term: '四个意识', category: 'organisation', gloss: '本校释义：政治意识、大局意识、核心意识、看齐意识' },
      { term: '一站式学生社区', category: 'organisation' },
    ]);
  });

  it('stays bounded however large the policy: 50 000 glossary entries give the validator’s limit', () => {
    const glossary = Array.from({ length: 50_000 }, (_, i) => ({ phrase: `本校词语${i}`, gloss: `释义${i}` }));
    const extraPhrases = Array.from({ length: 10_000 }, (_, i) => `另一词语${i}`);
    const entries = organisationLexicon(validateManaged({ glossary, extraPhrases }).config);
    expect(entries).toHaveLength(MANAGED_LIMITS.glossary + MANAGED_LIMITS.extraPhrases);
  });

  it('never carries markup: a gloss written as HTML is dropped by the validator', () => {
    const { config } = validateManaged({ glossary: [{ phrase: '三全育人', gloss: '<img src=x onerror=alert(1)>' }] });
    expect(organisationLexicon(config)).toEqual([]);
  });
});

describe('mergeLexicon', () => {
  it('gives back the built-in lexicon itself when the organisation lists nothing', () => {
    expect(mergeLexicon(builtInLexicon, [])).toBe(builtInLexicon);
  });

  it('puts the organisation’s entry in place of a built-in one with the same term', () => {
    const merged = mergeLexicon(builtInLexicon, organisationLexicon(validateManaged(policy).config));
    const own = merged.filter((e) => e.term === '四个意识');
    expect(own).toEqual([
      { term: '四个意识', category: 'organisation', gloss: '本校释义：政治意识、大局意识、核心意识、看齐意识' },
    ]);
    expect(merged).toHaveLength(builtInLexicon.length + 2);
  });
});

describe('the organisation’s phrases on a page', () => {
  it('are found, listed as 本单位 with their gloss, and the built-in ones still are', () => {
    const lexicon = mergeLexicon(builtInLexicon, organisationLexicon(validateManaged(policy).config));
    const text = '坚持三全育人，增强四个意识，建设一站式学生社区，落实立德树人。三全育人';
    const matches = findPhrases(text, { lexicon });
    const rows = summarizePhrases(matches, lexicon);
    expect(rows.filter((r) => r.category === 'organisation')).toEqual([
      expect.objectContaining({ term: '三全育人', count: 2, gloss: '全员育人、全程育人、全方位育人' }),
      expect.objectContaining({
        term: '四个意识',
        count: 1,
        gloss: '本校释义：政治意识、大局意识、核心意识、看齐意识',
      }),
      expect.objectContaining({ term: '一站式学生社区', count: 1 }),
    ]);
    expect(rows.find((r) => r.term === '一站式学生社区')?.gloss).toBeUndefined();
  });
});
