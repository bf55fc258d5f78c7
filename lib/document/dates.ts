// Recognises a 成文日期 line ('2022年10月6日', '二〇二二年十月六日'), optionally preceded by
// the signature on the same line, and gives the date as printed and as ISO.
import { parseChineseNumeral } from './chinese-numerals';

export interface DateLine {
  /** The date as printed, e.g. '2022年10月6日'. */
  readonly printed: string;
  /** 'YYYY-MM-DD'. */
  readonly iso: string;
  /** Text before the date on the same line (a signature), trimmed; '' when none. */
  readonly prefix: string;
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CHINESE_DATE = /([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const MAX_PREFIX = 40;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The date a line ends with when the line is just a date (or a short signature + date); else null. */
export function matchDateLine(line: string): DateLine | null {
  const trimmed = line.trim();
  let year: number | null;
  let month: number | null;
  let day: number | null;
  let m = ARABIC_DATE.exec(trimmed);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = CHINESE_DATE.exec(trimmed);
    if (!m) return null;
    year = parseChineseNumeral(m[1] ?? '');
    month = parseChineseNumeral(m[2] ?? '');
    day = parseChineseNumeral(m[3] ?? '');
  }
  if (year === null || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const prefix = trimmed.slice(0, m.index).trim();
  // A date inside a sentence or after a label ('发布时间：') is not a 成文日期 line.
  if (prefix.length > MAX_PREFIX || /[。，；：:！？、]/.test(prefix)) return null;
  return { printed: m[0], iso: `${year}-${pad(month)}-${pad(day)}`, prefix };
}
