// TextModel string offsets as DOM Ranges; the offset → text-node point under them is
// lib/document/dom-point.ts (detection uses it too).
import { domPoint } from '../document/dom-point';
import type { TextModel } from '../document/types';

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
