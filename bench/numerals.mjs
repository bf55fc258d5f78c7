// Chinese part numbers for the bench pages: the conventions of lib/document/chinese-numerals.ts
// toChineseNumeral (TypeScript, so not importable from plain Node 20), for 1 … 9999.
// tests/unit/document/parse-sections.property.test.ts checks that the two agree.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['千', '百', '十', ''];
const VALUES = [1000, 100, 10, 1];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 300 → 三百. */
export function chineseNumeral(n) {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n}`);
  let out = '';
  let started = false;
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / VALUES[i]) % 10;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // '十一', not '一十一', when the number starts with the tens.
    if (!(VALUES[i] === 10 && d === 1 && !started)) out += DIGITS[d];
    out += UNITS[i];
    started = true;
  }
  return out;
}
