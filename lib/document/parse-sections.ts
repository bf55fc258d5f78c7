// Builds the section tree (一、 → （一） → 1. → （1）, plus 要-sub-points) from a TextModel's
// lines in one linear pass with a stack of open sections.
import { matchDateLine } from './dates';
import { headingText, matchHeading, matchSubPoint } from './headings';
import type { Section, SectionLevel, TextModel } from './types';

/**
 * Numbering rule: a series (the children of one parent at one level) must start at 1; each
 * next heading must be greater than the last and at most MAX_GAP + 1 above it (a skipped
 * number, e.g. a typo 一、二、四、, keeps going). A repeat or a step back ('一、' again) or a
 * jump further ahead is read as body text, not as a heading.
 */
export const MAX_GAP = 2;

interface Draft {
  id: string;
  kind: 'part' | 'point';
  level: SectionLevel;
  marker: string;
  number: number;
  heading: string;
  headingStart: number;
  headingEnd: number;
  start: number;
  end: number;
  children: Draft[];
  /** Last number seen per child level (GB/T 1–4) and the sub-point count. */
  lastChild: Map<number, number>;
  points: number;
}

/** Offset where the body ends: before the closing signature + date lines, if any. */
export function bodyEnd(model: TextModel): number {
  const blocks = model.blocks;
  const last = blocks.length - 1;
  for (let i = last; i >= 0 && i >= last - 4; i--) {
    const block = blocks[i];
    if (!block) break;
    const date = matchDateLine(model.text.slice(block.start, block.end));
    if (!date) continue;
    if (date.prefix) return block.start === 0 ? 0 : block.start - 1;
    const prev = blocks[i - 1];
    if (!prev) return block.start;
    const sig = model.text.slice(prev.start, prev.end);
    const isSignature = sig.length <= 40 && !/[。，；：！？]/.test(sig) && matchHeading(sig) === null;
    const endBlock = isSignature ? blocks[i - 2] : prev;
    return endBlock ? endBlock.end : 0;
  }
  return model.text.length;
}

/** 'p1', 'p1.2', …; a skipped level counts as 0 ('p1.0.3' = a '3.' right under '一、'), so ids never collide. */
function childId(parent: Draft | null, level: number, n: number): string {
  const skipped = Math.max(0, level - (parent ? parent.level : 0) - 1);
  const path = [...Array<string>(skipped).fill('0'), String(n)].join('.');
  return parent ? `${parent.id}.${path}` : `p${path}`;
}

function finish(d: Draft): Section {
  return {
    id: d.id, kind: d.kind, level: d.level, marker: d.marker, number: d.number, heading: d.heading,
    headingStart: d.headingStart, headingEnd: d.headingEnd, start: d.start, end: d.end,
    children: d.children.map(finish),
  };
}

/** The document's top-level sections with nested children, in document order. */
export function parseSections(model: TextModel): Section[] {
  const top: Draft[] = [];
  const topLast = new Map<number, number>();
  const stack: Draft[] = [];
  const end = bodyEnd(model);

  const close = (d: Draft, at: number): void => {
    d.end = at;
  };
  const open = (d: Draft, parent: Draft | null): void => {
    (parent ? parent.children : top).push(d);
    stack.push(d);
  };

  for (const block of model.blocks) {
    if (block.start >= end) break;
    const line = model.text.slice(block.start, block.end);
    const h = matchHeading(line);
    if (h) {
      // The parent is the deepest open numbered section of a higher (smaller) level.
      let p = stack.length - 1;
      while (p >= 0 && (stack[p]?.kind === 'point' || (stack[p]?.level ?? 0) >= h.level)) p--;
      const parent = p >= 0 ? stack[p] ?? null : null;
      const series = parent ? parent.lastChild : topLast;
      const last = series.get(h.level) ?? 0;
      const ok = last === 0 ? h.number === 1 : h.number > last && h.number <= last + MAX_GAP + 1;
      if (ok) {
        while (stack.length > p + 1) {
          const d = stack.pop();
          if (d) close(d, block.start);
        }
        series.set(h.level, h.number);
        const heading = headingText(line);
        open({
          id: childId(parent, h.level, h.number), kind: 'part', level: h.level, marker: h.marker, number: h.number,
          heading, headingStart: block.start, headingEnd: block.start + heading.length,
          start: block.start, end, children: [], lastChild: new Map(), points: 0,
        }, parent);
        continue;
      }
    }
    const lead = matchSubPoint(line);
    if (lead === null) continue;
    let p = stack.length - 1;
    while (p >= 0 && stack[p]?.kind === 'point') p--;
    const parent = p >= 0 ? stack[p] : undefined;
    if (!parent) continue; // a 要-sentence in the preamble is not a sub-point
    while (stack.length > p + 1) {
      const d = stack.pop();
      if (d) close(d, block.start);
    }
    parent.points++;
    const id = `${parent.id}.k${parent.points}`;
    open({
      id, kind: 'point', level: Math.min(parent.level + 1, 5) as SectionLevel, marker: '', number: parent.points,
      heading: lead, headingStart: block.start, headingEnd: block.start + lead.length,
      start: block.start, end, children: [], lastChild: new Map(), points: 0,
    }, parent);
  }
  for (const d of stack) close(d, end);
  return top.map(finish);
}
