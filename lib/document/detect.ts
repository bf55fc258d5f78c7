// Finds an official document on a page: a cheap pre-check, then the article container found by
// its text (≥2 headings 一、二、… or 第一章/第一条 … each on its own line, outside navigation), then
// the model, the outline, and the evidence that it is a document (signals.ts) rather than a story.
import { domPoint } from './dom-point';
import { matchHeading, matchOuterHeading } from './headings';
import { isMastheadLine, isTitleLine } from './kinds';
import { isAddresseeLine, parseMetadata } from './metadata';
import { MAX_GAP, parseOutline } from './parse-sections';
import { weighSignals, type DetectionEvidence } from './signals';
import { INVISIBLE_CHARS, textModelSteps } from './text-model';
import { drain } from './steps';
import type { GongwenDocument, TextModel } from './types';

/** CMS article containers, tried first (each still verified by its text). */
export const KNOWN_CONTAINERS = [
  '.v_news_content',
  '#vsb_content',
  '.wp_articlecontent',
  '.TRS_Editor',
  '.article-content',
  '.article_content',
  '.article',
  '#content',
  '.content',
];
const CHROME_TAGS = new Set(['A', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'MENU']);
const CHROME_NAME = /nav|menu|sidebar|crumb|(^|[\s_-])(left|right)?side([\s_-]|$)/i;
// ('side' covers 'sidebar': each attribute test is paid on every element of a large container.)
const CHROME_SELECTOR =
  'nav, aside, footer, menu, [role="navigation"], [class*="nav"], [id*="nav"], ' +
  '[class*="menu"], [id*="menu"], [class*="side"], [id*="side"]';
/** How far above the first heading to look for the title / addressee lines. */
const HEAD_WINDOW = 12;

/** What may follow '一、' as the second part: '二、', or a skip of up to MAX_GAP numbers ('三、', '四、'). */
const SECOND_MARKERS = ['二、', '三、', '四、'].slice(0, MAX_GAP + 1);

/** Characters the text model drops, so they may sit inside a marker: '一\u200b、'. */
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);
const ALL_INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** Regulations and plans numbered 第一章 / 第一条 / 第一部分 with no 一、 at all. */
const OUTER_PAIRS = [
  ['第一章', '第二章'],
  ['第一条', '第二条'],
  ['第一部分', '第二部分'],
] as const;

function hasPartMarkers(text: string): boolean {
  const i = text.indexOf('一、');
  if (i >= 0 && SECOND_MARKERS.some((marker) => text.indexOf(marker, i + 2) >= 0)) return true;
  return OUTER_PAIRS.some(([first, second]) => {
    const at = text.indexOf(first);
    return at >= 0 && text.indexOf(second, at + first.length) >= 0;
  });
}

/**
 * Under 1 ms: is there a '一、' followed somewhere by a second part marker in the page text at all?
 * Never stricter than the full check, which reads 一、三、 as a series with a skipped number and
 * ignores invisible characters.
 */
export function mightBeDocument(doc: Document): boolean {
  const text = doc.body?.textContent ?? '';
  if (hasPartMarkers(text)) return true;
  return INVISIBLE.test(text) && hasPartMarkers(text.replace(ALL_INVISIBLE, ''));
}

function isChromeElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML') return false; // body classes like 'has-sidebar' say nothing
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'menu' || role === 'menubar') return true;
  return CHROME_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
}

/** Navigation, menus, sidebars, links, page header/footer between `node` and `scope`. */
function inChrome(node: Node, scope: Element): boolean {
  for (let el = node.parentElement; el && el !== scope.parentElement; el = el.parentElement) {
    if (isChromeElement(el)) return true;
  }
  return false;
}

/** A list entry holding a link is part of a link list, whatever its text. */
function isLinkListEntry(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return (tag === 'LI' || tag === 'DT' || tag === 'DD') && el.querySelector('a') !== null;
}

/** The top-level series a line may belong to ('l1' for 一、, 'chapter', 'article', …) and its number. */
function topMarker(line: string): { series: string; number: number } | null {
  const h = matchHeading(line);
  if (h) return h.level === 1 ? { series: 'l1', number: h.number } : null;
  const outer = matchOuterHeading(line);
  return outer ? { series: outer.kind, number: outer.number } : null;
}

/** Blocks looked at between stops in findSeries() (each a heading match, some a DOM walk up). */
const BLOCKS_PER_SLICE = 256;

/** Block indices of the longest 一、二、… (or 第一章, 第一条, §1 …) series of eligible heading lines (≥ 2), or null. */
function* findSeries(model: TextModel, scope: Element): Generator<void, number[] | null> {
  let best: number[] = [];
  const current = new Map<string, number[]>();
  const last = new Map<string, number>();
  for (let i = 0; i < model.blocks.length; i++) {
    if (i > 0 && i % BLOCKS_PER_SLICE === 0) yield;
    const block = model.blocks[i]!;
    const h = topMarker(model.text.slice(block.start, block.end));
    if (!h) continue;
    const run = current.get(h.series) ?? [];
    const prev = last.get(h.series) ?? 0;
    const accepted = h.number === 1 || (run.length > 0 && h.number > prev && h.number <= prev + MAX_GAP + 1);
    if (!accepted) continue;
    if (inChrome(domPoint(model, block.start).node, scope) || isLinkListEntry(block.element)) continue;
    const next = h.number === 1 ? [i] : [...run, i];
    current.set(h.series, next);
    last.set(h.series, h.number);
    if (next.length > best.length) best = next;
  }
  return best.length >= 2 ? best : null;
}

function commonAncestor(a: Node, b: Node): Element | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n) && n.nodeType === 1) return n as Element;
  return null;
}

interface ArticleHead {
  /** Block index of the earliest masthead/title/addressee line above the first heading. */
  readonly index: number;
  readonly hasTitle: boolean;
}

/** The masthead/title/addressee lines just above the first heading, or null. */
function articleHead(model: TextModel, scope: Element, first: number): ArticleHead | null {
  let target: number | null = null;
  for (let i = first - 1; i >= 0 && i >= first - HEAD_WINDOW; i--) {
    const block = model.blocks[i];
    if (!block || inChrome(domPoint(model, block.start).node, scope)) break;
    const line = model.text.slice(block.start, block.end);
    if (isAddresseeLine(line)) target = i;
    else if (isTitleLine(line) && !isMastheadLine(line)) {
      const prev = model.blocks[i - 1];
      const masthead = prev !== undefined && isMastheadLine(model.text.slice(prev.start, prev.end));
      return { index: masthead ? i - 1 : i, hasTitle: true };
    }
  }
  return target === null ? null : { index: target, hasTitle: false };
}

function* widenTo(root: Element, target: Node, doc: Document): Generator<void, Element> {
  let area = root;
  while (!area.contains(target)) {
    const parent = area.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) return root;
    // Each check walks the parent's whole subtree: one a step.
    const hasChrome = parent.querySelector(CHROME_SELECTOR) !== null;
    yield;
    if (hasChrome) return root;
    area = parent;
  }
  // A table section is no container of its own: take the whole table.
  const tag = area.tagName.toUpperCase();
  if ((tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT') && area.parentElement) return area.parentElement;
  return area;
}

/** The smallest container of the heading series, widened over its title lines; null if none. */
function* locate(
  model: TextModel,
  scope: Element,
  doc: Document,
): Generator<void, { root: Element; hasTitle: boolean } | null> {
  const series = yield* findSeries(model, scope);
  const first = series?.[0];
  const last = series?.[series.length - 1];
  const firstBlock = first === undefined ? undefined : model.blocks[first];
  const lastBlock = last === undefined ? undefined : model.blocks[last];
  if (first === undefined || !firstBlock || !lastBlock) return null;
  let root = commonAncestor(domPoint(model, firstBlock.start).node, domPoint(model, lastBlock.start).node);
  if (!root) return null;
  const head = articleHead(model, scope, first);
  const headBlock = head === null ? undefined : model.blocks[head.index];
  if (!head || !headBlock) return { root, hasTitle: false };
  const headNode = domPoint(model, headBlock.start).node;
  yield;
  root = yield* widenTo(root, headNode, doc);
  return { root, hasTitle: head.hasTitle && root.contains(headNode) };
}

/** The article root and, when it was read whole on the way, its text model (so it is read once). */
function* findArticle(doc: Document): Generator<void, { root: Element; model: TextModel | null } | null> {
  const body = doc.body;
  if (!body) return null;
  // Fast path: a known CMS container that holds the whole document, title included;
  // otherwise the whole page is read so the title can be found beside the body.
  for (const selector of KNOWN_CONTAINERS) {
    // By id/class lookups rather than querySelector: cheaper on big pages.
    const el = selector.startsWith('#')
      ? doc.getElementById(selector.slice(1))
      : doc.getElementsByClassName(selector.slice(1))[0];
    // Each lookup can walk the whole page (a class that is not there), and the check for page
    // chrome every element of the container: a stop after each keeps a long page's slices short.
    yield;
    if (!el) continue;
    const hasChrome = el.querySelector(CHROME_SELECTOR) !== null;
    yield;
    if (hasChrome) continue;
    const model = yield* textModelSteps(el);
    yield;
    const found = yield* locate(model, el, doc);
    if (found?.hasTitle) return { root: found.root, model: found.root === el ? model : null };
  }
  const model = yield* textModelSteps(body);
  yield;
  const found = yield* locate(model, body, doc);
  return found ? { root: found.root, model: found.root === body ? model : null } : null;
}

/**
 * The element holding the document's text, found by its headings; null on non-documents. The step
 * of readDocument() that picks the root, exported so tests check the choice on its own (apart
 * from the outline and the pre-check) and bench/profile.mjs can time it.
 */
export function findArticleRoot(doc: Document): Element | null {
  return drain(findArticle(doc))?.root ?? null;
}

export interface DetectedDocument {
  readonly root: Element;
  readonly model: TextModel;
  readonly document: GongwenDocument;
  /**
   * Why this page is (or is not) an official document. A page whose evidence falls short is served
   * only on the user's request (the toolbar button): a news story with 一、二、三 subheads is no 公文.
   */
  readonly evidence: DetectionEvidence;
}

export interface ReadOptions {
  /** The reader's own choice of article container for this site; automatic detection when it matches nothing. */
  readonly rootSelector?: string | null;
  /** The caller ran mightBeDocument() on this page just now (the content script's watcher does): not run again. */
  readonly prechecked?: boolean;
}

function chosenRoot(doc: Document, selector: string | null | undefined): Element | null {
  if (!selector) return null;
  try {
    return doc.querySelector(selector);
  } catch {
    return null; // an invalid selector saved by an older version: ignore it, don't break the page
  }
}

/**
 * The one way to read a page's document: everything the reader needs, or null when it has none.
 * The cheap pre-check (mightBeDocument) runs first unless the caller ran it just now.
 */
export function readDocument(doc: Document, options: ReadOptions = {}): DetectedDocument | null {
  return drain(readDocumentSteps(doc, options));
}

/**
 * readDocument() as steps that stop every few hundred blocks or thousand nodes, and around each
 * lookup or check that can walk a whole long page; the content script runs them in slices with the
 * page's turns between them (lib/startup/slices.ts `runInSlices`). The page may change while it
 * waits; the content script's watcher reads it again after mutations.
 */
export function* readDocumentSteps(doc: Document, options: ReadOptions = {}): Generator<void, DetectedDocument | null> {
  if (!options.prechecked && !mightBeDocument(doc)) return null;
  const chosen = chosenRoot(doc, options.rootSelector);
  const found = chosen ? { root: chosen, model: null } : yield* findArticle(doc);
  if (!found) return null;
  const { root } = found;
  const model = found.model ?? (yield* textModelSteps(root));
  yield;
  const outline = parseOutline(model);
  const { sections, groups } = outline;
  if (sections.filter((s) => s.level === 1).length < 2) return null;
  yield;
  const meta = parseMetadata(model, doc, outline.main);
  yield;
  const regulation = sections.some((s) => {
    const kind = matchOuterHeading(s.heading)?.kind;
    return kind === 'chapter' || kind === 'article';
  });
  const evidence = weighSignals({ model, main: outline.main, meta, regulation });
  const document: GongwenDocument = groups ? { ...meta, sections, groups } : { ...meta, sections };
  return { root, model, document, evidence };
}
