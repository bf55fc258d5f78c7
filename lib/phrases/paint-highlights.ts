// Paints phrase ranges on the page without touching its text: CSS Custom Highlight API where present,
// else <mark> wrappers that clear() removes again, leaving the DOM as it was. The colours come from
// the one fixed sheet (highlight-sheet.ts); a palette is picked by name (API) or attribute (marks).
import type { PhraseCategory } from './lexicon';
import { flashClass, highlightName, highlightPriority, markClass, type HighlightKey } from './highlight-styles';
import type { HighlightScheme } from './highlight-scheme';
import { ensureHighlightSheet } from './highlight-sheet';

export interface Highlighter {
  /** Replaces whatever was painted before. */
  paint(rangesByCategory: Map<PhraseCategory, Range[]>): void;
  clear(): void;
  /** Marks one occurrence briefly (after the panel scrolls to it). */
  flash(range: Range): void;
  /** Paints with the palette for this page's background from now on (the sheet holds both: nothing is restyled). */
  setScheme(scheme: HighlightScheme): void;
  readonly mode: 'highlight-api' | 'wrap';
}

export const flashDurationMs = 1200;

interface HighlightApi {
  readonly registry: HighlightRegistry;
  readonly Highlight: typeof Highlight;
}

function highlightApi(): HighlightApi | null {
  const g = globalThis as { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };
  const registry = g.CSS?.highlights;
  return registry && typeof g.Highlight === 'function' ? { registry, Highlight: g.Highlight } : null;
}

function apiHighlighter(api: HighlightApi, initial: HighlightScheme): Highlighter {
  let scheme = initial;
  /** What is painted, by key; registered under `highlightName(key, scheme)`. */
  const painted = new Map<HighlightKey, Highlight>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const put = (key: HighlightKey, highlight: Highlight): void => {
    painted.set(key, highlight);
    api.registry.set(highlightName(key, scheme), highlight);
  };
  const take = (key: HighlightKey): void => {
    painted.delete(key);
    api.registry.delete(highlightName(key, scheme));
  };
  const clearFlash = (): void => {
    clearTimeout(flashTimer);
    take('flash');
  };
  const clear = (): void => {
    clearFlash();
    for (const key of [...painted.keys()]) take(key);
  };
  return {
    mode: 'highlight-api',
    clear,
    paint(rangesByCategory) {
      clear();
      for (const [category, ranges] of rangesByCategory) {
        if (ranges.length === 0) continue;
        const highlight = new api.Highlight(...ranges);
        highlight.priority = highlightPriority[category];
        put(category, highlight);
      }
    },
    flash(range) {
      clearFlash();
      const highlight = new api.Highlight(range);
      highlight.priority = highlightPriority.flash;
      put('flash', highlight);
      flashTimer = setTimeout(clearFlash, flashDurationMs);
    },
    setScheme(next) {
      if (next === scheme) return;
      const moving = [...painted];
      for (const [key] of moving) api.registry.delete(highlightName(key, scheme));
      scheme = next;
      for (const [key, highlight] of moving) api.registry.set(highlightName(key, scheme), highlight);
    },
  };
}

interface Piece {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

const isText = (n: Node | null): n is Text => n !== null && n.nodeType === 3; // Node.TEXT_NODE

/** The text-node stretches a range covers, read before any DOM change; whitespace-only ones need no mark. */
function textPieces(doc: Document, range: Range): Piece[] {
  const out: Piece[] = [];
  const add = (node: Text): void => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start && node.data.slice(start, end).trim() !== '') out.push({ node, start, end });
  };
  const root = range.commonAncestorContainer;
  if (isText(root)) {
    add(root);
    return out;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isText(n) && range.intersectsNode(n)) add(n);
  return out;
}

function wrapHighlighter(doc: Document, initial: HighlightScheme): Highlighter {
  let scheme = initial;
  // Every text node we split off maps to the node it came from, so clear() can join them back into it.
  const origin = new Map<Text, Text>();
  const marks = new Set<HTMLElement>();
  let flashUndo: (() => void) | undefined;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const rootOf = (t: Text): Text => origin.get(t) ?? t;
  const split = (node: Text, offset: number): Text => {
    const tail = node.splitText(offset);
    origin.set(tail, rootOf(node));
    return tail;
  };
  const makeMark = (category: PhraseCategory | 'flash'): HTMLElement => {
    const mark = doc.createElement('mark');
    mark.className = category === 'flash' ? `${markClass} ${flashClass}` : markClass;
    mark.dataset.scheme = scheme;
    if (category !== 'flash') mark.dataset.category = category;
    marks.add(mark);
    return mark;
  };
  /** Wraps pieces; later offsets first, so splitting never shifts a piece still to come. */
  const wrap = (pieces: { piece: Piece; make: () => HTMLElement }[]): void => {
    const byNode = new Map<Text, { piece: Piece; make: () => HTMLElement }[]>();
    for (const p of pieces) byNode.set(p.piece.node, [...(byNode.get(p.piece.node) ?? []), p]);
    const ordered = [...byNode.values()].flatMap((group) => group.sort((a, b) => b.piece.start - a.piece.start));
    for (const { piece, make } of ordered) {
      const mid = piece.start > 0 ? split(piece.node, piece.start) : piece.node;
      if (piece.end - piece.start < mid.length) split(mid, piece.end - piece.start);
      const mark = make();
      mid.parentNode?.insertBefore(mark, mid);
      mark.append(mid);
    }
  };
  // Joins a text node with neighbours split from the same original, keeping the earliest (the original itself).
  const merge = (t: Text): void => {
    let head = t;
    const prev = t.previousSibling;
    if (isText(prev) && rootOf(prev) === rootOf(t)) {
      prev.appendData(t.data); // appendData leaves live ranges in prev where they are
      t.remove();
      origin.delete(t);
      head = prev;
    }
    const next = head.nextSibling;
    if (isText(next) && rootOf(next) === rootOf(head)) {
      head.appendData(next.data);
      next.remove();
      origin.delete(next);
    }
  };
  const unwrap = (mark: HTMLElement): void => {
    marks.delete(mark);
    const parent = mark.parentNode;
    if (!parent) return;
    const children = [...mark.childNodes];
    for (const child of children) parent.insertBefore(child, mark);
    mark.remove();
    for (const child of children) if (isText(child) && child.parentNode) merge(child);
  };
  const endFlash = (): void => {
    clearTimeout(flashTimer);
    flashUndo?.();
    flashUndo = undefined;
  };
  const clear = (): void => {
    endFlash();
    for (const mark of [...marks]) unwrap(mark);
  };

  return {
    mode: 'wrap',
    clear,
    paint(rangesByCategory) {
      clear();
      const pieces: { piece: Piece; make: () => HTMLElement }[] = [];
      for (const [category, ranges] of rangesByCategory) {
        for (const range of ranges) {
          for (const piece of textPieces(doc, range)) pieces.push({ piece, make: () => makeMark(category) });
        }
      }
      wrap(pieces);
    },
    flash(range) {
      endFlash();
      const flagged: HTMLElement[] = [];
      const added: HTMLElement[] = [];
      const toWrap: { piece: Piece; make: () => HTMLElement }[] = [];
      for (const piece of textPieces(doc, range)) {
        const parent = piece.node.parentElement;
        // A piece that is exactly a painted mark's text is flagged in place rather than wrapped again.
        if (
          parent &&
          marks.has(parent) &&
          piece.start === 0 &&
          piece.end === piece.node.length &&
          parent.childNodes.length === 1
        ) {
          parent.classList.add(flashClass);
          flagged.push(parent);
        } else {
          toWrap.push({
            piece,
            make: () => {
              const m = makeMark('flash');
              added.push(m);
              return m;
            },
          });
        }
      }
      wrap(toWrap);
      flashUndo = () => {
        for (const m of flagged) m.classList.remove(flashClass);
        for (const m of added) unwrap(m);
      };
      flashTimer = setTimeout(endFlash, flashDurationMs);
    },
    setScheme(next) {
      scheme = next;
      for (const mark of marks) mark.dataset.scheme = next; // the reader's own elements, not the page's
    },
  };
}

/**
 * The sheet is made sure of at the first paint, not at creation: where it was not shipped, adopting
 * it restyles the whole page, which should not happen before the panel is shown.
 */
export function createHighlighter(doc: Document, scheme: HighlightScheme = 'light'): Highlighter {
  const api = highlightApi();
  const inner = api ? apiHighlighter(api, scheme) : wrapHighlighter(doc, scheme);
  const styled = (): void => void ensureHighlightSheet(doc);
  return {
    mode: inner.mode,
    clear: () => inner.clear(),
    paint(rangesByCategory) {
      styled();
      inner.paint(rangesByCategory);
    },
    flash(range) {
      styled();
      inner.flash(range);
    },
    setScheme: (next) => inner.setScheme(next),
  };
}
