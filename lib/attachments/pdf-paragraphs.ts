// Paragraphs from a PDF's positioned text: pdf.js gives runs of text with a baseline position and
// a font size, nothing more. Lines are gathered by baseline, CJK joined without spaces; a new
// paragraph starts at a first-line indent (2 characters in 公文), after a short line, at a change
// of font size or at a centred line. Running headers/footers and page numbers (— 1 —, -1-, 第1页)
// are dropped, and a paragraph that runs over a page break is joined.
import { tidy, type TextBlock } from './blocks';

export interface PdfRun {
  readonly str: string;
  /** Baseline start, PDF units from the page's bottom-left. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's scale). */
  readonly size: number;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly PdfRun[];
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  page: number;
  pageWidth: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Page numbers as 公文 and Word print them: — 1 —, -1-, 第1页, 第 1 页 共 5 页, 1/5, a bare 12. */
const PAGE_NUMBER =
  /^(?:[—–\-－·•]*\s*\d{1,4}\s*[—–\-－·•]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/\s+/g, ' ').trim());
}

/**
 * Fonts whose ToUnicode maps some ideographs to their Kangxi radical look-alikes (⼀ U+2F00 for 一,
 * ⼯ for 工): printed Noto/Source Han CJK subsets do. NFKC maps each back to the ideograph.
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2f00-\u2fdf\u2e80-\u2eff]/g, (ch) => ch.normalize('NFKC'));
}

function joinParts(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const next = b[0]!;
  if (/\s/.test(last) || /\s/.test(next) || CJK.test(last) || CJK.test(next)) return a + b;
  return a.endsWith('-') && /[a-z]/.test(next) ? a.slice(0, -1) + b : `${a} ${b}`;
}

/** Runs to lines: same baseline (within half a character), left to right. */
function pageLines(page: PdfPageText, pageIndex: number): Line[] {
  const runs = page.runs.filter((r) => r.str.length > 0 && r.size > 0);
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: PdfRun[]; y: number; size: number }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < Math.max(l.size, run.size) * 0.5);
    if (line) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: Line[] = [];
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of line.runs) {
      // A gap of a third of a character between Latin runs is a space pdf.js did not emit.
      const gap = run.x - end;
      const piece = run.str;
      if (
        text &&
        gap > line.size * 0.3 &&
        !/\s$/.test(text) &&
        !/^\s/.test(piece) &&
        !(CJK.test(text.slice(-1)) && CJK.test(piece[0]!))
      ) {
        text += ' ';
      }
      text += piece;
      end = Math.max(end, run.x + run.width);
    }
    const clean = tidy(unifyRadicals(text));
    if (!clean) continue;
    const first = line.runs[0]!;
    // Leading spaces in the text (Word prints the indent as spaces) count as indent.
    const lead = text.length - text.replace(/^[\s\u3000]+/, '').length;
    const left = first.x + (lead > 0 ? lead * line.size * (/^\u3000/.test(text) ? 1 : 0.5) : 0);
    out.push({ text: clean, left, right: end, y: line.y, size: line.size, page: pageIndex, pageWidth: page.width });
  }
  return out;
}

/** The most common value, rounded to whole units (the body's left margin, the body's font size). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const k = Math.round(v);
    const c = (counts.get(k) ?? 0) + 1;
    counts.set(k, c);
    if (c > bestCount || (c === bestCount && k < best)) {
      best = k;
      bestCount = c;
    }
  }
  return best;
}

/** Text with digits masked: a running header 'XX学院文件 第3页' repeats as the same key. */
const runningKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Removes page numbers and lines repeated at the top or bottom of most pages. */
function dropFurniture(pages: Line[][]): Line[][] {
  const edgeCount = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => runningKey(l.text)));
    for (const key of edges) edgeCount.set(key, (edgeCount.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 3 && (edgeCount.get(key) ?? 0) >= Math.max(3, pages.length * 0.6);
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const atEdge = i < 2 || i >= lines.length - 2;
      if (!atEdge) return true;
      if (isPageNumber(line.text)) return false;
      return !repeated(runningKey(line.text));
    }),
  );
}

export function pdfParagraphs(pages: readonly PdfPageText[]): TextBlock[] {
  const lines = dropFurniture(pages.map(pageLines)).flat();
  if (!lines.length) return [];
  const bodySize = mode(lines.map((l) => l.size)) || 12;
  const bodyLeft = mode(lines.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.left));
  // The body's right edge: the line ends most full lines reach.
  const rights = lines
    .filter((l) => Math.abs(l.size - bodySize) < 0.5)
    .map((l) => l.right)
    .sort((a, b) => a - b);
  const bodyRight = rights.length ? rights[Math.floor(rights.length * 0.9)]! : bodyLeft + 28 * bodySize;

  const isCentered = (l: Line) => {
    const indent = l.left - bodyLeft;
    const middle = (l.left + l.right) / 2;
    const centre = (bodyLeft + bodyRight) / 2;
    return (
      indent > bodySize * 2.5 && Math.abs(middle - centre) < bodySize * 1.5 && bodyRight - l.right > bodySize * 2.5
    );
  };

  const blocks: TextBlock[] = [];
  let current: { text: string; centered: boolean; size: number; last: Line } | null = null;
  const flush = () => {
    if (!current) return;
    const scale = Math.round((current.size / bodySize) * 100) / 100;
    blocks.push({
      text: current.text,
      ...(current.centered ? { centered: true } : {}),
      ...(scale !== 1 ? { scale } : {}),
    });
    current = null;
  };
  for (const line of lines) {
    const centered = isCentered(line);
    const indented = !centered && line.left - bodyLeft > bodySize * 1.4;
    if (current) {
      const prev: Line = current.last;
      const sizeChanged = Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.12;
      const prevShort = bodyRight - prev.right > bodySize * 1.5;
      const samePage = prev.page === line.page;
      // Lines far apart on one page (a blank line between): a new paragraph.
      const gap = samePage ? prev.y - line.y : 0;
      const wideGap = gap > Math.max(prev.size, line.size) * 2.4;
      const display = Math.abs(current.size - bodySize) > bodySize * 0.12;
      const continues =
        current.centered || display
          ? (centered || display) && !sizeChanged && !wideGap // a title set over two lines
          : !centered && !indented && !sizeChanged && !prevShort && !wideGap;
      if (continues) {
        current.text = joinParts(current.text, line.text);
        current.centered ||= centered;
        current.last = line;
        continue;
      }
      flush();
    }
    current = { text: line.text, centered, size: line.size, last: line };
  }
  flush();
  return blocks;
}
