// Reading-position anchors (Hypothesis-style): a quote with its context and offset in the
// article text, re-found after layout changes or small edits — exact first, then fuzzy.
import type { Section } from '../document/types';

export interface TextAnchor {
  /** Deepest section containing the position when it was saved, or null in the preamble. */
  readonly sectionId: string | null;
  /** ~32 characters starting at the position (shorter at the end of the text). */
  readonly quote: string;
  /** ~32 characters before and after the quote. */
  readonly prefix: string;
  readonly suffix: string;
  /** Offset in the text the anchor was made from. */
  readonly offset: number;
}

export interface ResolvedAnchor {
  readonly offset: number;
  readonly confidence: 'exact' | 'approximate';
}

export const CONTEXT_LENGTH = 32;
/** Below this a quote is too short to search alone; the prefix is searched with it. */
const MIN_NEEDLE = 8;
/** Fuzzy windows are capped so one lookup stays cheap (needle × window cells). */
const MAX_WINDOW = 20_000;
const NEAR_OFFSET = 2_000;

export function createAnchor(text: string, sections: readonly Section[], offset: number): TextAnchor {
  const at = clamp(Math.floor(Number.isFinite(offset) ? offset : 0), 0, text.length);
  return {
    sectionId: deepestSectionAt(sections, at)?.id ?? null,
    quote: text.slice(at, at + CONTEXT_LENGTH),
    prefix: text.slice(Math.max(0, at - CONTEXT_LENGTH), at),
    suffix: text.slice(at + CONTEXT_LENGTH, at + 2 * CONTEXT_LENGTH),
    offset: at,
  };
}

export function resolveAnchor(text: string, sections: readonly Section[], anchor: TextAnchor): ResolvedAnchor | null {
  // A short quote (end of text) is searched together with its prefix; `shift` maps back.
  const short = anchor.quote.length < MIN_NEEDLE;
  const needle = short ? anchor.prefix + anchor.quote : anchor.quote;
  const shift = short ? anchor.prefix.length : 0;
  const before = short ? '' : anchor.prefix;
  if (needle.length === 0) return text.length === 0 ? { offset: 0, confidence: 'exact' } : null;

  const hits = allIndexesOf(text, needle);
  if (hits.length > 0) {
    const fullContext = before.length + anchor.suffix.length;
    let best = hits[0] ?? 0;
    let bestScore = -1;
    for (const hit of hits) {
      const score =
        commonSuffixLength(text.slice(Math.max(0, hit - before.length), hit), before) +
        commonPrefixLength(text.slice(hit + needle.length, hit + needle.length + anchor.suffix.length), anchor.suffix);
      const nearer = Math.abs(hit + shift - anchor.offset) < Math.abs(best + shift - anchor.offset);
      if (score > bestScore || (score === bestScore && nearer)) {
        best = hit;
        bestScore = score;
      }
    }
    // Quote and context intact, or a long quote that occurs only once: the same place.
    const exact = bestScore === fullContext || (hits.length === 1 && needle.length >= CONTEXT_LENGTH / 2);
    return { offset: best + shift, confidence: exact ? 'exact' : 'approximate' };
  }

  if (needle.length < MIN_NEEDLE) return null;
  const match = fuzzySearch(text, needle, searchWindows(text, sections, anchor), anchor.offset - shift);
  return match === null ? null : { offset: clamp(match + shift, 0, text.length), confidence: 'approximate' };
}

/** The deepest section whose [start, end) holds `offset`. */
export function deepestSectionAt(sections: readonly Section[], offset: number): Section | null {
  for (const section of sections) {
    if (offset >= section.start && offset < section.end) {
      return deepestSectionAt(section.children, offset) ?? section;
    }
  }
  return null;
}

function findSection(sections: readonly Section[], id: string): Section | null {
  for (const section of sections) {
    if (section.id === id) return section;
    const inner = findSection(section.children, id);
    if (inner) return inner;
  }
  return null;
}

type Window = readonly [start: number, end: number];

/** The stored section's current range and the neighbourhood of the old offset, each capped. */
function searchWindows(text: string, sections: readonly Section[], anchor: TextAnchor): Window[] {
  const pad = anchor.quote.length + anchor.prefix.length;
  const windows: Window[] = [];
  const section = anchor.sectionId === null ? null : findSection(sections, anchor.sectionId);
  if (section) windows.push(capWindow(section.start - pad, section.end + pad, anchor.offset, text.length));
  windows.push(capWindow(anchor.offset - NEAR_OFFSET, anchor.offset + NEAR_OFFSET, anchor.offset, text.length));
  return windows;
}

function capWindow(start: number, end: number, centre: number, length: number): Window {
  let s = clamp(start, 0, length);
  let e = clamp(end, 0, length);
  if (e - s > MAX_WINDOW) {
    s = clamp(Math.max(s, centre - MAX_WINDOW / 2), 0, length);
    e = Math.min(e, s + MAX_WINDOW);
  }
  return [s, e];
}

/**
 * Bounded approximate substring match (Sellers): the start of the window substring with the
 * smallest edit distance to `needle`, allowed at most a quarter of its length; ties go to the
 * start nearest `near`.
 */
function fuzzySearch(text: string, needle: string, windows: readonly Window[], near: number): number | null {
  const maxCost = Math.floor(needle.length / 4);
  let best: { start: number; cost: number } | null = null;
  for (const [ws, we] of windows) {
    const found = sellers(text.slice(ws, we), needle, maxCost);
    for (const { start, cost } of found) {
      const abs = ws + start;
      if (
        best === null ||
        cost < best.cost ||
        (cost === best.cost && Math.abs(abs - near) < Math.abs(best.start - near))
      ) {
        best = { start: abs, cost };
      }
    }
  }
  return best?.start ?? null;
}

/** End-anchored matches with cost ≤ maxCost, each reported with the start of its best alignment. */
function sellers(hay: string, needle: string, maxCost: number): { start: number; cost: number }[] {
  const m = needle.length;
  // Column over needle positions; `starts` carries where each alignment began in `hay`.
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let starts = Array.from({ length: m + 1 }, () => 0);
  const out: { start: number; cost: number }[] = [];
  for (let j = 1; j <= hay.length; j++) {
    const nextCost = [0];
    const nextStarts = [j];
    const ch = hay[j - 1];
    for (let i = 1; i <= m; i++) {
      const sub = (cost[i - 1] ?? 0) + (needle[i - 1] === ch ? 0 : 1);
      const del = (cost[i] ?? 0) + 1; // hay char not in needle
      const ins = (nextCost[i - 1] ?? 0) + 1; // needle char missing from hay
      if (sub <= del && sub <= ins) {
        nextCost.push(sub);
        nextStarts.push(starts[i - 1] ?? 0);
      } else if (ins <= del) {
        nextCost.push(ins);
        nextStarts.push(nextStarts[i - 1] ?? 0);
      } else {
        nextCost.push(del);
        nextStarts.push(starts[i] ?? 0);
      }
    }
    cost = nextCost;
    starts = nextStarts;
    const endCost = cost[m] ?? Infinity;
    if (endCost <= maxCost) out.push({ start: starts[m] ?? 0, cost: endCost });
  }
  return out;
}

function allIndexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
