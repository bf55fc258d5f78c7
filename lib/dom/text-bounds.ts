// Where the article's text lies across the viewport: the left and right edges of its lines,
// so the reader's UI can sit in the margin without covering any of it. One layout read per
// sampled line; callers run it once per layout change, never per scroll.
import type { TextModel } from '../document/types';
import type { TextBounds } from '../ui/layout';
import { textRange } from './ranges';
import { drain } from '../document/steps';

/** Lines measured at most: enough to find the widest line of any common layout, bounded for huge pages. */
const SAMPLE_BLOCKS = 160;

export function measureTextBounds(model: TextModel, sample = SAMPLE_BLOCKS): TextBounds | null {
  return drain(measureTextBoundsSteps(model, sample));
}

/**
 * measureTextBounds() as work that yields after each line (lib/startup/slices.ts). The edges are
 * relative to the viewport's left, which vertical scrolling between slices does not move.
 */
export function* measureTextBoundsSteps(
  model: TextModel,
  sample = SAMPLE_BLOCKS,
): Generator<void, TextBounds | null, void> {
  const blocks = model.blocks.filter((b) => b.end > b.start);
  if (blocks.length === 0) return null;
  const step = Math.max(1, Math.ceil(blocks.length / sample));
  let left = Infinity;
  let right = -Infinity;
  const visit = (index: number) => {
    const block = blocks[index]!;
    for (const rect of textRange(model, block.start, block.end).getClientRects()) {
      if (rect.width <= 0 || rect.height <= 0) continue;
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
    }
  };
  for (let i = 0; i < blocks.length; i += step) {
    visit(i);
    yield;
  }
  if (step > 1) visit(blocks.length - 1);
  return Number.isFinite(left) && Number.isFinite(right) ? { left: Math.floor(left), right: Math.ceil(right) } : null;
}

/**
 * The attribute the extension's own attachment viewer puts on the sheet its text is set on: the
 * sheet's white margins belong to the page as much as its text, so the UI keeps clear of the
 * whole sheet. Honoured on extension pages only (a portal cannot move the reader with it).
 */
export const SHEET_ATTRIBUTE = 'data-gongwen-sheet';

/** `text` widened to the sheet that holds `root`, when there is one; else `text` as it is. */
export function boundsWithSheet(root: Element, text: TextBounds | null): TextBounds | null {
  const sheet = root.closest(`[${SHEET_ATTRIBUTE}]`);
  if (!sheet || !text) return text;
  const box = sheet.getBoundingClientRect();
  if (box.width <= 0) return text;
  return { left: Math.floor(Math.min(text.left, box.left)), right: Math.ceil(Math.max(text.right, box.right)) };
}
