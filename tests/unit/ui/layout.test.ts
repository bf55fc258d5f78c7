// Placement of the rail and the panel: in the margin the text leaves, never over the text where any margin exists.
import { describe, expect, it } from 'vitest';
import { placeReader, type LayoutInput, type Placement } from '../../../lib/ui/layout';
import { PANEL_MIN } from '../../../lib/prefs/panel-prefs';

/** A portal column of `column` px centred in a `vw` px window, text inset `pad` px on both sides. */
function centred(
  vw: number,
  column: number,
  pad = 40,
  side: 'left' | 'right' = 'right',
  panelWidth = 300,
): LayoutInput {
  const left = Math.max(0, (vw - column) / 2);
  return {
    viewportWidth: vw,
    viewportHeight: 768,
    top: 64,
    text: { left: left + pad, right: Math.min(vw, left + column) - pad },
    side,
    panelWidth,
  };
}

const overlaps = (a: { left: number; width: number }, text: { left: number; right: number }) =>
  a.left < text.right && a.left + a.width > text.left;

describe('placeReader', () => {
  it.each([
    [1366, 1200],
    [1280, 1200],
    [1093, 1200], // 1366 at 125 % zoom
    [1024, 1000],
    [1920, 1200],
  ])('keeps the rail off the text at %i px with a %i px column', (vw, column) => {
    const input = centred(vw, column);
    const { rail } = placeReader(input);
    expect(rail.clear).toBe(true);
    expect(overlaps(rail, input.text!)).toBe(false);
    expect(rail.left).toBeGreaterThanOrEqual(0);
    expect(rail.left + rail.width).toBeLessThanOrEqual(vw);
  });

  it('puts the panel beside the text on a wide window, and over the edge (on request) on a laptop', () => {
    const wide = placeReader(centred(1920, 1200));
    expect(wide.panel.beside).toBe(true);
    expect(overlaps(wide.panel, centred(1920, 1200).text!)).toBe(false);
    const laptop: Placement = placeReader(centred(1366, 1200));
    expect(laptop.panel.beside).toBe(false);
    expect(laptop.panel.width).toBeGreaterThanOrEqual(PANEL_MIN);
    expect(laptop.panel.left + laptop.panel.width).toBeLessThanOrEqual(1366);
  });

  it('takes the other side when only that side has room for the panel', () => {
    const input: LayoutInput = {
      viewportWidth: 1600,
      viewportHeight: 900,
      top: 0,
      text: { left: 400, right: 1450 },
      side: 'right',
      panelWidth: 300,
    };
    const { panel } = placeReader(input);
    expect(panel).toMatchObject({ side: 'left', beside: true });
    expect(panel.left + panel.width).toBeLessThanOrEqual(400);
  });

  it('narrows the panel to the margin it has rather than cover text', () => {
    const input: LayoutInput = {
      viewportWidth: 1600,
      viewportHeight: 900,
      top: 0,
      text: { left: 200, right: 1320 },
      side: 'right',
      panelWidth: 420,
    };
    const { panel } = placeReader(input);
    expect(panel.beside).toBe(true);
    expect(panel.width).toBeLessThan(420);
    expect(panel.left).toBeGreaterThanOrEqual(1320);
    expect(panel.left + panel.width).toBeLessThanOrEqual(1600);
  });

  it('stays below a fixed header and inside the window height', () => {
    const { rail, panel } = placeReader(centred(1366, 1200));
    expect(rail.top).toBeGreaterThanOrEqual(64);
    expect(panel.top + panel.maxHeight).toBeLessThanOrEqual(768);
  });

  it('says so when no margin is left at all, and still stays in the window', () => {
    const input: LayoutInput = {
      viewportWidth: 1000,
      viewportHeight: 700,
      top: 0,
      text: { left: 0, right: 1000 },
      side: 'left',
      panelWidth: 300,
    };
    const { rail } = placeReader(input);
    expect(rail.clear).toBe(false);
    expect(rail.left).toBeGreaterThanOrEqual(0);
  });

  it('never counts a laptop-width margin as free: rail only at 1366 even with a narrow column', () => {
    // An 800 px article in a 1366 px window leaves 283 px each side: room for the panel by width,
    // but on a portal that is its menu and 通知公告 column.
    const input = centred(1366, 800, 0);
    expect(placeReader(input).panel.beside).toBe(false);
    expect(placeReader({ ...input, viewportWidth: 1367, text: { left: 283, right: 1084 } }).panel.beside).toBe(true);
  });

  it("opens an overlay panel on the rail's side, and on the side the reader moved it to", () => {
    // 125 % zoom: the column leaves room for the rail on the left only.
    const input: LayoutInput = {
      viewportWidth: 1093,
      viewportHeight: 614,
      top: 0,
      text: { left: 60, right: 1075 },
      side: 'right',
      panelWidth: 300,
    };
    const placed = placeReader(input);
    expect(placed.rail.side).toBe('left');
    expect(placed.panel).toMatchObject({ side: 'left', beside: false, left: 8 });
    // Moved right (the side already stored): it goes right.
    expect(placeReader({ ...input, sideFixed: true }).panel.side).toBe('right');
    expect(placeReader({ ...input, side: 'left', sideFixed: true }).panel.side).toBe('left');
  });

  it('keeps a moved panel on its side even where only the other side has room beside', () => {
    const input: LayoutInput = {
      viewportWidth: 1600,
      viewportHeight: 900,
      top: 0,
      text: { left: 400, right: 1450 },
      side: 'right',
      panelWidth: 300,
      sideFixed: true,
    };
    expect(placeReader(input).panel).toMatchObject({ side: 'right', beside: false });
  });

  it('opens over a margin that holds it whole rather than over the right-aligned 落款 at the text’s edge', () => {
    // 1366 px: a 1200 px portal with a 通知公告 column on the left; the article's text runs 403–1227.
    const input: LayoutInput = {
      viewportWidth: 1351,
      viewportHeight: 768,
      top: 60,
      text: { left: 403, right: 1227 },
      side: 'right',
      panelWidth: 300,
    };
    const placed = placeReader(input);
    expect(placed.panel.beside).toBe(false);
    expect(placed.rail.side).toBe('left');
    expect(placed.panel).toMatchObject({ side: 'left', left: 8 });
    expect(overlaps(placed.panel, input.text!)).toBe(false);
    expect(overlaps(placed.rail, input.text!)).toBe(false);
    // A centred column with narrow margins both sides: the rail stays on the chosen side.
    expect(placeReader(centred(1366, 1200)).rail.side).toBe('right');
    // Moved by the reader: on its side, whatever it covers.
    expect(placeReader({ ...input, sideFixed: true }).panel.side).toBe('right');
    // A panel too wide for that margin: as before, on the chosen side.
    expect(placeReader({ ...input, panelWidth: 420 }).rail.side).toBe('right');
  });
});
