// Reads the document's title, kind, issuer, addressee and date from its lines (GB/T 9704
// 版头/主体 layout), falling back to the page's own title elements.
import { matchDateLine } from './dates';
import { matchHeading, matchOuterHeading } from './headings';
import { displayText } from './display-text';
import { isMastheadLine, isTitleLine, kindOfTitle, titleEndingAt } from './kinds';
import type { GongwenDocument, TextModel } from './types';

export type DocumentMetadata = Omit<GongwenDocument, 'sections'>;

/** Label lines a CMS prints around an article (metadata, tools, neighbours): never an addressee or an entry. */
export const LABEL =
  /^(文章来源|发布时间|发布日期|发布者|发布人|发布单位|来源|作者|浏览|点击|阅读|访问|日期|时间|附件|当前位置|编辑|责任编辑|审核|供稿|摄影|撰稿|字号|分享|打印|关闭|上一[条篇]|下一[条篇])/;
/**
 * A metadata field anywhere in a line: '【发布时间：2023-04-01】 作者： 点击数：' or
 * '2023-04-01 来源：党委宣传部 浏览次数：' — a CMS prints several on one line, and the last one's
 * value is often filled in later by script, so the line ends in a colon like an addressee.
 */
const FIELD =
  /(?:^|[\s\u3000【[［（(|｜丨·•】\]］）)/])(?:文章|信息|新闻|稿件)?(?:来源|出处|作者|发布(?:时间|日期|者|人|单位)|更新(?:时间|日期)|添加(?:时间|日期)|点击(?:数|量|次数|率)?|浏览(?:数|量|次数)?|阅读(?:数|量|次数)|访问(?:量|次数)|责任编辑|编辑|审核|供稿|摄影|撰稿|录入|字号|所属栏目|栏目)\s*[：:]/;
/** A line that opens with a date ('2023-04-01 来源：…', '2023年4月1日 作者：'): a dateline, not an addressee. */
const DATE_LEAD = /^[\s\u3000【[［]*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)/;

/** A CMS's label or metadata line (发布时间/作者/点击数/来源/浏览次数…), wherever its fields sit. */
export function isLabelLine(line: string): boolean {
  const text = line.replace(/^[\s\u3000【[［（(]+/, '');
  return LABEL.test(text) || FIELD.test(line) || DATE_LEAD.test(line);
}

/** Sentences that end in a colon but address nobody: '根据……规定如下：', '会议内容概括为以下五点：'. */
const NOT_ADDRESSEE = /根据|如下|以下|下列|概括|为了|为进一步|特制定|现将|通知如下|分享|[《》“”]/;
const TITLE_SELECTORS = [
  '.arti_title',
  '.article-title',
  '.articleTitle',
  '.news_title',
  '.news-title',
  '.titlestyle',
  '.title',
  'h1',
  'h2',
];

/** The 主送机关 line ('各基层党组织、全体党员：'): short, ends with a full-width colon. */
export function isAddresseeLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= 60 &&
    line.endsWith('：') &&
    !/[。！？；]/.test(line) &&
    !isLabelLine(line) &&
    !NOT_ADDRESSEE.test(line)
  );
}

function linesOf(model: TextModel): string[] {
  return model.blocks.map((b) => model.text.slice(b.start, b.end));
}

/** Index of the first body heading ('一、', else any heading level), or the line count. */
export function firstHeadingIndex(lines: readonly string[]): number {
  let any = -1;
  for (let i = 0; i < lines.length; i++) {
    const h = matchHeading(lines[i] ?? '');
    if (h?.level === 1 && h.number === 1) return i;
    if (matchOuterHeading(lines[i] ?? '')?.number === 1) return i;
    if (h && h.number === 1 && any < 0) any = i;
  }
  return any >= 0 ? any : lines.length;
}

/** Lists, links and page chrome: a '.title' there is a column or link title, not the document's. */
const NOT_THE_TITLE = 'a, li, nav, aside, footer, [class*="nav"], [class*="menu"], [class*="side"], [class*="list"]';

function pageTitle(doc: Document): string | null {
  for (const sel of TITLE_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (el.closest(NOT_THE_TITLE) !== null) continue;
      const t = displayText(el.textContent ?? '');
      if (isTitleLine(t)) return t;
    }
  }
  // '致…倡议书-西安海棠职业学院' → the part before the site suffix.
  const t = (doc.title.split(/\s*[-_|–—]+\s*/)[0] ?? '').trim();
  if (t) return t;
  const h1 = (doc.querySelector('h1')?.textContent ?? '').trim();
  return h1 || null;
}

/** Lines [from, to) of the model that hold one document (the main one when a page has several). */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/** Title, kind, issuer, addressee and date of the document in `model` (in `range` of its lines, when given). */
export function parseMetadata(model: TextModel, doc: Document, range?: LineRange): DocumentMetadata {
  const all = linesOf(model);
  const from = range?.from ?? 0;
  const lines = range ? all.slice(0, range.to) : all;
  const head = Math.max(from, from + firstHeadingIndex(lines.slice(from)));

  let addresseeIndex = -1;
  for (let i = from; i < head; i++) {
    if (isAddresseeLine(lines[i] ?? '')) {
      addresseeIndex = i;
      break;
    }
  }

  let title: string | null = null;
  let titleIndex = -1;
  const titleLimit = addresseeIndex >= 0 ? addresseeIndex : head;
  for (let i = titleLimit - 1; i >= from; i--) {
    // A title printed on two lines ('关于做好……工作的' + '通知') is joined.
    const found = titleEndingAt(lines, i);
    if (found) {
      titleIndex = i;
      title = displayText(found.text);
      break;
    }
  }
  title ??= pageTitle(doc);

  let date: string | null = null;
  let isoDate: string | null = null;
  let issuer: string | null = null;
  for (let i = lines.length - 1; i > titleIndex; i--) {
    const d = matchDateLine(lines[i] ?? '');
    if (!d) continue;
    date = d.printed;
    isoDate = d.iso;
    const prev = lines[i - 1] ?? '';
    if (d.prefix) issuer = d.prefix;
    else if (prev.length > 0 && prev.length <= 40 && !/[。，；：！？、]/.test(prev) && matchHeading(prev) === null) {
      issuer = prev;
    }
    break;
  }
  if (issuer === null) {
    const masthead = lines.slice(from, head).find(isMastheadLine);
    if (masthead) issuer = masthead.slice(0, -'文件'.length);
  }

  const addressee = addresseeIndex >= 0 ? (lines[addresseeIndex] ?? '').slice(0, -1) : null;
  return { kind: title ? kindOfTitle(title) : null, title, issuer, addressee, date, isoDate };
}
