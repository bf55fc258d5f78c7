// Paints phrase ranges on the page without touching its text: CSS Custom Highlight API where present,
// else <mark> wrappers that clear() removes again, leaving the DOM as it was.
import type { PhraseCategory } from './lexicon';
import { flashClass, highlightName, highlightPriority, highlightStyleText, markClass } from './highlight-styles';
import type { HighlightScheme } from './highlight-scheme';

export interface Highlighter {
  /** Replaces whatever was painted before. */
  paint(rangesByCategory: Map<PhraseCategory, Range[]>): void;
  clear(): void;
  /** Marks one occurrence briefly (after the panel scrolls to it). */
  flash(range: Range): void;
  /** Paints with the palette for this page's background from now on (restyles only if the sheet is in). */
  setScheme(scheme: HighlightScheme): void;
  readonly mode: 'highlight-api' | 'wrap';
}

/** What each way of painting does; the stylesheet and its palette are shared (createHighlighter). */
type Painter = Omit<Highlighter, 'setScheme'>;

export const flashDurationMs = 1200;
export const highlightStyleId = 'gongwen-reader-highlight-style';

interface HighlightApi {
  readonly registry: HighlightRegistry;
  readonly Highlight: typeof Highlight;
}

function highlightApi(): HighlightApi | null {
  const g = globalThis as { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };
  const registry = g.CSS?.highlights;
  return registry && typeof g.Highlight === 'function' ? { registry, Highlight: g.Highlight } : null;
}

/** The installed sheet of each document, with a way to swap its text for another palette's. */
const styled = new WeakMap<Document, { text: string; set(text: string): void }>();

/** Installs the stylesheet once per document (a constructed sheet keeps the page's <head> untouched), or updates it. */
function installStyles(doc: Document, text: string): void {
  const installed = styled.get(doc);
  if (installed) {
    if (installed.text !== text) {
      installed.set(text);
      installed.text = text;
    }
    return;
  }
  try {
    // The sheet must come from the document's own window, or adopting it throws (iframes, some content-script worlds).
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(text);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    styled.set(doc, { text, set: (next) => sheet.replaceSync(next) });
  } catch {
    const style = (doc.getElementById(highlightStyleId) as HTMLStyleElement | null) ?? doc.createElement('style');
    style.id = highlightStyleId;
    style.textContent = text;
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    styled.set(doc, { text, set: (next) => (style.textContent = next) });
  }
}

function apiHighlighter(api: HighlightApi): Painter {
  const names = new Set<string>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const clearFlash = (): void => {
    clearTimeout(flashTimer);
    api.registry.delete(highlightName('flash'));
  };
  const clear = (): void => {
    clearFlash();
    for (const name of names) api.registry.delete(name);
    names.clear();
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
        const name = highlightName(category);
        api.registry.set(name, highlight);
        names.add(name);
      }
    },
    flash(range) {
      clearFlash();
      const highlight = new api.Highlight(range);
      highlight.priority = highlightPriority.flash;
      api.registry.set(highlightName('flash'), highlight);
      flashTimer = setTimeout(clearFlash, flashDurationMs);
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

function wrapHighlighter(doc: Document): Painter {
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
        if (parent && marks.has(parent) && piece.start === 0 && piece.end === piece.node.length && parent.childNodes.length === 1) {
          parent.classList.add(flashClass);
          flagged.push(parent);
        } else {
          toWrap.push({ piece, make: () => { const m = makeMark('flash'); added.push(m); return m; } });
        }
      }
      wrap(toWrap);
      flashUndo = () => {
        for (const m of flagged) m.classList.remove(flashClass);
        for (const m of added) unwrap(m);
      };
      flashTimer = setTimeout(endFlash, flashDurationMs);
    },
  };
}

/**
 * The stylesheet goes in with the first paint, not at creation: adding any sheet makes the
 * browser restyle the whole page, which should not happen before the panel is shown.
 */
export function createHighlighter(doc: Document, scheme: HighlightScheme = 'light'): Highlighter {
  const api = highlightApi();
  const inner = api ? apiHighlighter(api) : wrapHighlighter(doc);
  let painting = false;
  const install = (): void => {
    painting = true;
    installStyles(doc, highlightStyleText(scheme));
  };
  return {
    mode: inner.mode,
    clear: () => inner.clear(),
    paint(rangesByCategory) {
      install();
      inner.paint(rangesByCategory);
    },
    flash(range) {
      install();
      inner.flash(range);
    },
    setScheme(next) {
      scheme = next;
      if (painting) install();
    },
  };
}
