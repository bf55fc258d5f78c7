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
