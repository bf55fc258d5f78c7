// The review card: parts with marks, their bookmarks and the phrases still to learn; and as Markdown.
import { describe, expect, it } from 'vitest';
import { buildReviewCard, reviewCardMarkdown } from '../../../lib/study/review-card';
import { emptyRecord, type DocRecord } from '../../../lib/storage/schema';

const parts = [
  { id: 'p1', heading: '一、基层党组织切实发挥战斗堡垒作用', terms: ['四个意识', '两个维护'] },
  { id: 'p2', heading: '二、党员领导干部&nbsp;切实扛起职责', terms: ['第一责任人'] },
  { id: 'p3', heading: '三、广大师生党员', terms: ['我是党员我担当'] },
];

const record: DocRecord = {
  ...emptyRecord('fp:0011', 1),
  title: '倡议书',
  sectionTitles: { p1: parts[0]!.heading, 'p1.k1': '要强化政治意识', p2: parts[1]!.heading, p3: parts[2]!.heading },
  bookmarks: {
    'p1.k1': { sectionId: 'p1.k1', heading: '要强化政治意识', note: '背熟 *四个意识*', createdAt: 1, updatedAt: 2 },
    p3: { sectionId: 'p3', heading: parts[2]!.heading, note: '', createdAt: 1, updatedAt: 3 },
    p2: { sectionId: 'p2', heading: parts[1]!.heading, note: 'gone', createdAt: 1, updatedAt: 4, deleted: true },
    x1: { sectionId: 'x1', heading: '附件1', note: '表格', createdAt: 1, updatedAt: 5 },
  },
  study: {
    p1: { state: 'again', heading: parts[0]!.heading, terms: ['四个意识', '两个维护'], updatedAt: 5 },
    p2: { state: 'known', heading: parts[1]!.heading, terms: ['第一责任人'], updatedAt: 6 },
  },
};

describe('buildReviewCard', () => {
  it('shows each part with its mark, its live bookmarks and the phrases left to learn', () => {
    const card = buildReviewCard({ title: '致全体师生党员的倡议书', kind: '倡议书', parts }, record);
    expect(card.title).toBe('致全体师生党员的倡议书');
    expect(card.parts.map((p) => [p.id, p.mark, p.toLearn, p.bookmarks.map((b) => b.sectionId)])).toEqual([
      ['p1', 'again', ['四个意识', '两个维护'], ['p1.k1']],
      ['p2', 'known', [], []],
      ['p3', null, ['我是党员我担当'], ['p3']],
    ]);
    // Headings as the panel shows them (entities decoded).
    expect(card.parts[1]!.heading).toBe('二、党员领导干部 切实扛起职责');
    expect(card.otherBookmarks).toEqual([{ sectionId: 'x1', heading: '附件1', note: '表格' }]);
  });

  it('without the page, uses the record’s parts and the phrases kept with the marks', () => {
    const stored = { ...record, parts: parts.map(({ id, heading }) => ({ id, heading })) };
    const card = buildReviewCard({ title: null, kind: null, parts: null }, stored);
    expect(card.title).toBe('倡议书');
    expect(card.parts.map((p) => p.toLearn)).toEqual([['四个意识', '两个维护'], [], []]);
  });

  it('is empty without a record or parts', () => {
    expect(buildReviewCard({ title: 'x', kind: null, parts: null }, null)).toEqual({
      title: 'x',
      kind: null,
      parts: [],
      otherBookmarks: [],
    });
  });
});

describe('reviewCardMarkdown', () => {
  const card = buildReviewCard({ title: '倡议书 <b>#1</b>', kind: '倡议书', parts }, record);

  it('writes the card part by part, in Chinese', () => {
    const md = reviewCardMarkdown(card, 'zh');
    expect(md).toContain('# 复习卡：倡议书 \\<b\\>\\#1\\</b\\>');
    expect(md).toContain(
      '## 一、基层党组织切实发挥战斗堡垒作用（再看）\n\n待学关键词：四个意识、两个维护\n\n- 要强化政治意识 — 背熟 \\*四个意识\\*',
    );
    expect(md).toContain('## 二、党员领导干部 切实扛起职责（会了）\n\n## 三、');
    expect(md).toContain('## 其他收藏\n\n- 附件1 — 表格');
    expect(md).not.toContain('gone');
  });

  it('and in English', () => {
    const md = reviewCardMarkdown(card, 'en');
    expect(md).toContain('# Review card: 倡议书');
    expect(md).toContain('## 一、基层党组织切实发挥战斗堡垒作用 (Again)');
    expect(md).toContain('Phrases to learn: 四个意识, 两个维护');
  });
});
