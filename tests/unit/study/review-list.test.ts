// The 复习 list across documents: only parts marked 再看, in document order, newest document first.
import { describe, expect, it } from 'vitest';
import { reviewGroups, reviewTermCount } from '../../../lib/study/review-list';
import { emptyRecord, type DocRecord, type StudyMark } from '../../../lib/storage/schema';

function mark(state: StudyMark['state'], updatedAt: number, terms: string[] = [], heading = ''): StudyMark {
  return { state, heading, terms, updatedAt };
}

function doc(id: string, patch: Partial<DocRecord>): DocRecord {
  return { ...emptyRecord(id, 1), urls: [`https://a.edu.cn/${id.slice(3)}`], ...patch };
}

describe('reviewGroups', () => {
  const a = doc('fp:aaaa', {
    title: '倡议书',
    parts: [
      { id: 'p1', heading: '一、甲' },
      { id: 'p2', heading: '二、乙' },
      { id: 'p3', heading: '三、丙' },
    ],
    study: {
      p3: mark('again', 30, ['我是党员我担当'], '三、丙'),
      p1: mark('again', 10, ['四个意识', '四个自信'], '一、甲'),
      p2: mark('known', 40, ['第一责任人'], '二、乙'),
    },
  });
  const b = doc('fp:bbbb', { title: '通知', study: { p1: mark('again', 50, ['两个维护'], '一、通知正文') } });
  const c = doc('fp:cccc', { title: '办法', study: { p1: mark('none', 60, ['x'], '一、') } });
  const d = doc('fp:dddd', { title: '没学过' });

  it('lists the 再看 parts of every document, the document with the newest mark first, parts in document order', () => {
    const groups = reviewGroups({ [a.id]: a, [b.id]: b, [c.id]: c, [d.id]: d });
    expect(groups.map((g) => g.title)).toEqual(['通知', '倡议书']);
    expect(groups[1]!.entries.map((e) => [e.partId, e.heading, e.terms])).toEqual([
      ['p1', '一、甲', ['四个意识', '四个自信']],
      ['p3', '三、丙', ['我是党员我担当']],
    ]);
    expect(groups[0]!.url).toBe('https://a.edu.cn/bbbb');
    expect(reviewTermCount(groups)).toBe(4);
  });

  it('leaves out 会了 and taken-back marks, and documents never studied', () => {
    expect(reviewGroups([c, d])).toEqual([]);
    expect(reviewGroups([a]).flatMap((g) => g.entries.map((e) => e.partId))).not.toContain('p2');
  });

  it('names a part from the record when the mark carries no heading', () => {
    const e = doc('fp:eeee', {
      parts: [{ id: 'p2', heading: '二、从目录' }],
      sectionTitles: { 'p2.k1': '要点' },
      study: { p2: mark('again', 5), 'p2.k1': mark('again', 6), p9: mark('again', 7) },
    });
    expect(reviewGroups([e])[0]!.entries.map((x) => x.heading)).toEqual(['二、从目录', '要点', 'p9']);
  });
});
