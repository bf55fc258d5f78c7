// Where the article's text lies across the viewport: the left and right edges of its lines,
// so the reader's UI can sit in the margin without covering any of it. One layout read per
// sampled line; callers run it once per layout change, never per scroll.
import type { TextModel } from '../document/types';
import type { TextBounds } from '../ui/layout';
import { textRange } from './ranges';
import { drain } from '../document/steps';

/** Lines measured at most: enough to find the widest line of any common layout, bounded for huge pages. */
const SAMPLE_BLOCKS = 160;
/** Characters measured at each end of a longer line: ten lines or so of a column of text. */
export const BLOCK_END_CHARS = 400;

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
  const measure = (start: number, end: number) => {
    for (const rect of textRange(model, start, end).getClientRects()) {
      if (rect.width <= 0 || rect.height <= 0) continue;
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
    }
  };
  const visit = (index: number) => {
    const block = blocks[index]!;
    if (block.end - block.start <= 2 * BLOCK_END_CHARS) return measure(block.start, block.end);
    // A huge paragraph (issue 22: a heading of 100 000 characters) wraps into thousands of lines,
    // one rect each: its head and tail lines show its edges (a float beside its first lines
    // narrows only those), so the rest is not read.
    measure(block.start, block.start + BLOCK_END_CHARS);
    measure(block.end - BLOCK_END_CHARS, block.end);
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
