// Decides whether a line was cut by a page break of the printed original and continues in
// the next line. Only long body paragraphs qualify; headings, titles and dates never join.
import { matchDateLine } from './dates';
import { matchHeading, matchSubPoint } from './headings';
import { isTitleLine } from './kinds';
import { isAddresseeLine, LABEL } from './metadata';

/** Characters that end a paragraph (or a line that may legitimately stand alone). */
const CLOSING = new Set([...'。！？；：…”’」』）)!?;:.】》〉—']);
/** Shorter lines are titles, signatures or headings, not cut paragraphs. */
export const MIN_CUT_LINE_LENGTH = 30;

const SHORT_STANDALONE = 40;
const PUNCTUATION = /[，。、；：！？“”‘’（）《》,.;:!?]/;

export interface LineFacts {
  readonly text: string;
  /** A blank line (empty paragraph, double <br>) came right before it. */
  readonly blankBefore: boolean;
  /** It started with a full-width-space / nbsp indent: a new paragraph. */
  readonly indented: boolean;
}

/** True when `line` ends mid-sentence and `next` is the rest of the same paragraph. */
export function continuesAcrossPageBreak(line: string, next: LineFacts): boolean {
  // The cheap facts first: most paragraphs end with a full stop or start indented.
  const text = next.text;
  if (text.length === 0 || next.blankBefore || next.indented) return false;
  if (line.length < MIN_CUT_LINE_LENGTH) return false;
  if (CLOSING.has(line.charAt(line.length - 1))) return false;
  if (matchHeading(line) !== null) return false;
  // A long title ('关于……的通知', no comma) is a line of its own, even with no blank line after it.
  if (isTitleLine(line) && !/[，,]/.test(line)) return false;
  if (matchHeading(text) !== null || matchSubPoint(text) !== null) return false;
  if (matchDateLine(text) !== null) return false;
  // A CMS's '来源：… 发布时间：…' line and the addressee under it ('全体师生：') are lines of their own.
  if (isAddresseeLine(text) || LABEL.test(line) || LABEL.test(text)) return false;
  // A short line without any punctuation is a signature or title, not the rest of a sentence.
  if (text.length <= SHORT_STANDALONE && !PUNCTUATION.test(text)) return false;
  return true;
}
