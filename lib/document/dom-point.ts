// The one mapping from a TextModel string offset back to the DOM: the text node and the offset in
// it, by binary search over the model's runs. Detection walks the page's chrome with it, and
// lib/dom/ranges.ts builds Ranges on it.
import { lastIndexWhere } from '../sorted/last-index-where';
import type { TextModel, TextRun } from './types';

export interface DomPoint {
  readonly node: Text;
  readonly offset: number;
}

/** Index of the first run whose end is > offset (runs.length if none). */
function firstRunEndingAfter(runs: readonly TextRun[], offset: number): number {
  return lastIndexWhere(runs, (run) => run.end <= offset) + 1;
}

/**
 * The DOM point of string offset `offset`. 'forward' (for range starts) gives the point before
 * the char at `offset` and snaps a separator forward to the next char; 'backward' (for range
 * ends) gives the point after the char at `offset - 1` and snaps a separator back. Throws on a
 * model without text.
 */
export function domPoint(model: TextModel, offset: number, affinity: 'forward' | 'backward' = 'forward'): DomPoint {
  const runs = model.runs;
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!first || !last) throw new Error('domPoint: empty text model');
  if (affinity === 'backward') {
    if (offset <= first.start) return { node: first.node, offset: first.nodeStart };
    const i = firstRunEndingAfter(runs, offset - 1);
    const run = runs[i];
    if (run && run.start <= offset - 1) return { node: run.node, offset: run.nodeStart + offset - run.start };
    const prev = runs[i - 1] ?? last;
    return { node: prev.node, offset: prev.nodeStart + prev.end - prev.start };
  }
  const run = runs[firstRunEndingAfter(runs, offset)];
  if (!run) return { node: last.node, offset: last.nodeStart + last.end - last.start };
  const at = Math.max(offset, run.start);
  return { node: run.node, offset: run.nodeStart + at - run.start };
}
