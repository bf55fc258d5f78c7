// keepInView scrolls the outline itself (never the page) so the current row shows.
import { describe, expect, it } from 'vitest';
import { keepInView } from '../../../lib/dom/keep-in-view';

function rect(top: number, height: number): DOMRect {
  return { top, bottom: top + height, height, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
}

/** A scroller showing [100, 500) on screen, and a row at `rowTop` (screen px) of `rowHeight`. */
function setup(rowTop: number, rowHeight = 30, scrollTop = 1000) {
  const scroller = document.createElement('div');
  const row = document.createElement('div');
  scroller.append(row);
  let top = scrollTop;
  Object.defineProperty(scroller, 'scrollTop', { get: () => top, set: (v: number) => (top = v) });
  scroller.getBoundingClientRect = () => rect(100, 400);
  row.getBoundingClientRect = () => rect(rowTop, rowHeight);
  return { scroller, row, scrollTop: () => top };
}

describe('keepInView', () => {
  it('leaves a row that is already in sight alone', () => {
    const s = setup(300);
    keepInView(s.scroller, s.row);
    expect(s.scrollTop()).toBe(1000);
  });

  it('brings a row from above or below to a third of the way down', () => {
    const third = 100 + 400 / 3;
    const above = setup(40);
    keepInView(above.scroller, above.row);
    expect(above.scrollTop()).toBeCloseTo(1000 - (third - 40));
    const below = setup(600);
    keepInView(below.scroller, below.row);
    expect(below.scrollTop()).toBeCloseTo(1000 + (600 - third));
  });

  it('treats a row cut by either edge as out of sight', () => {
    const s = setup(480); // bottom at 510, past the 500 edge
    keepInView(s.scroller, s.row);
    expect(s.scrollTop()).not.toBe(1000);
  });

  it('shows the top of a row taller than the scroller', () => {
    const s = setup(600, 900);
    keepInView(s.scroller, s.row);
    expect(s.scrollTop()).toBe(1000 + (600 - 100 - 8));
  });

  it('does nothing while the panel is folded (no size)', () => {
    const s = setup(600);
    s.scroller.getBoundingClientRect = () => rect(0, 0);
    keepInView(s.scroller, s.row);
    expect(s.scrollTop()).toBe(1000);
  });
});
