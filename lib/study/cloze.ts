// Study mode's cloze blanks, as plain offsets: which key phrases are masked (in reading order),
// which part each belongs to, and which one Space reveals next. The page is never changed.
import type { Section } from '../document/types';
import { lastIndexWhere } from '../sorted/last-index-where';

export interface ClozeItem {
  /** [start, end) in the text model's string. */
  readonly start: number;
  readonly end: number;
  readonly term: string;
  /** The top-level part it sits in; null before the first part (title, addressee, preamble) or after the last. */
  readonly partId: string | null;
}

/** The found phrases as blanks, in reading order, each with its part. */
export function clozeItems(
  matches: readonly { readonly start: number; readonly end: number; readonly term: string }[],
  parts: readonly Pick<Section, 'id' | 'start' | 'end'>[],
): ClozeItem[] {
  const sortedParts = [...parts].sort((a, b) => a.start - b.start);
  return [...matches]
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((m) => {
      const index = lastIndexWhere(sortedParts, (p) => p.start <= m.start);
      const part = index >= 0 ? sortedParts[index]! : null;
      return { start: m.start, end: m.end, term: m.term, partId: part && m.start < part.end ? part.id : null };
    });
}

/** Each part's key phrases, once each, in the order they first appear. */
export function partTerms(items: readonly ClozeItem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of items) {
    if (item.partId === null) continue;
    const list = (out[item.partId] ??= []);
    if (!list.includes(item.term)) list.push(item.term);
  }
  return out;
}

/**
 * The blank Space reveals: the first one still masked at or after `from` (the top of the view),
 * else the first one still masked from the start; -1 when all are revealed.
 */
export function nextToReveal(items: readonly ClozeItem[], revealed: ReadonlySet<number>, from: number): number {
  let wrapped = -1;
  for (let i = 0; i < items.length; i++) {
    if (revealed.has(i)) continue;
    if (items[i]!.end > from) return i;
    if (wrapped < 0) wrapped = i;
  }
  return wrapped;
}
