// The 公文 kinds (文种) and how a title line names one: the kind word ends the title,
// optionally followed by a parenthetical such as '（试行）'; a title printed over two lines is joined.
import { matchDateLine } from './dates';
import { matchHeading, matchOuterHeading } from './headings';

/**
 * Kind words (文种) a title ends with. Not a closed list of what counts as a document: structure
 * (an addressee, a closing date, chapters and articles) weighs as much (signals.ts); the words
 * name the kind shown to the reader and are one signal among those ('实施方案' and '实施细则' are
 * read as 方案 and 细则).
 */
export const DOCUMENT_KINDS = [
  // GB/T 9704 / 党政机关公文处理工作条例: the fifteen kinds.
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  // Rules.
  '章程',
  '条例',
  '规定',
  '办法',
  '细则',
  '规则',
  '守则',
  '制度',
  '准则',
  '规范',
  '须知',
  // Plans and reviews.
  '计划',
  '规划',
  '方案',
  '要点',
  '安排',
  '预案',
  '总结',
  // Open letters and speeches.
  '倡议书',
  '公开信',
  '讲话稿',
  '讲话',
] as const;

/**
 * Kinds that are read like documents but are not 公文 kinds (an open letter, a speech): reported,
 * not forced — the word alone does not make the page a document; structure must add to it.
 */
export const AMBIGUOUS_KINDS: ReadonlySet<string> = new Set(['公开信', '讲话稿', '讲话']);

const TRAILING_NOTE = /[（(][^（）()]{1,20}[）)]$/;
const MAX_TITLE_LENGTH = 80;

/** The kind a title ends with ('关于…的通知' → '通知'), or null. */
export function kindOfTitle(title: string): string | null {
  const core = title
    .trim()
    .replace(TRAILING_NOTE, '')
    .replace(/[》”"]$/, '');
  let best: string | null = null;
  // The longest kind word the title ends with ('倡议书' rather than a shorter word it ends with).
  for (const kind of DOCUMENT_KINDS)
    if (core.endsWith(kind) && (best === null || kind.length > best.length)) best = kind;
  return best;
}

/** A line that can be the document's title: short, no sentence punctuation, ends with a kind. */
export function isTitleLine(line: string): boolean {
  if (line.length === 0 || line.length > MAX_TITLE_LENGTH || /[。；：:！？]/.test(line)) return false;
  return kindOfTitle(line) !== null;
}

/** The 发文机关标志 line ('中共…委员会办公室文件'). */
export function isMastheadLine(line: string): boolean {
  return line.length > 2 && line.length <= 40 && line.endsWith('文件') && !/[。，；：！？]/.test(line);
}

/** 发文字号: '校党发〔2022〕3号', '绍市教[2009]61号'. */
export const DOCUMENT_NUMBER = /[〔[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号/;

/** A line that is a document number and little else (a masthead's 发文字号 line). */
export function isDocumentNumberLine(line: string): boolean {
  return line.length <= 40 && DOCUMENT_NUMBER.test(line) && !/[。；！？]/.test(line);
}

const HEAD_PUNCTUATION = /[。，；：:！？,;]/;
/** Longest first half of a two-line title. */
const MAX_TITLE_HEAD = 40;

function isNumbered(line: string): boolean {
  return matchHeading(line) !== null || matchOuterHeading(line) !== null;
}

/** A line that can stand as (the last line of) a document's title: a kind word ends it, it is no heading, quote or attachment line. */
export function isDocumentTitleLine(line: string): boolean {
  return isTitleLine(line) && !isMastheadLine(line) && !/^[《“"]|^附\s*件/.test(line) && !isNumbered(line);
}

/** The first half of a title printed over two lines ('绍兴市第一中学选拔任用中层干部' + '工作方案'). */
function isTitleHead(line: string): boolean {
  return (
    line.length > 0 &&
    line.length <= MAX_TITLE_HEAD &&
    !HEAD_PUNCTUATION.test(line) &&
    !isMastheadLine(line) &&
    !isDocumentNumberLine(line) &&
    matchDateLine(line) === null &&
    !isNumbered(line) &&
    kindOfTitle(line) === null
  );
}

export interface TitleLines {
  /** Index of the title's first line (one before `end - 1` when printed over two lines). */
  readonly first: number;
  /** Index after the title's last line. */
  readonly end: number;
  /** The title as printed, lines joined without a separator. */
  readonly text: string;
}

/** The title ending at line `i`, joined with the line above when it was printed over two lines; null when line `i` is no title. */
export function titleEndingAt(lines: readonly string[], i: number): TitleLines | null {
  const line = lines[i];
  if (line === undefined || !isDocumentTitleLine(line)) return null;
  const prev = lines[i - 1];
  if (prev !== undefined && isTitleHead(prev) && isTitleLine(prev + line))
    return { first: i - 1, end: i + 1, text: prev + line };
  return { first: i, end: i + 1, text: line };
}
