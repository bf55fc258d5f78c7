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
 * have scrolled the panel away from the outline (less than half of what the outline could show is
 * in view): a jump from the phrase list must leave the list where it was.
 */
export function shouldFollowCurrent(scroller: Box, outline: Box, focus: FocusPlace): boolean {
  if (focus === 'panel') return false;
  const visible = Math.min(scroller.bottom, outline.bottom) - Math.max(scroller.top, outline.top);
  const couldShow = Math.min(scroller.bottom - scroller.top, outline.bottom - outline.top);
  return couldShow > 0 && visible >= couldShow / 2;
}

/** Where focus is relative to `outline` inside `panel`, read from the root (document or shadow root) they live in. */
export function focusPlace(outline: Element, panel: Element): FocusPlace {
  const root = outline.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (!active || !panel.contains(active)) return 'away';
  return outline.contains(active) ? 'outline' : 'panel';
}
