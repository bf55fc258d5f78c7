// Where the reader's UI goes on a page: a slim rail of the document's parts in the margin the
// article's text leaves, and the full panel beside the text when it fits, over the margin and
// the text's edge (on request only, on the rail's side) when it does not. On a window of a
// laptop's width or less the margin beside the article holds the portal's own navigation (menu,
// 通知公告, the college name at 125 %), so there the panel is never "beside": rail only until asked.
// Asked there, it opens over a margin that holds it whole when one side has one (a portal's side
// column), rail and panel both, rather than over the text's edge on the other side: that edge holds
// the right-aligned 落款 (issuer and date), which the panel would hide entirely.
// Pure: the numbers come from measuring.
import { clampPanelWidth, PANEL_MIN } from '../prefs/panel-prefs';

export type Side = 'left' | 'right';

/** Where the article's text lies, in viewport CSS px (the union of its lines' boxes). */
export interface TextBounds {
  readonly left: number;
  readonly right: number;
}

export interface LayoutInput {
  /** The viewport's width without its scrollbar (documentElement.clientWidth). */
  readonly viewportWidth: number;
  readonly viewportHeight: number;
  /** Distance from the viewport's top the UI keeps clear (fixed page header). */
  readonly top: number;
  /** Where the text is; null when it could not be measured (treated as the whole width). */
  readonly text: TextBounds | null;
  /** The side the reader chose. */
  readonly side: Side;
  /** The panel width the reader chose. */
  readonly panelWidth: number;
  /** The reader moved the panel on this page: it goes on `side`, whatever the room there. */
  readonly sideFixed?: boolean;
}

export interface Box {
  readonly side: Side;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  /** The most height it may take (it may ask for less). */
  readonly maxHeight: number;
}

export interface Placement {
  readonly rail: Box & {
    /** False when even the narrowest rail overlaps the text (no margin at all). */
    readonly clear: boolean;
  };
  readonly panel: Box & {
    /** True when the panel fits beside the text without covering any of it. */
    readonly beside: boolean;
  };
}

export const RAIL_MIN = 32;
export const RAIL_MAX = 48;
/** Breathing room between the UI and the text, and between the UI and the window's edge. */
export const GAP = 12;
export const EDGE = 8;
/** The least room kept at each side of a rail squeezed into a narrow margin. */
const TIGHT = 2;
/**
 * The narrowest window (CSS px) where a margin wide enough for the panel is taken to be free. At a
 * laptop's 1366 px or less (and any zoom of it) the portal's navigation lives there.
 */
export const BESIDE_MIN_VIEWPORT = 1367;

/** Free width between the text and the window's edge on `side`. */
export function marginOn(side: Side, input: Pick<LayoutInput, 'viewportWidth' | 'text'>): number {
  const text = input.text ?? { left: 0, right: input.viewportWidth };
  return Math.max(0, side === 'left' ? text.left : input.viewportWidth - text.right);
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

export function placeReader(input: LayoutInput): Placement {
  const { viewportWidth: vw, viewportHeight: vh } = input;
  const text = input.text ?? { left: 0, right: vw };
  const top = Math.max(EDGE, Math.round(input.top) + EDGE);
  const maxHeight = Math.max(0, vh - top - EDGE);
  const margin = (side: Side) => marginOn(side, { viewportWidth: vw, text });

  // The panel beside the text: on the chosen side, or on the other side when only that one has room.
  const wanted = clampPanelWidth(input.panelWidth);
  const besideRoom = (side: Side) => (vw < BESIDE_MIN_VIEWPORT ? 0 : margin(side) - GAP - EDGE);
  const fits = (side: Side) => besideRoom(side) >= PANEL_MIN;
  const fitSide = fits(input.side)
    ? input.side
    : !input.sideFixed && fits(other(input.side))
      ? other(input.side)
      : null;
  // Where it cannot be beside, it opens over the margin, as wide as chosen but never wider than the window.
  const overlayWidth = Math.max(Math.min(PANEL_MIN, vw - 2 * EDGE), Math.min(wanted, vw - 2 * EDGE));
  /** The overlay on this side lies wholly in the margin: it covers none of the text. */
  const overlayClear = (side: Side) => margin(side) >= overlayWidth + EDGE;

  // The rail: the chosen side when a rail fits there, else the roomier side. Where the panel opens
  // over the margin (it opens on the rail's side), the side where it covers no text, when only the
  // other side has one, and the reader has not moved it.
  const railRoom = (side: Side) => margin(side) - 2 * TIGHT;
  const clearElsewhere =
    !fitSide &&
    !input.sideFixed &&
    !overlayClear(input.side) &&
    overlayClear(other(input.side)) &&
    railRoom(other(input.side)) >= RAIL_MIN;
  const railSide = clearElsewhere
    ? other(input.side)
    : railRoom(input.side) >= RAIL_MIN
      ? input.side
      : railRoom(other(input.side)) >= RAIL_MIN
        ? other(input.side)
        : input.side;
  const railWidth = Math.round(Math.min(RAIL_MAX, Math.max(RAIL_MIN, railRoom(railSide))));
  const railClear = railRoom(railSide) >= RAIL_MIN;
  // Close to the text where the margin is wide, at the window's edge where it is narrow.
  const edge = margin(railSide) >= railWidth + GAP + EDGE ? EDGE : TIGHT;
  const railLeft =
    railSide === 'right'
      ? Math.min(text.right + GAP, vw - edge - railWidth)
      : Math.max(text.left - GAP - railWidth, edge);

  let panel: Placement['panel'];
  if (fitSide) {
    const width = Math.min(wanted, Math.floor(besideRoom(fitSide)));
    const left =
      fitSide === 'right' ? Math.min(text.right + GAP, vw - EDGE - width) : Math.max(EDGE, text.left - GAP - width);
    panel = { side: fitSide, left, top, width, maxHeight, beside: true };
  } else {
    // Over the margin and the text's edge, as wide as chosen but never wider than the window; on
    // the rail's side (where the reader asked for it), unless the reader moved it.
    const side = input.sideFixed ? input.side : railSide;
    const left = side === 'right' ? vw - EDGE - overlayWidth : EDGE;
    panel = { side, left, top, width: overlayWidth, maxHeight, beside: false };
  }
  return {
    rail: { side: railSide, left: Math.round(railLeft), top, width: railWidth, maxHeight, clear: railClear },
    panel: { ...panel, left: Math.round(panel.left) },
  };
}
