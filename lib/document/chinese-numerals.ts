// Chinese numerals ↔ numbers, for heading markers (一、 / （十二）) and dates (二〇二二年十月六日).
// Handles unit notation (一百零五, 三千二百) and digit-by-digit notation (二〇二二).

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  O: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** '一' → 1, '十一' → 11, '一百零五' → 105, '二〇二二' → 2022; anything else → null. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (const ch of s) {
    if (UNITS[ch] !== undefined) hasUnit = true;
    else if (DIGITS[ch] === undefined) return null;
  }
  if (!hasUnit) {
    // Positional digits (years: 二〇二二); a lone '二三' is not a number.
    if (s.length === 2 && !/[〇零○O]/.test(s)) return null;
    let n = 0;
    for (const ch of s) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0; // completed 万 groups
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && d !== 0) return null; // two digits in a row: '二三'
      digit = d === 0 ? null : d;
      continue;
    }
    const unit = UNITS[ch] ?? 0;
    if (unit === 10000) {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * 10000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    if (unit >= lastUnit) return null; // '十百', '百百'
    // A bare unit means one of it ('十' = 10), but only at the start of a group ('一百十' is not used).
    section += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  return total + section + (digit ?? 0);
}

function below10000(n: number, leadingTen: boolean): string {
  const parts: string[] = [];
  const units = ['千', '百', '十', ''] as const;
  const values = [1000, 100, 10, 1] as const;
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const v = values[i] ?? 1;
    const d = Math.floor(n / v) % 10;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    // '十一' not '一十一' when the number starts with the tens.
    if (!(v === 10 && d === 1 && !started && leadingTen)) parts.push(DIGIT_CHARS[d] ?? '');
    parts.push(units[i] ?? '');
    started = true;
  }
  return parts.join('');
}

/** 1 → '一', 11 → '十一', 105 → '一百零五', 300 → '三百'; 0 → '零'. Integers 0 … 99 999 999. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`toChineseNumeral: ${n}`);
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high === 0) return below10000(low, true);
  let s = below10000(high, true) + '万';
  if (low === 0) return s;
  if (low < 1000) s += '零';
  return s + below10000(low, false);
}
