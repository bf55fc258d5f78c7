// The reader's own choices for its panel, as values with their ranges: width and text size.
// Shared by the stored settings (validation) and the layout (placement).

export const PANEL_MIN = 240;
export const PANEL_MAX = 480;
export const PANEL_DEFAULT = 300;

export function clampPanelWidth(width: number): number {
  if (!Number.isFinite(width)) return PANEL_DEFAULT;
  return Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, width)));
}

/** The text size steps of the reader's UI, in px of body text; the default is 14. */
export const TEXT_SIZES = [13, 14, 16, 18, 20] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const DEFAULT_TEXT_SIZE: TextSize = 14;

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'number' && (TEXT_SIZES as readonly number[]).includes(value);
}

/** The next size step up (1) or down (-1), staying at the ends. */
export function stepTextSize(size: TextSize, step: 1 | -1): TextSize {
  const at = TEXT_SIZES.indexOf(size);
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, at + step))]!;
}
