// Outline entries a reader can scan: spaced chapter titles closed up, long headings cut at punctuation with '…'.
import { describe, expect, it } from 'vitest';
import { ENTRY_MAX_CHARS, entryFullText, entryLabel } from '../../../lib/document/entry-text';

describe('entryFullText', () => {
  it.each([
    ['第一章 总 则', '第一章 总则'],
    ['第二章　导 师 职 责', '第二章 导师职责'],
    ['第三章 考 核', '第三章 考核'],
    ['第四章 附则', '第四章 附则'],
    ['一、总体要求', '一、总体要求'],
    ['第一条 学校 设立 委员会', '第一条 学校 设立 委员会'],
    ['一、加强&nbsp;领导', '一、加强 领导'],
  ])('%s → %s', (heading, shown) => {
    expect(entryFullText(heading)).toBe(shown);
  });
});

describe('entryLabel', () => {
  it('keeps a short heading whole', () => {
    expect(entryLabel('一、指导思想')).toBe('一、指导思想');
  });

  it('cuts a long paragraph at a punctuation mark, with …', () => {
    const long =
      '一、教学科研单位中，以专业技术岗位为主体，管理岗位按照学校核定的职数设置，工勤技能岗位从严控制，详见https://www.example.edu.cn/info/1014/1169.htm的附表。';
    const label = entryLabel(long);
    expect(label.endsWith('…')).toBe(true);
    expect(Array.from(label).length).toBeLessThanOrEqual(ENTRY_MAX_CHARS + 1);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    // Cut where a clause ends, not in the middle of one.
    expect(long.charAt(label.length - 1)).toMatch(/[，。；：、]/);
  });

  it('cuts at the limit with … when there is no punctuation to cut at', () => {
    const label = entryLabel('甲'.repeat(100_000));
    expect(label).toBe(`${'甲'.repeat(ENTRY_MAX_CHARS)}…`);
  });
});
