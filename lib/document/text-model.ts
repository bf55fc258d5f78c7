// Builds the TextModel: the article's visible text as one string with an exact map back to
// text nodes, in one depth-first pass; then joins lines cut by page breaks (see page-break.ts).
import { continuesAcrossPageBreak, type LineFacts } from './page-break';
import type { Block, TextModel, TextRun } from './types';

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'TEXTAREA', 'SELECT',
]);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'DT', 'DD', 'DL', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'MAIN', 'NAV', 'ASIDE', 'HEADER', 'FOOTER',
  'BLOCKQUOTE', 'PRE', 'HR', 'CENTER', 'UL', 'OL', 'FORM', 'ADDRESS', 'FIGURE', 'FIGCAPTION',
]);
/** Containers whose emptiness is layout, not a blank line. */
const STRUCTURAL_TAGS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'OL', 'DL']);

/** True for subtrees that are never article text: scripts, hidden parts, our own UI. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag.startsWith('GONGWEN-')) return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

interface Segment {
  node: Text;
  nodeStart: number;
  /** [start, end) within the line. */
  start: number;
  end: number;
}

interface RawLine extends LineFacts {
  readonly segments: readonly Segment[];
  readonly element: Element;
}

interface Pending {
  readonly node: Text;
  readonly offset: number;
  readonly ch: string;
}

/** Collects physical lines (one per block or <br>) with their node segments. */
class LineCollector {
  readonly lines: RawLine[] = [];
  private parts: string[] = [];
  private length = 0;
  private segments: Segment[] = [];
  private element: Element | null = null;
  private indented = false;
  private blankBefore = false;
  private brRun = 0;
  /** Whitespace held back until a visible char follows: dropped at line ends. */
  private pending: Pending[] = [];
  readonly blockStack: Element[] = [];

  constructor(private readonly root: Element) {}

  private append(node: Text, nodeStart: number, s: string): void {
    if (this.element === null) this.element = this.blockStack[this.blockStack.length - 1] ?? this.root;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === this.length && last.nodeStart + (last.end - last.start) === nodeStart) {
      last.end += s.length;
    } else {
      this.segments.push({ node, nodeStart, start: this.length, end: this.length + s.length });
    }
    this.parts.push(s);
    this.length += s.length;
  }

  private flushPending(): void {
    for (const p of this.pending) this.append(p.node, p.offset, p.ch);
    this.pending = [];
  }

  text(node: Text, inPre: boolean): void {
    const data = node.data;
    let stretch = -1;
    const flush = (i: number): void => {
      if (stretch >= 0) this.append(node, stretch, data.slice(stretch, i));
      stretch = -1;
    };
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
        flush(i);
        if (inPre && c === 10) this.endLine('br');
        else if (this.length > 0 && this.pending[this.pending.length - 1]?.ch !== ' ') {
          this.pending.push({ node, offset: i, ch: ' ' });
        }
      } else if (c === 0x3000 || c === 0xa0) {
        flush(i);
        if (this.length === 0) this.indented = true; // a paragraph indent: dropped
        else this.pending.push({ node, offset: i, ch: data.charAt(i) });
      } else if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0xad) {
        flush(i); // invisible: skipped
      } else if (stretch < 0) {
        if (this.pending.length > 0) this.flushPending();
        stretch = i;
      }
    }
    flush(data.length);
  }

  /** Ends the current line at a block boundary or <br>. */
  endLine(kind: 'block' | 'br' | 'blank'): void {
    this.pending = [];
    if (this.length > 0) {
      this.lines.push({
        text: this.parts.join(''),
        segments: this.segments,
        element: this.element ?? this.root,
        blankBefore: this.blankBefore,
        indented: this.indented,
      });
      this.parts = [];
      this.length = 0;
      this.segments = [];
      this.element = null;
      this.blankBefore = false;
      this.brRun = kind === 'br' ? 1 : 0;
    } else if (kind === 'br') {
      this.brRun++;
      if (this.brRun >= 2) this.blankBefore = true;
    } else if (kind === 'blank') {
      this.blankBefore = true;
    }
    this.indented = false;
  }

  get lineCount(): number {
    return this.lines.length;
  }
}

function collectLines(root: Element): RawLine[] {
  const out = new LineCollector(root);
  const entryCounts: number[] = [];
  // The root itself is never entered: a root that is (or sits inside) a <pre> keeps its line breaks.
  let preDepth = root.closest('pre') !== null ? 1 : 0;
  const enter = (el: Element): void => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') return out.endLine('br');
    if (!isBlockElement(el)) return;
    out.endLine('block');
    out.blockStack.push(el);
    entryCounts.push(out.lineCount);
    if (tag === 'PRE') preDepth++;
  };
  const leave = (el: Element): void => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR' || !isBlockElement(el)) return;
    const before = out.lineCount;
    out.endLine('block');
    out.blockStack.pop();
    const atEntry = entryCounts.pop();
    // An empty paragraph (or <hr>) shows as a blank line.
    if (tag === 'HR' || (before === atEntry && out.lineCount === atEntry && !STRUCTURAL_TAGS.has(tag))) out.endLine('blank');
    if (tag === 'PRE') preDepth--;
  };

  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === 3) out.text(node as Text, preDepth > 0);
    else if (node.nodeType === 1 && !isSkippedElement(node as Element)) {
      enter(node as Element);
      descend = node.firstChild !== null;
      if (!descend) leave(node as Element);
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node !== root) leave(node as Element);
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  out.endLine('block');
  return out.lines;
}

/** The text model of `root`: lines joined by '\n', page-break splits joined with nothing. */
export function buildTextModel(root: Element): TextModel {
  const lines = collectLines(root);
  const pieces: string[] = [];
  const runs: TextRun[] = [];
  const blocks: Block[] = [];
  let pos = 0;
  let logical = '';
  let blockStart = 0;
  let blockElement: Element | null = null;
  for (const line of lines) {
    if (blockElement !== null) {
      if (continuesAcrossPageBreak(logical, line)) {
        logical += line.text;
      } else {
        blocks.push({ start: blockStart, end: pos, element: blockElement });
        pieces.push('\n');
        pos++;
        blockStart = pos;
        blockElement = line.element;
        logical = line.text;
      }
    } else {
      blockElement = line.element;
      logical = line.text;
    }
    for (const s of line.segments) {
      runs.push({ node: s.node, start: pos + s.start, end: pos + s.end, nodeStart: s.nodeStart });
    }
    pieces.push(line.text);
    pos += line.text.length;
  }
  if (blockElement !== null) blocks.push({ start: blockStart, end: pos, element: blockElement });
  return { root, text: pieces.join(''), runs, blocks };
}
