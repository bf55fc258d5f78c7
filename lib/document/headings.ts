// Classifies one logical line as a GB/T 9704 body heading (一、 / （一） / 1. / （1）)
// or as a 要-sub-point (a short lead sentence '要……。' opening a paragraph).
import { parseChineseNumeral } from './chinese-numerals';

export interface HeadingMatch {
  readonly level: 1 | 2 | 3 | 4;
  /** The marker as printed, e.g. '一、', '（二）', '3.', '（4）'. */
  readonly marker: string;
  readonly number: number;
}

const CN = '[〇零一二三四五六七八九十百千]+';
const LEVEL1 = new RegExp(`^(${CN})、`);
const LEVEL2 = new RegExp(`^[（(](${CN})[）)]`);
// '1.' but not '2022.10' or '1.5倍'; full-width digits are read too.
const LEVEL3 = /^([0-9０-９]{1,3})[.．、](?![0-9０-９])/;
const LEVEL4 = /^[（(]([0-9０-９]{1,3})[）)]/;

function arabic(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return n;
}

/** The heading level, marker and number a line opens with, or null for body text. */
export function matchHeading(line: string): HeadingMatch | null {
  let m = LEVEL1.exec(line);
  if (m?.[1] !== undefined) {
    const number = parseChineseNumeral(m[1]);
    return number ? { level: 1, marker: m[0], number } : null;
  }
  m = LEVEL2.exec(line);
  if (m?.[1] !== undefined) {
    const number = parseChineseNumeral(m[1]);
    return number ? { level: 2, marker: m[0], number } : null;
  }
  m = LEVEL3.exec(line);
  if (m?.[1] !== undefined) {
    const number = arabic(m[1]);
    return number ? { level: 3, marker: m[0], number } : null;
  }
  m = LEVEL4.exec(line);
  if (m?.[1] !== undefined) {
    const number = arabic(m[1]);
    return number ? { level: 4, marker: m[0], number } : null;
  }
  return null;
}

/** Markers above or beside 一、: chapters, parts, § sections (an outer level) and articles (第X条). */
export type OuterKind = 'chapter' | 'part' | 'sign' | 'article';

export interface OuterMatch {
  readonly kind: OuterKind;
  readonly marker: string;
  readonly number: number;
}

const CHAPTER = new RegExp(`^第(${CN})章(?!节)`);
const PART = new RegExp(`^第(${CN})部分`);
const SIGN = /^§\s*([0-9０-９]{1,2})(?![0-9０-９])[.．、]?/;
const ARTICLE = new RegExp(`^第(${CN})条(?![件款例])`);
/** Arabic-numbered chapters and articles ('第1章', '第12条'), as some portals print them. */
const ARABIC_OUTER = /^第\s*([0-9０-９]{1,3})\s*(章(?!节)|条(?![件款例]))/;

/**
 * '第一章 总则', '第一部分', '§1.', '第一条 …' — the numbering regulations (办法, 规定, 细则) and
 * plans use above (or instead of) 一、; null for anything else.
 */
export function matchOuterHeading(line: string): OuterMatch | null {
  if (line.charCodeAt(0) === 0xa7) {
    const m = SIGN.exec(line);
    const n = m?.[1] === undefined ? 0 : arabic(m[1]);
    return m && n ? { kind: 'sign', marker: m[0], number: n } : null;
  }
  if (line.charAt(0) !== '第') return null;
  const digits = ARABIC_OUTER.exec(line);
  if (digits?.[1] !== undefined) {
    const number = arabic(digits[1]);
    return number ? { kind: digits[2] === '章' ? 'chapter' : 'article', marker: digits[0], number } : null;
  }
  for (const [kind, re] of [
    ['chapter', CHAPTER],
    ['part', PART],
    ['article', ARTICLE],
  ] as const) {
    const m = re.exec(line);
    if (m?.[1] === undefined) continue;
    const number = parseChineseNumeral(m[1]);
    if (number) return { kind, marker: m[0], number };
  }
  return null;
}

/** Longest heading shown for an article ('第三条 为规范……'): its first clause, at most this long. */
export const ARTICLE_HEADING_LENGTH = 24;

/** The outline entry of an article: marker plus its first clause ('第三条 学院设立招生委员会'). */
export function articleHeading(line: string): string {
  const m = /[，。；：！？]/.exec(line);
  const cut = m ? m.index : line.length;
  return line.slice(0, Math.min(cut, ARTICLE_HEADING_LENGTH));
}

/** Longest chapter title taken from the line after a bare '第一章' ('总则', '招生计划与录取'). */
export const CHAPTER_TITLE_LENGTH = 30;

/** True when a heading line is its marker alone ('第三条', '第一章 '), its words printed on the next line. */
export function isBareMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && /^[\s\u00a0\u3000]*$/.test(line.slice(marker.length));
}

/**
 * What a bare marker's next line adds to its heading: an article's first clause ('为规范招生工作'),
 * a chapter's short title ('总 则'); null when that line is no such text (a sentence after a bare
 * 第一章 is body text, not a title).
 */
export function bareMarkerTail(kind: 'article' | 'chapter', next: string): string | null {
  const text = next.trim();
  if (text.length === 0) return null;
  if (kind === 'article') return articleHeading(text);
  return text.length <= CHAPTER_TITLE_LENGTH && !/[。，；：！？,;:]/.test(text) ? text : null;
}

/** Longest lead sentence, '。' included, that still reads as a run-in sub-point title. */
export const SUB_POINT_MAX_LENGTH = 24;
const SUB_POINT = new RegExp(`^要[^。！？；\\n]{1,${SUB_POINT_MAX_LENGTH - 2}}。`);

/**
 * The lead sentence of a sub-point paragraph ('要强化政治意识，严明组织责任。'), or null.
 * A long paragraph that merely starts with 要 has its first '。' too far away to be one.
 */
export function matchSubPoint(line: string): string | null {
  const m = SUB_POINT.exec(line);
  return m ? m[0] : null;
}

/**
 * The heading text of a heading line as printed: the whole line, or, when the heading runs
 * into body text on the same line ('1.加强领导。各单位要……'), the lead sentence up to its '。'.
 */
export function headingText(line: string): string {
  const stop = line.indexOf('。');
  return stop >= 0 && stop < line.length - 1 ? line.slice(0, stop + 1) : line;
}
