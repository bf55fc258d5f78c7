// keepInView scrolls the outline itself (never the page) so the current row shows.
import { describe, expect, it } from 'vitest';
import { focusPlace, keepInView, shouldFollowCurrent } from '../../../lib/dom/keep-in-view';

function rect(top: number, height: number): DOMRect {
  return {
    top,
    bottom: top + height,
    height,
    left: 0,
    right: 100,
    width: 100,
    x: 0,
    y: top,
    toJSON: () => ({}),
  } as DOMRect;
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

describe('shouldFollowCurrent', () => {
  const scroller = { top: 100, bottom: 700 }; // a 600 px panel

  it('follows while the outline fills the panel and focus is in it or outside the panel', () => {
    const outline = { top: 250, bottom: 3000 }; // a long outline below the header
    expect(shouldFollowCurrent(scroller, outline, 'away')).toBe(true);
    expect(shouldFollowCurrent(scroller, outline, 'outline')).toBe(true);
  });

  it('never follows while focus is in another part of the panel (a phrase chip, a note)', () => {
    expect(shouldFollowCurrent(scroller, { top: 250, bottom: 3000 }, 'panel')).toBe(false);
  });

  it('does not follow once the reader has scrolled the panel to the phrase list', () => {
    // Outline scrolled up: only its last 100 px show, the phrase list fills the rest.
    expect(shouldFollowCurrent(scroller, { top: -2200, bottom: 200 }, 'away')).toBe(false);
    // Outline out of view entirely.
    expect(shouldFollowCurrent(scroller, { top: -2500, bottom: 50 }, 'away')).toBe(false);
  });

  it('follows while what comes after the outline fills at most half of the panel', () => {
    expect(shouldFollowCurrent(scroller, { top: -2000, bottom: 400 }, 'away')).toBe(true); // 300 of 600 below
    expect(shouldFollowCurrent(scroller, { top: -2000, bottom: 399 }, 'away')).toBe(false);
  });

  it('follows when a tall header hides the outline from above (a short window)', () => {
    // Header and progress take the first 360 px of a 390 px panel: the outline starts below its view.
    expect(shouldFollowCurrent({ top: 76, bottom: 466 }, { top: 436, bottom: 1200 }, 'away')).toBe(true);
    expect(shouldFollowCurrent({ top: 76, bottom: 466 }, { top: 600, bottom: 1300 }, 'away')).toBe(true);
  });

  it('does nothing for a folded panel', () => {
    expect(shouldFollowCurrent({ top: 0, bottom: 0 }, { top: 0, bottom: 0 }, 'away')).toBe(false);
  });
});

describe('focusPlace', () => {
  function build() {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const panel = document.createElement('aside');
    const outline = document.createElement('nav');
    const link = document.createElement('a');
    link.href = '#';
    const chip = document.createElement('button');
    outline.append(link);
    panel.append(outline, chip);
    shadow.append(panel);
    const page = document.createElement('button');
    document.body.append(page);
    panel.getBoundingClientRect = () => rect(100, 400);
    chip.getBoundingClientRect = () => rect(300, 28);
    return { host, panel, outline, link, chip, page, done: () => (host.remove(), page.remove()) };
  }

  it('tells the outline, the rest of the panel and the page apart, inside a shadow root too', () => {
    const { panel, outline, link, chip, page, done } = build();
    link.focus();
    expect(focusPlace(outline, panel)).toBe('outline');
    chip.focus();
    expect(focusPlace(outline, panel)).toBe('panel');
    page.focus();
    expect(focusPlace(outline, panel)).toBe('away');
    done();
  });

  it("counts focus left on a control scrolled out of the panel's view as away", () => {
    const { panel, outline, chip, done } = build();
    chip.focus();
    chip.getBoundingClientRect = () => rect(900, 28); // the reader scrolled back up to the outline
    expect(focusPlace(outline, panel)).toBe('away');
    chip.getBoundingClientRect = () => rect(80, 28); // partly showing at the top edge: still in use
    expect(focusPlace(outline, panel)).toBe('panel');
    done();
  });
});
