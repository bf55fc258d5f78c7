// Builds the TextModel: the article's visible text as one string with an exact map back to
// text nodes, in one depth-first pass; then joins lines cut by page breaks (see page-break.ts).
import { continuesAcrossPageBreak, type LineFacts } from './page-break';
import type { Block, TextModel, TextRun } from './types';
import { drain } from './steps';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'TEXTAREA',
  'SELECT',
]);
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'DT',
  'DD',
  'DL',
  'TD',
  'TH',
  'TR',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'NAV',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'PRE',
  'HR',
  'CENTER',
  'UL',
  'OL',
  'FORM',
  'ADDRESS',
  'FIGURE',
  'FIGCAPTION',
]);
/** Containers whose emptiness is layout, not a blank line. */
const STRUCTURAL_TAGS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'OL', 'DL']);

/** A run whose start/end are line-relative until buildTextModel shifts them into place. */
interface MutableRun {
  node: Text;
  start: number;
  end: number;
  nodeStart: number;
}

interface RawLine extends LineFacts {
  readonly runs: MutableRun[];
  readonly element: Element;
}

/** Characters the model drops as invisible (a regex class body; detect.ts's pre-check ignores the same ones). */
export const INVISIBLE_CHARS = '\u200b-\u200d\ufeff\u00ad';
/** Any character the model drops or collapses (a native scan: most nodes of CJK text have none). */
const ANY_SPECIAL = new RegExp(`[ \t\n\r\f\u3000\u00a0${INVISIBLE_CHARS}]`);

/** True for the characters the model drops or collapses: whitespace, indents, invisibles. */
function isSpecial(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 12 ||
    c === 0x3000 ||
    c === 0xa0 ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0xfeff ||
    c === 0xad
  );
}

/**
 * Collects physical lines (one per block or <br>) with their text-node runs. Hot on long pages
 * (one call per text node): no closures or per-character objects, one run object per stretch.
 */
class LineCollector {
  readonly lines: RawLine[] = [];
  private parts: string[] = [];
  private length = 0;
  private runs: MutableRun[] = [];
  private element: Element | null = null;
  private indented = false;
  private blankBefore = false;
  private brRun = 0;
  /** Whitespace held back until a visible char follows (dropped at line ends): nodes, offsets, chars. */
  private readonly pendingNodes: Text[] = [];
  private readonly pendingOffsets: number[] = [];
  private readonly pendingChars: string[] = [];
  readonly blockStack: Element[] = [];

  constructor(private readonly root: Element) {}

  private append(node: Text, nodeStart: number, s: string): void {
    if (this.element === null) this.element = this.blockStack[this.blockStack.length - 1] ?? this.root;
    const last = this.runs[this.runs.length - 1];
    if (
      last !== undefined &&
      last.node === node &&
      last.end === this.length &&
      last.nodeStart + (last.end - last.start) === nodeStart
    ) {
      last.end += s.length;
    } else {
      this.runs.push({ node, nodeStart, start: this.length, end: this.length + s.length });
    }
    this.parts.push(s);
    this.length += s.length;
  }

  private flushPending(): void {
    for (let k = 0; k < this.pendingNodes.length; k++)
      this.append(this.pendingNodes[k]!, this.pendingOffsets[k]!, this.pendingChars[k]!);
    this.clearPending();
  }

  private clearPending(): void {
    this.pendingNodes.length = 0;
    this.pendingOffsets.length = 0;
    this.pendingChars.length = 0;
  }

  private hold(node: Text, offset: number, ch: string): void {
    this.pendingNodes.push(node);
    this.pendingOffsets.push(offset);
    this.pendingChars.push(ch);
  }

  text(node: Text, inPre: boolean): void {
    const data = node.data;
    const n = data.length;
    if (n === 0) return;
    if (!ANY_SPECIAL.test(data)) {
      if (this.pendingNodes.length > 0) this.flushPending();
      this.append(node, 0, data);
      return;
    }
    let stretch = -1;
    for (let i = 0; i < n; i++) {
      const c = data.charCodeAt(i);
      if (!isSpecial(c)) {
        if (stretch < 0) {
          if (this.pendingNodes.length > 0) this.flushPending();
          stretch = i;
        }
        continue;
      }
      if (stretch >= 0) {
        this.append(node, stretch, data.slice(stretch, i));
        stretch = -1;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
        if (inPre && c === 10) this.endLine('br');
        else if (this.length > 0 && this.pendingChars[this.pendingChars.length - 1] !== ' ') this.hold(node, i, ' ');
      } else if (c === 0x3000 || c === 0xa0) {
        if (this.length === 0)
          this.indented = true; // a paragraph indent: dropped
        else this.hold(node, i, data.charAt(i));
      } // else zero-width characters and soft hyphens: invisible, skipped
    }
    if (stretch >= 0) this.append(node, stretch, stretch === 0 ? data : data.slice(stretch));
  }

  /** Ends the current line at a block boundary or <br>. */
  endLine(kind: 'block' | 'br' | 'blank'): void {
    this.clearPending();
    if (this.length > 0) {
      this.lines.push({
        text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
        runs: this.runs,
        element: this.element ?? this.root,
        blankBefore: this.blankBefore,
        indented: this.indented,
      });
      this.parts = [];
      this.length = 0;
      this.runs = [];
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

/** True for subtrees that are never article text: scripts, hidden parts, our own UI. */
function skippedTag(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag) || tag.startsWith('GONGWEN-')) return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Nodes walked between pause points of the sliced walk (a few hundred microseconds of work). */
const NODES_PER_SLICE = 2000;

/**
 * The walk, as steps: it stops (yields) every NODES_PER_SLICE nodes so a caller may hand the main
 * thread back to the page in between (see drain() for the one-go walk). The DOM must not change
 * while it is paused; callers that pause re-check the page afterwards.
 */
function* collectLines(root: Element): Generator<void, RawLine[]> {
  const out = new LineCollector(root);
  // Per element being walked (ancestors of the current node): its tag if it is a block, else ''.
  const open: string[] = [];
  const entryCounts: number[] = [];
  // The root itself is never entered: a root that is (or sits inside) a <pre> keeps its line breaks.
  let preDepth = root.closest('pre') !== null ? 1 : 0;
  const enterBlock = (el: Element, tag: string): void => {
    out.endLine('block');
    out.blockStack.push(el);
    entryCounts.push(out.lineCount);
    if (tag === 'PRE') preDepth++;
  };
  const leaveBlock = (tag: string): void => {
    const before = out.lineCount;
    out.endLine('block');
    out.blockStack.pop();
    const atEntry = entryCounts.pop();
    // An empty paragraph (or <hr>) shows as a blank line.
    if (tag === 'HR' || (before === atEntry && out.lineCount === atEntry && !STRUCTURAL_TAGS.has(tag)))
      out.endLine('blank');
    if (tag === 'PRE') preDepth--;
  };

  let node: Node | null = root.firstChild;
  let countdown = NODES_PER_SLICE;
  while (node !== null) {
    if (--countdown === 0) {
      countdown = NODES_PER_SLICE;
      yield;
    }
    const type = node.nodeType;
    if (type === 3) out.text(node as Text, preDepth > 0);
    else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (!skippedTag(el, tag)) {
        const block = BLOCK_TAGS.has(tag);
        if (tag === 'BR') out.endLine('br');
        else if (block) enterBlock(el, tag);
        const child = el.firstChild;
        if (child !== null) {
          open.push(block ? tag : '');
          node = child;
          continue;
        }
        if (block) leaveBlock(tag);
      }
    }
    let next: Node | null = node.nextSibling;
    while (next === null) {
      node = node!.parentNode;
      if (node === null || node === root) break;
      const tag = open.pop();
      if (tag) leaveBlock(tag);
      next = node.nextSibling;
    }
    node = next;
  }
  out.endLine('block');
  return out.lines;
}

/** The text model of `root`: lines joined by '\n', page-break splits joined with nothing. */
export function buildTextModel(root: Element): TextModel {
  return drain(textModelSteps(root));
}

/** Lines assembled between stops in textModelSteps(). */
const LINES_PER_SLICE = 2000;

/** buildTextModel() as steps that pause every few thousand nodes and lines (for start-up in slices). */
export function* textModelSteps(root: Element): Generator<void, TextModel> {
  const lines = yield* collectLines(root);
  const pieces: string[] = [];
  const runs: TextRun[] = [];
  const blocks: Block[] = [];
  let pos = 0;
  let logical = '';
  let blockStart = 0;
  let blockElement: Element | null = null;
  let sinceStop = 0;
  for (const line of lines) {
    // Assembling is a pass of its own over every line: it stops too (a 100× page has ~30k lines).
    if (++sinceStop === LINES_PER_SLICE) {
      sinceStop = 0;
      yield;
    }
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
    for (const run of line.runs) {
      run.start += pos;
      run.end += pos;
      runs.push(run);
    }
    pieces.push(line.text);
    pos += line.text.length;
  }
  if (blockElement !== null) blocks.push({ start: blockStart, end: pos, element: blockElement });
  return { root, text: pieces.join(''), runs, blocks };
}
