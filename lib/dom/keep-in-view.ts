// Keeps one row of a scrolling list in sight by scrolling only that list, never the page: the
// outline of a long document follows the reader's place as the scroll-spy moves it.

/** Space kept between the row and the scroller's edge, in CSS px. */
const MARGIN = 8;

/**
 * Leaves `scroller` alone while `row` shows whole; otherwise scrolls it so the row sits a third
 * of the way down. Reading moves forward, so the rows that come next are then in sight too,
 * and the list scrolls once every few sections instead of on every one.
 */
export function keepInView(scroller: Element, row: Element): void {
  const box = scroller.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  if (box.height === 0 || r.height === 0) return; // folded or hidden: nothing to show
  if (r.top >= box.top + MARGIN && r.bottom <= box.bottom - MARGIN) return;
  const target = box.top + Math.max(MARGIN, Math.min(box.height / 3, box.height - r.height - MARGIN));
  scroller.scrollTop += r.top - target;
}

/** Where keyboard focus is, seen from the outline: in it, in another part of the panel, or outside the panel. */
export type FocusPlace = 'outline' | 'panel' | 'away';

interface Box {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Whether the outline may scroll its panel to the current row. Never while the reader is using
 * another part of the panel (focus in the key-phrase list, a note, a button), and never while they
 * have scrolled the panel down to what follows the outline (the key phrases fill more than half of
 * the panel's view): a jump from the phrase list must leave the list where it was. A header that
 * hides the outline from above (a short window) does not count: the outline still follows.
 */
export function shouldFollowCurrent(scroller: Box, outline: Box, focus: FocusPlace): boolean {
  if (focus === 'panel') return false;
  const height = scroller.bottom - scroller.top;
  if (height <= 0) return false;
  const belowOutline = scroller.bottom - Math.max(scroller.top, outline.bottom);
  return belowOutline <= height / 2;
}

/**
 * Where focus is relative to `outline` inside `panel`, read from the root (document or shadow root)
 * they live in. Focus left on a control the reader has since scrolled out of the panel's view
 * counts as 'away': they are no longer using it.
 */
export function focusPlace(outline: Element, panel: Element): FocusPlace {
  const root = outline.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (!active || !panel.contains(active)) return 'away';
  if (outline.contains(active)) return 'outline';
  const box = panel.getBoundingClientRect();
  const r = active.getBoundingClientRect();
  return r.bottom > box.top && r.top < box.bottom ? 'panel' : 'away';
}
