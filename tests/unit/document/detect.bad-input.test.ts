// Bad input from real portals and worse (issue 22): very many numbered lines, a huge heading,
// numbering loops, chapters without articles, articles out of order — an outline or none, never
// an exception, and outlines bounded by the input (speed is measured by the bench, not here).
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../lib/document/detect';
import { entryLabel, ENTRY_MAX_CHARS } from '../../../lib/document/entry-text';
import { ARTICLE_HEADING_LENGTH, CHAPTER_TITLE_LENGTH } from '../../../lib/document/headings';
import { parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import { toChineseNumeral } from '../../../lib/document/chinese-numerals';
import { htmlDocument } from './fixtures';

function countAll(sections: readonly { children: readonly unknown[] }[]): number {
  let n = 0;
  for (const s of sections) n += 1 + countAll(s.children as never);
  return n;
}

function page(lines: readonly string[]): Document {
  return htmlDocument(`<div class="v_news_content">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`);
}

describe('bad input', () => {
  it('20 000 numbered lines: an outline no bigger than the lines, no exception', () => {
    const lines = ['学生宿舍管理规定'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${(i % 50) + 1}.第${i}项内容。`);
    lines.splice(1, 0, '一、总则');
    lines.push('二、附则');
    const found = readDocument(page(lines));
    expect(found).not.toBeNull();
    expect(countAll(found!.document.sections)).toBeLessThanOrEqual(lines.length);
  }, 60_000);

  it('a heading of 100 000 characters is read, and its entry is cut to two lines', () => {
    const huge = `一、${'甲'.repeat(100_000)}`;
    const found = readDocument(page(['考勤办法', huge, '内容。', '二、附则', '内容。']));
    expect(found?.document.sections).toHaveLength(2);
    expect(Array.from(entryLabel(found!.document.sections[0]!.heading)).length).toBeLessThanOrEqual(
      ENTRY_MAX_CHARS + 1,
    );
  }, 60_000);

  it('numbering loops (一、二、一、二、…) give one series, not hundreds of parts', () => {
    const lines = ['工作方案'];
    for (let i = 0; i < 500; i++) lines.push(i % 2 === 0 ? '一、甲' : '二、乙', '内容。');
    const sections = parseSections(buildTextModel(page(lines).querySelector('.v_news_content')!));
    expect(sections.length).toBeLessThanOrEqual(2);
  });

  it('chapters without articles are an outline of chapters', () => {
    const lines = ['学生社团管理办法'];
    for (let i = 1; i <= 6; i++) lines.push(`第${toChineseNumeral(i)}章 第${i}章的标题`, '本章内容。');
    const sections = parseSections(buildTextModel(page(lines).querySelector('.v_news_content')!));
    expect(sections.map((s) => s.marker)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章']);
    expect(sections.every((s) => s.children.length === 0)).toBe(true);
  });

  it('bare 第X条 lines take at most a clause of the next line, however long, and never a marker', () => {
    const lines = ['实验室管理规定', '第一章', '甲'.repeat(100_000), '第一条', `${'乙'.repeat(100_000)}。`];
    for (let i = 2; i <= 2_000; i++) lines.push(`第${toChineseNumeral(i)}条`);
    lines.push('第二章', '附则', '第一条', '本规定自发布之日起施行。');
    const sections = parseSections(buildTextModel(page(lines).querySelector('.v_news_content')!));
    // The 100 000-character line after 第一章 is no title: the chapter stays bare.
    expect(sections.map((s) => s.heading)).toEqual(['第一章', '第二章 附则']);
    const articles = sections.flatMap((s) => s.children);
    expect(articles.length).toBeLessThanOrEqual(lines.length);
    for (const a of articles) {
      expect(a.heading.length).toBeLessThanOrEqual(a.marker.length + 1 + ARTICLE_HEADING_LENGTH);
      // A marker never swallows the next marker as its text.
      expect(a.heading.indexOf('第', 1)).toBe(-1);
    }
    expect(sections[1]!.heading.length).toBeLessThanOrEqual('第二章 '.length + CHAPTER_TITLE_LENGTH);
  }, 60_000);

  it('articles out of order are read as far as they make a series, without an exception', () => {
    const lines = [
      '实验室管理规定',
      '第一章 总则',
      '第三条 甲。',
      '第一条 乙。',
      '第二条 丙。',
      '第九条 丁。',
      '第二章 附则',
      '第四条 戊。',
      '第二条 己。',
    ];
    const sections = parseSections(buildTextModel(page(lines).querySelector('.v_news_content')!));
    expect(sections.map((s) => s.marker)).toEqual(['第一章', '第二章']);
    const articles = sections.flatMap((s) => s.children.map((c) => c.number));
    // Each chapter's articles rise; none is repeated within a chapter.
    for (const s of sections) {
      const numbers = s.children.map((c) => c.number);
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    }
    expect(articles.length).toBeGreaterThan(0);
  });
});
