// Study mode's blanks as offsets: reading order, the part of each, and which one Space reveals next.
import { describe, expect, it } from 'vitest';
import { clozeItems, nextToReveal, partTerms } from '../../../lib/study/cloze';
import { findPhrases } from '../../../lib/phrases/find-phrases';

const parts = [
  { id: 'p1', start: 10, end: 60 },
  { id: 'p2', start: 60, end: 100 },
];

describe('clozeItems', () => {
  it('puts blanks in reading order and in the part they start in; text outside every part has none', () => {
    const items = clozeItems(
      [
        { start: 70, end: 74, term: '两个维护' },
        { start: 2, end: 6, term: '四个意识' },
        { start: 20, end: 24, term: '四个自信' },
        { start: 100, end: 104, term: '两个确立' },
      ],
      parts,
    );
    expect(items.map((i) => [i.term, i.partId])).toEqual([
      ['四个意识', null],
      ['四个自信', 'p1'],
      ['两个维护', 'p2'],
      ['两个确立', null],
    ]);
  });

  it('works on what the phrase finder finds in real text', () => {
    const text =
      '前言\n一、第一部分\n增强“四个意识”、坚定“四个自信”，做到“两个维护”。\n二、第二部分\n再讲“四个意识”，落实“早快准严细实”。';
    const p1 = text.indexOf('一、');
    const p2 = text.indexOf('二、');
    const items = clozeItems(findPhrases(text), [
      { id: 'p1', start: p1, end: p2 },
      { id: 'p2', start: p2, end: text.length },
    ]);
    expect(items.map((i) => text.slice(i.start, i.end))).toEqual(items.map((i) => i.term));
    expect(partTerms(items)).toEqual({ p1: ['四个意识', '四个自信', '两个维护'], p2: ['四个意识', '早快准严细实'] });
  });
});

describe('partTerms', () => {
  it('lists each part’s phrases once, in order of first appearance', () => {
    const items = clozeItems(
      [
        { start: 20, end: 24, term: 'B' },
        { start: 12, end: 14, term: 'A' },
        { start: 30, end: 34, term: 'B' },
        { start: 80, end: 84, term: 'C' },
      ],
      parts,
    );
    expect(partTerms(items)).toEqual({ p1: ['A', 'B'], p2: ['C'] });
  });
});

describe('nextToReveal', () => {
  const items = clozeItems(
    [10, 30, 50, 70, 90].map((start, i) => ({ start, end: start + 4, term: `t${i}` })),
    parts,
  );

  it('reveals the first masked blank from the top of the view, in reading order', () => {
    expect(nextToReveal(items, new Set(), 0)).toBe(0);
    expect(nextToReveal(items, new Set([0]), 0)).toBe(1);
    expect(nextToReveal(items, new Set(), 45)).toBe(2);
    // A blank cut by the top of the view still counts as in view.
    expect(nextToReveal(items, new Set(), 52)).toBe(2);
    expect(nextToReveal(items, new Set([2, 3]), 45)).toBe(4);
  });

  it('wraps to the first masked blank above the view, and says -1 when all are revealed', () => {
    expect(nextToReveal(items, new Set([3, 4]), 80)).toBe(0);
    expect(nextToReveal(items, new Set([0, 1, 2, 3, 4]), 0)).toBe(-1);
    expect(nextToReveal([], new Set(), 0)).toBe(-1);
  });
});
