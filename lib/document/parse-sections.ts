// Builds the outline from a TextModel's lines: the page is cut into documents (a covering note,
// the main document, a forwarded document) at their title lines, and each is read in one linear
// pass with a stack of open sections (第一章 / §1 → 一、/第一条 → （一） → 1. → （1）, plus
// 要-sub-points); attachments after a document's signature and date get one entry each.
import { continuesSeries, lastChildBefore, restartsInPart, type LastChild } from './continued-numbering';
import { matchDateLine } from './dates';
import { displayText } from './display-text';
import {
  articleHeading,
  bareMarkerTail,
  headingText,
  isBareMarker,
  matchHeading,
  matchOuterHeading,
  matchSubPoint,
  type OuterKind,
} from './headings';
import { isDocumentNumberLine, isMastheadLine, titleEndingAt } from './kinds';
import { isAddresseeLine, isLabelLine, LABEL, type LineRange } from './metadata';
import type { OutlineGroup, Section, SectionLevel, TextModel } from './types';

/**
 * Numbering rule: a series (the children of one parent at one level) must start at 1; each
 * next heading must be greater than the last and at most MAX_GAP + 1 above it (a skipped
 * number, e.g. a typo 一、二、四、, keeps going). A repeat or a step back ('一、' again) or a
 * jump further ahead is read as body text, not as a heading.
 */
export const MAX_GAP = 2;

/** How far below a title its addressee or first heading may come for the title to open a document of its own. */
const HEAD_REACH = 6;
/** A date this close to the end (in lines) closes the document, as do 版记 (抄送, 印发) or 附件 lines this close after it. */
const CLOSING_REACH = 5;
const CLOSING_MATTER = /^(抄\s*送|印\s*发|主\s*题\s*词|[（(]共印|[（(]此件|附\s*件|联系人|附注)/;
const ATTACHMENT = /^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:．.、]?/;
const MAX_ATTACHMENT_LINE = 60;
/** VSB's download line: '附件【名称.doc】已下载 12 次' (the count may be missing). */
const CMS_DOWNLOAD = /^附\s*件\s*【([^】]{1,80})】\s*已下载\s*[0-9]*\s*次?\s*$/;

/** A numbered line: rank 0 = 第一章 / 第一部分 / §1, 1 = 一、 or 第一条, 2 = （一）, 3 = 1., 4 = （1）. */
interface Numbered {
  readonly rank: number;
  /** Numbering series the line belongs to: 'chapter', 'article', 'l1' (一、), … */
  readonly series: string;
  readonly marker: string;
  readonly number: number;
}

function numbered(line: string): Numbered | null {
  const outer = matchOuterHeading(line);
  if (outer)
    return { rank: outer.kind === 'article' ? 1 : 0, series: outer.kind, marker: outer.marker, number: outer.number };
  const h = matchHeading(line);
  return h ? { rank: h.level, series: `l${h.level}`, marker: h.marker, number: h.number } : null;
}

interface Draft {
  id: string;
  kind: 'part' | 'point';
  level: SectionLevel;
  rank: number;
  marker: string;
  number: number;
  heading: string;
  headingStart: number;
  headingEnd: number;
  start: number;
  end: number;
  children: Draft[];
  /** Last number seen per child series and the sub-point count. */
  lastChild: Map<string, number>;
  points: number;
  /** End of the heading's line: a section with nothing between it and the next heading is a contents entry. */
  lineEnd: number;
}

function isSignatureLine(line: string): boolean {
  return line.length <= 40 && !/[。，；：！？]/.test(line) && matchHeading(line) === null;
}

/**
 * Block index where the body of blocks [from, to) stops when its last few lines are a signature and
 * date ('学院办公室' / '2022年10月6日', or both on one line); `to` when they are not.
 */
function closingStop(model: TextModel, from: number, to: number): number {
  const blocks = model.blocks;
  for (let i = to - 1; i >= from && i >= to - 5; i--) {
    const block = blocks[i]!;
    const date = matchDateLine(model.text.slice(block.start, block.end));
    if (!date) continue;
    if (date.prefix || i === from) return i;
    const prev = blocks[i - 1]!;
    return isSignatureLine(model.text.slice(prev.start, prev.end)) && i - 1 > from ? i - 1 : i;
  }
  return to;
}

/** Offset where the body ends: before the closing signature + date lines, if any. */
export function bodyEnd(model: TextModel): number {
  const stop = closingStop(model, 0, model.blocks.length);
  if (stop >= model.blocks.length) return model.text.length;
  return stop === 0 ? 0 : model.blocks[stop - 1]!.end;
}

function clampLevel(n: number): SectionLevel {
  return Math.min(5, Math.max(1, n)) as SectionLevel;
}

function finish(d: Draft): Section {
  return {
    id: d.id,
    kind: d.kind,
    level: d.level,
    marker: d.marker,
    number: d.number,
    heading: d.heading,
    headingStart: d.headingStart,
    headingEnd: d.headingEnd,
    start: d.start,
    end: d.end,
    children: d.children.map(finish),
  };
}

/** The lines of the model, one per block. */
function linesOf(model: TextModel): string[] {
  return model.blocks.map((b) => model.text.slice(b.start, b.end));
}

/** Which outer series (第一章, 第一部分, §1) a stretch of lines is built on, and whether it has articles (第一条 …). */
function seriesIn(lines: readonly string[], from: number, to: number): { outer: OuterKind | null; articles: boolean } {
  const seen = new Map<string, Set<number>>();
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    const c = line.charCodeAt(0);
    if (c !== 0x7b2c && c !== 0xa7) continue; // '第' or '§': the only starts of outer markers
    const m = matchOuterHeading(line);
    if (!m || m.number > 2) continue;
    let numbers = seen.get(m.kind);
    if (!numbers) seen.set(m.kind, (numbers = new Set()));
    numbers.add(m.number);
  }
  const has = (kind: OuterKind) => (seen.get(kind)?.size ?? 0) >= 2;
  const outer = has('chapter') ? 'chapter' : has('part') ? 'part' : has('sign') ? 'sign' : null;
  return { outer, articles: has('article') };
}

interface Segment {
  /** Block indices [from, to). */
  readonly from: number;
  readonly to: number;
  /** Block index after the title's last line, or -1 when the segment has no title. */
  readonly titleEnd: number;
  readonly title: string | null;
}

/** True when a title at line `t` opens a document: its addressee or first heading follows closely. */
function opensDocument(lines: readonly string[], titleEnd: number): boolean {
  for (let i = titleEnd; i < lines.length && i < titleEnd + HEAD_REACH; i++) {
    const line = lines[i] ?? '';
    if (isAddresseeLine(line)) return true;
    const n = numbered(line);
    if (n && n.rank <= 1) return n.number === 1;
  }
  return false;
}

/** The documents on the page, cut at their title lines (with any masthead and number lines above them). */
function segmentsOf(lines: readonly string[]): Segment[] {
  let firstTop = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const n = numbered(lines[i] ?? '');
    if (n && n.rank <= 1 && n.number === 1) {
      firstTop = i;
      break;
    }
  }
  const heads: { start: number; end: number; title: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = titleEndingAt(lines, i);
    if (!title) continue;
    const last = heads[heads.length - 1];
    if (last && title.first < last.end) continue;
    const first = heads.length === 0 && i < firstTop;
    if (!first && !opensDocument(lines, title.end)) continue;
    let start = title.first;
    // The 版头 above a title: '…文件' masthead and the 发文字号 line.
    while (start > (last?.end ?? 0) && start > title.first - 3) {
      const above = lines[start - 1] ?? '';
      if (!isMastheadLine(above) && !isDocumentNumberLine(above)) break;
      start--;
    }
    heads.push({ start, end: title.end, title: displayText(title.text) });
  }
  if (heads.length === 0) return [{ from: 0, to: lines.length, titleEnd: -1, title: null }];
  const segments: Segment[] = [];
  const firstHead = heads[0]!;
  if (firstHead.start > 0) segments.push({ from: 0, to: firstHead.start, titleEnd: -1, title: null });
  heads.forEach((head, k) => {
    segments.push({ from: head.start, to: heads[k + 1]?.start ?? lines.length, titleEnd: head.end, title: head.title });
  });
  return segments;
}

/** A line with something to read: not a label, masthead, number, date or bare caption. */
function hasContent(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (LABEL.test(line) || isMastheadLine(line) || isDocumentNumberLine(line) || matchDateLine(line)) continue;
    if (numbered(line) || /[。；！？]/.test(line) || (/[：:]/.test(line) && line.length > 20)) return true;
  }
  return false;
}

interface ParsedSegment {
  readonly parts: Draft[];
  readonly attachments: Draft[];
}

/** Reads one document (or note) in blocks [from, to): its parts and, after its closing date, its attachments. */
class SegmentParser {
  private readonly top: Draft[] = [];
  private readonly topLast = new Map<string, number>();
  /** Articles (第一条 …) are numbered through the whole document, across its chapters. */
  private readonly articleLast = new Map<string, number>();
  private readonly stack: Draft[] = [];
  /** Per part and series ('p2/l3'): the series the part before ended, and whether this part starts it afresh. */
  private readonly runs = new Map<string, { before: LastChild | undefined; restarts?: boolean }>();
  private readonly outer: OuterKind | null;
  private readonly articles: boolean;

  constructor(
    private readonly model: TextModel,
    private readonly lines: readonly string[],
    private readonly seg: { from: number; to: number; titleEnd?: number },
    private readonly prefix: string,
  ) {
    const found = seriesIn(lines, seg.from, seg.to);
    this.outer = found.outer;
    this.articles = found.articles;
  }

  private get titleEnd(): number {
    return this.seg.titleEnd ?? -1;
  }

  /** The rank and series of a heading line in this segment, or null for body text. */
  private heading(line: string): Numbered | null {
    const n = numbered(line);
    if (!n) return null;
    if (n.rank === 0) return n.series === this.outer ? n : null;
    if (n.series === 'article' && !this.articles) return null;
    return n;
  }

  private level(rank: number): SectionLevel {
    return clampLevel(rank + (this.outer ? 1 : 0));
  }

  private childId(parent: Draft | null, rank: number, n: number, article: boolean): string {
    if (article) return parent ? `${parent.id}.a${n}` : `${this.prefix}a${n}`;
    const base = parent ? Math.max(parent.rank, this.outer ? -1 : 0) : this.outer ? -1 : 0;
    const skipped = Math.max(0, rank - base - 1);
    const path = [...Array<string>(skipped).fill('0'), String(n)].join('.');
    return parent ? `${parent.id}.${path}` : `${this.prefix}${path}`;
  }

  private closeTo(depth: number, at: number): void {
    while (this.stack.length > depth) {
      const d = this.stack.pop();
      if (d) d.end = at;
    }
  }

  /** Top-level sections so far are a contents list (headings with nothing between them) repeated below: drop them. */
  private restartAfterContents(): boolean {
    const top = this.top;
    if (top.length < 2) return false;
    for (let k = 0; k < top.length - 1; k++) {
      const d = top[k]!;
      if (d.children.length > 0 || top[k + 1]!.start !== d.lineEnd + 1) return false;
    }
    top.length = 0;
    this.topLast.clear();
    this.articleLast.clear();
    this.runs.clear();
    this.stack.length = 0;
    return true;
  }

  /**
   * The heading of an article or chapter marker printed alone on line `i`, joined with the start of
   * line i + 1 ('第三条' + '为规范招生工作，…' → '第三条 为规范招生工作'), and where that heading
   * ends in the model's text; null when the line is no bare marker or the next line is no text for it.
   */
  private bareMarkerJoin(
    i: number,
    to: number,
    end: number,
    h: Numbered,
    line: string,
  ): { text: string; headingEnd: number } | null {
    if ((h.series !== 'article' && h.series !== 'chapter') || !isBareMarker(line, h.marker)) return null;
    const next = this.model.blocks[i + 1];
    if (i + 1 >= to || !next || next.start >= end) return null;
    const nextLine = this.lines[i + 1] ?? '';
    if (numbered(nextLine) || LABEL.test(nextLine) || matchDateLine(nextLine)) return null;
    const tail = bareMarkerTail(h.series, nextLine);
    if (tail === null) return null;
    const offset = nextLine.indexOf(tail);
    return { text: `${line.trimEnd()} ${tail}`, headingEnd: next.start + offset + tail.length };
  }

  /**
   * True when heading `h`, the first of its series under the part at stack index `p`,
   * takes up the numbering the part before ended with ('3、' under 二、 after 1、2、 under 一、),
   * and the part does not start that series afresh further down (lines [next, to)).
   */
  private continuesRun(p: number, h: Numbered, next: number, to: number): boolean {
    const parent = this.stack[p];
    if (!parent || parent.kind !== 'part' || parent.rank < 0 || h.series === 'article') return false;
    // Asked once per part and series: a page of stray numbers costs one look back and one scan per part.
    const key = `${parent.id}/${h.series}`;
    let run = this.runs.get(key);
    if (!run) {
      const siblings = p > 0 ? this.stack[p - 1]!.children : this.top;
      run = { before: lastChildBefore(siblings, parent, h.rank, h.series) };
      this.runs.set(key, run);
    }
    if (!continuesSeries(run.before, h.number, h.marker)) return false;
    run.restarts ??= restartsInPart(this.lines, next, to, parent.rank, h.series, numbered);
    return !run.restarts;
  }

  /** Parses blocks [from, to) under `root` (a note or attachment entry), or as the document's top level when root is null. */
  parse(from: number, to: number, end: number, root: Draft | null): void {
    const blocks = this.model.blocks;
    const base = root ? 1 : 0;
    if (root) this.stack.push(root);
    for (let i = from; i < to; i++) {
      const block = blocks[i];
      if (!block || block.start >= end) break;
      const line = this.lines[i] ?? '';
      const h = this.heading(line);
      if (h) {
        // The parent is the deepest open numbered section of a higher (smaller) rank.
        let p = this.stack.length - 1;
        while (p >= base && (this.stack[p]?.kind === 'point' || (this.stack[p]?.rank ?? 0) >= h.rank)) p--;
        const parent = p >= 0 ? (this.stack[p] ?? null) : null;
        // A '1.' with nothing open above it is body text: the document's top level is 一、 (or its chapters).
        const topRank = this.outer ? 0 : 1;
        if (parent || h.rank === topRank || (h.series === 'article' && !this.outer)) {
          const series = h.series === 'article' ? this.articleLast : parent ? parent.lastChild : this.topLast;
          let last = series.get(h.series) ?? 0;
          if (!parent && last !== 0 && h.number === 1 && this.restartAfterContents()) last = 0;
          // Articles that start again at 第一条 in each chapter: a chapter's first article opens its own series.
          if (
            h.series === 'article' &&
            h.number === 1 &&
            parent?.rank === 0 &&
            !parent.children.some((c) => c.id.startsWith(`${parent.id}.a`))
          )
            last = 0;
          const ok =
            last === 0
              ? h.number === 1 || this.continuesRun(p, h, i + 1, to)
              : h.number > last && h.number <= last + MAX_GAP + 1;
          if (ok) {
            this.closeTo(p + 1, block.start);
            series.set(h.series, h.number);
            let text = h.series === 'article' ? articleHeading(line) : headingText(line);
            let headingEnd = block.start + text.length;
            // '第三条' or '第一章' alone on its line (some CMSs print the words as the next paragraph):
            // the entry takes the next line's start, so it is never a bare marker.
            const joined = this.bareMarkerJoin(i, to, end, h, line);
            if (joined) ({ text, headingEnd } = joined);
            const draft: Draft = {
              id: this.childId(parent, h.rank, h.number, h.series === 'article'),
              kind: 'part',
              level: parent ? clampLevel(Math.max(parent.level + 1, this.level(h.rank))) : this.level(h.rank),
              rank: h.rank,
              marker: h.marker,
              number: h.number,
              heading: text,
              headingStart: block.start,
              headingEnd,
              start: block.start,
              end,
              children: [],
              lastChild: new Map(),
              points: 0,
              lineEnd: block.end,
            };
            (parent ? parent.children : this.top).push(draft);
            this.stack.push(draft);
            continue;
          }
        }
      }
      const lead = matchSubPoint(line);
      if (lead === null) continue;
      let p = this.stack.length - 1;
      while (p >= 0 && this.stack[p]?.kind === 'point') p--;
      const parent = p >= base ? this.stack[p] : undefined;
      if (!parent) continue; // a 要-sentence in the preamble is not a sub-point
      this.closeTo(p + 1, block.start);
      parent.points++;
      const point: Draft = {
        id: `${parent.id}.k${parent.points}`,
        kind: 'point',
        level: clampLevel(parent.level + 1),
        rank: 9,
        marker: '',
        number: parent.points,
        heading: lead,
        headingStart: block.start,
        headingEnd: block.start + lead.length,
        start: block.start,
        end,
        children: [],
        lastChild: new Map(),
        points: 0,
        lineEnd: block.end,
      };
      parent.children.push(point);
      this.stack.push(point);
    }
    this.closeTo(0, end);
  }

  /** The document's parts, and its attachments after the closing date. */
  run(): ParsedSegment {
    const { model, lines, seg } = this;
    const blocks = model.blocks;
    const segEnd = seg.to > seg.from ? blocks[seg.to - 1]!.end : 0;
    // The closing date: the first date line after the last top-level heading that only 版记 or attachments follow.
    let lastTop = -1;
    const topRank = this.outer ? 0 : 1;
    for (let i = seg.from; i < seg.to; i++) {
      const h = this.heading(lines[i] ?? '');
      if (h && h.rank <= topRank) lastTop = i;
    }
    let closing = -1;
    let bodyStop = closingStop(model, seg.from, seg.to);
    if (lastTop >= 0) {
      for (let i = lastTop + 1; i < seg.to; i++) {
        const date = matchDateLine(lines[i] ?? '');
        if (!date) continue;
        let closes = seg.to - i <= CLOSING_REACH;
        for (let k = i + 1; !closes && k < seg.to && k < i + CLOSING_REACH; k++)
          closes = CLOSING_MATTER.test(lines[k] ?? '');
        if (!closes) continue;
        closing = i;
        bodyStop = !date.prefix && i - 1 > lastTop && isSignatureLine(lines[i - 1] ?? '') ? i - 1 : i;
        break;
      }
    }
    const end = bodyStop >= seg.to ? segEnd : bodyStop > seg.from ? blocks[bodyStop - 1]!.end : blocks[seg.from]!.start;
    this.parse(seg.from, bodyStop, end, null);
    const parts = this.top.slice();

    const attachments: Draft[] = [];
    if (closing >= 0) {
      const heads: number[] = [];
      for (let i = closing + 1; i < seg.to; i++) {
        const line = lines[i] ?? '';
        // A bare '附件：' label names no file: not an entry of its own.
        if (
          line.length <= MAX_ATTACHMENT_LINE &&
          ATTACHMENT.test(line) &&
          line.replace(ATTACHMENT, '').trim().length > 0
        )
          heads.push(i);
      }
      heads.forEach((at, k) => {
        const block = blocks[at]!;
        const next = heads[k + 1] ?? seg.to;
        const stop = blocks[next - 1]!.end;
        const line = lines[at] ?? '';
        // A CMS download line ('附件【申请表.doc】已下载 12 次') is listed by its file name alone.
        const download = CMS_DOWNLOAD.exec(line);
        const text = download?.[1] ?? headingText(line);
        const offset = download?.[1] ? line.indexOf(download[1]) : 0;
        const entry: Draft = {
          id: `${this.prefix}x${k + 1}`,
          kind: 'part',
          level: 1,
          rank: -1,
          marker: ATTACHMENT.exec(line)?.[0] ?? '',
          number: k + 1,
          heading: text,
          headingStart: block.start + offset,
          headingEnd: block.start + offset + text.length,
          start: block.start,
          end: stop,
          children: [],
          lastChild: new Map(),
          points: 0,
          lineEnd: block.end,
        };
        attachments.push(entry);
        this.parse(at + 1, next, stop, entry);
      });
    }
    return { parts, attachments };
  }

  /** The whole segment as one entry (a covering note) with its numbered items under it. */
  asNote(id: string): Draft | null {
    const { model, lines, seg } = this;
    const blocks = model.blocks;
    // A note with a title of its own ('关于印发《…》的通知') is named by what it says, not by that title.
    let at = this.titleEnd > seg.from && this.titleEnd < seg.to ? this.titleEnd : seg.from;
    // Label lines (发布时间…) and the addressee ('全校各单位：') name nothing: the note is named by its first sentence.
    while (
      at < seg.to &&
      (isLabelLine(lines[at] ?? '') || isAddresseeLine(lines[at] ?? '') || LONG_ADDRESSEE.test(lines[at] ?? ''))
    )
      at++;
    if (at >= seg.to) at = seg.from;
    const block = blocks[at];
    if (!block || at >= seg.to) return null;
    const line = lines[at] ?? '';
    // '各位老师：现将……转发给大家' — an addressee run into the first sentence: the sentence names the note.
    const lead = ADDRESSEE_LEAD.exec(line);
    const skip = lead && lead[0].length < line.length ? lead[0].length : 0;
    const text = noteHeading(line.slice(skip));
    const end = blocks[seg.to - 1]!.end;
    const note: Draft = {
      id,
      kind: 'part',
      level: 1,
      rank: -1,
      marker: '',
      number: 1,
      heading: text,
      headingStart: block.start + skip,
      headingEnd: block.start + skip + text.length,
      start: block.start,
      end,
      children: [],
      lastChild: new Map(),
      points: 0,
      lineEnd: block.end,
    };
    this.parse(at + 1, seg.to, end, note);
    return note;
  }
}

/** A long addressee line of a national document ('各省、自治区、直辖市党委组织部，……：'): ends with a colon, no sentence end. */
const LONG_ADDRESSEE = /^[^。！？；]{2,300}[：:]$/;
/** An addressee at the start of a line, before its colon ('各位老师：'). */
const ADDRESSEE_LEAD = /^[^。！？；：:]{2,40}[：:]\s*/;

/** Longest note heading: its first sentence, cut at the clause that passes this many characters. */
const NOTE_HEADING_LENGTH = 20;

/** A covering note's entry: its first sentence, cut at the first clause end past a few characters when long. */
export function noteHeading(line: string): string {
  const sentence = headingText(line);
  if (sentence.length <= NOTE_HEADING_LENGTH) return sentence;
  const clause = /[，。；：！？,;]/g;
  let cut = -1;
  for (let m = clause.exec(sentence); m; m = clause.exec(sentence)) {
    if (m.index >= 4) {
      cut = m.index;
      break;
    }
  }
  return cut > 0 && cut <= NOTE_HEADING_LENGTH * 2 ? sentence.slice(0, cut) : sentence.slice(0, NOTE_HEADING_LENGTH);
}

/** What a covering note does: issues (印发) or forwards (转发) the document after it; null when it says neither. */
function noteRole(lines: readonly string[], from: number, to: number): OutlineGroup['role'] {
  for (let i = from; i < to && i < from + 12; i++) {
    const line = lines[i] ?? '';
    if (/转发/.test(line)) return 'forward';
    if (/印发|发布|颁布/.test(line)) return 'issue';
  }
  return undefined;
}

export interface Outline {
  /** Every entry in document order: the note, each document's parts, their attachments. */
  readonly sections: Section[];
  /** How `sections` fall into note / documents / attachments; null for a page holding one plain document. */
  readonly groups: OutlineGroup[] | null;
  /** Lines of the main document (for its title, addressee and date). */
  readonly main: LineRange;
}

/** The outline of the model: its documents' parts, grouped when the page holds more than one plain document. */
export function parseOutline(model: TextModel): Outline {
  const lines = linesOf(model);
  const segments = segmentsOf(lines);
  const sections: Section[] = [];
  const groups: OutlineGroup[] = [];
  let main: LineRange | null = null;
  let docs = 0;
  const push = (
    kind: OutlineGroup['kind'],
    title: string | null,
    drafts: readonly Draft[],
    role?: OutlineGroup['role'],
  ) => {
    if (drafts.length === 0) return;
    const group = { kind, title, from: sections.length, to: sections.length + drafts.length };
    groups.push(role ? { ...group, role } : group);
    for (const d of drafts) sections.push(finish(d));
  };
  segments.forEach((seg, k) => {
    const untitledLead = k === 0 && seg.titleEnd < 0 && segments.length > 1;
    const prefix = docs === 0 ? 'p' : `d${docs + 1}p`;
    const parsed = new SegmentParser(model, lines, seg, prefix).run();
    // Untitled text before the first document is a covering note unless it holds a series of parts of its own.
    const isNote = parsed.parts.length === 0 || (untitledLead && parsed.parts.length < 2);
    if (isNote) {
      if (segments.length === 1) return; // no document at all
      // A page title above the same title in the body, 版头 lines, a caption: nothing to show.
      if (!hasContent(lines, seg.from, seg.to)) return;
      // A stretch with no parts of its own (a covering note, a forwarding line): one entry.
      const note = new SegmentParser(model, lines, seg, '').asNote(`n${k + 1}`);
      if (note) push('note', seg.title, [note], noteRole(lines, seg.from, seg.to));
      if (!untitledLead) push('attachments', null, parsed.attachments);
      return;
    }
    docs++;
    if (!main) main = { from: seg.from, to: seg.to };
    push(docs === 1 ? 'main' : 'forwarded', seg.title, parsed.parts);
    push('attachments', null, parsed.attachments);
  });
  const plain = groups.length <= 1 && groups.every((g) => g.kind === 'main');
  return { sections, groups: plain ? null : groups, main: main ?? { from: 0, to: lines.length } };
}

/** The document's top-level sections with nested children, in document order. */
export function parseSections(model: TextModel): Section[] {
  return parseOutline(model).sections;
}
