import { describe, expect, it } from 'vitest';
import { textFragmentHref } from '../../../lib/reading/text-fragment';

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
