// The only place that maps TextModel string offsets back to the DOM (text node points,
// Ranges, block elements), by binary search over the model's runs and blocks.
import type { TextModel, TextRun } from '../document/types';
import { lastIndexWhere } from '../sorted/last-index-where';

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

/** A DOM Range covering model text [start, end); collapsed at `start` when empty. */
export function textRange(model: TextModel, start: number, end: number): Range {
  const range = (model.root.ownerDocument ?? document).createRange();
  const a = domPoint(model, start, 'forward');
  range.setStart(a.node, a.offset);
  if (end > start) {
    const b = domPoint(model, end, 'backward');
    range.setEnd(b.node, b.offset);
  }
  if (range.collapsed) range.setEnd(a.node, a.offset);
  return range;
}

/** The block element of the line containing `offset`; a separator (and the text end) snaps to a line. */
export function blockElementAt(model: TextModel, offset: number): Element {
  const blocks = model.blocks;
  const i = lastIndexWhere(blocks, (block) => block.end <= offset) + 1;
  return (blocks[i] ?? blocks[blocks.length - 1])?.element ?? model.root;
}
