import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../lib/document/chinese-numerals';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三百', 300],
    ['一千', 1000],
    ['一千零五', 1005],
    ['三千二百零一', 3201],
    ['一万', 10000],
    ['〇', 0],
    ['零', 0],
    ['二〇二二', 2022],
    ['两百', 200],
  ])('%s → %i', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each(['', 'a', '十百', '二三', '百百', '一、', '1'])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [300, '三百'],
    [1000, '一千'],
    [1005, '一千零五'],
    [10010, '一万零一十'],
  ])('%i → %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
  });

  it('round-trips 0 … 1200', () => {
    for (let n = 0; n <= 1200; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('rejects negatives and fractions', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });
});
