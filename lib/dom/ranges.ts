// TextModel string offsets as DOM Ranges and block elements, by binary search over the model's
// blocks; the offset → text-node point itself is lib/document/dom-point.ts (detection uses it too).
import { domPoint } from '../document/dom-point';
import type { TextModel } from '../document/types';
import { lastIndexWhere } from '../sorted/last-index-where';

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
