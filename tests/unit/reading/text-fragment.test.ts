import { describe, expect, it } from 'vitest';
import { flattenSections } from '../../../lib/document/flatten-sections';
import { readDocument } from '../../../lib/document/detect';
import { textFragmentHref } from '../../../lib/reading/text-fragment';
import { loadFixture } from '../document/fixtures';

describe('textFragmentHref', () => {
  it('encodes a short heading whole, dropping any existing fragment of the base', () => {
    const href = textFragmentHref('要强化领导责任。', 'https://www.example.edu.cn/info/1.htm#top');
    expect(href).toBe(`https://www.example.edu.cn/info/1.htm#:~:text=${encodeURIComponent('要强化领导责任。')}`);
  });

  it('uses a start,end range for long headings and escapes directive delimiters', () => {
    const heading = '一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜-再加一些文字让它超过四十个字符的长度限制好吧';
    const href = textFragmentHref(heading);
    expect(href.startsWith('#:~:text=')).toBe(true);
    const [start, end] = href.slice('#:~:text='.length).split(',');
    expect(decodeURIComponent(start!)).toBe(heading.slice(0, 12));
    expect(decodeURIComponent(end!)).toBe(heading.slice(-12));
    expect(href).not.toMatch(/-/);
  });
});

describe('textFragmentHref on headings joined over two paragraphs', () => {
  /** The directive's parts, decoded: text start (and end) and the suffix after '-'. */
  function directiveParts(href: string): { texts: string[]; suffix: string | null } {
    const parts = href.slice(href.indexOf('#:~:text=') + '#:~:text='.length).split(',');
    const suffix = parts.find((p) => p.startsWith('-'));
    return {
      texts: parts.filter((p) => !p.startsWith('-') && !p.endsWith('-')).map(decodeURIComponent),
      suffix: suffix ? decodeURIComponent(suffix.slice(1)) : null,
    };
  }

  it('matches a bare 第三条 by its marker, the words after it only as a suffix', () => {
    const href = textFragmentHref('第三条 为规范招生工作', 'https://www.example.edu.cn/info/3.htm');
    expect(href).toBe(
      `https://www.example.edu.cn/info/3.htm#:~:text=${encodeURIComponent('第三条')},-${encodeURIComponent('为规范招生工作')}`,
    );
    // A spaced chapter title: the suffix is its first word, text of one line.
    expect(directiveParts(textFragmentHref('第一章 总 则'))).toEqual({ texts: ['第一章'], suffix: '总' });
  });

  it('never spans a paragraph: every text of every entry on a page of bare markers lies in one line', () => {
    const found = readDocument(loadFixture('real/bare-markers.html'));
    if (!found) throw new Error('not detected');
    const { model } = found;
    const lines = model.text.split('\n').map((line) => line.replace(/\s+/g, ' '));
    const sections = flattenSections(found.document.sections);
    const joined = sections.filter((s) => model.text.slice(s.headingStart, s.headingEnd).includes('\n'));
    expect(joined.length).toBeGreaterThan(0);
    for (const section of sections) {
      const { texts, suffix } = directiveParts(textFragmentHref(section.heading));
      for (const text of [...texts, ...(suffix ? [suffix] : [])])
        expect(lines.some((line) => line.includes(text))).toBe(true);
    }
    // The joined entries are matched in their first paragraph: the marker's own line.
    for (const section of joined) {
      const first = model.text.slice(section.headingStart, model.text.indexOf('\n', section.headingStart)).trim();
      expect(directiveParts(textFragmentHref(section.heading)).texts).toEqual([first]);
    }
  });
});
