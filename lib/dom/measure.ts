// Measures where the article's lines sit on the page, turning the text model into scroll landmarks.
import type { TextModel } from '../document/types';
import type { Landmark } from '../reading/geometry';
import { textRange } from './ranges';
import { drain } from '../document/steps';

/**
 * One landmark per logical line plus the article's end, and one at each of `exact` (offsets
 * whose position must be known to the pixel, such as a resume target). Reads layout for
 * every line, so callers run it once per layout change, never per scroll.
 */
export function measureLandmarks(model: TextModel, win: Window, exact: readonly number[] = []): Landmark[] {
  return drain(measureLandmarksSteps(model, win, exact));
}

/**
 * measureLandmarks() as work that yields after each line (lib/startup/slices.ts). Tops are taken
 * relative to the document (the scroll position read with each one), so scrolling between slices
 * does not move them.
 */
export function* measureLandmarksSteps(
  model: TextModel,
  win: Window,
  exact: readonly number[] = [],
): Generator<void, Landmark[], void> {
  let scrollY = win.scrollY;
  const landmarks: Landmark[] = [];
  let lastTop = -Infinity;
  const extra = exact.filter((o) => o >= 0 && o < model.text.length).sort((a, b) => a - b);
  let next = 0;
  const add = (offset: number) => {
    const rect = textRange(model, offset, offset + 1).getBoundingClientRect();
    // Hidden lines measure as 0×0 at the origin; skip them rather than break monotony.
    if (rect.width === 0 && rect.height === 0) return;
    const top = rect.top + scrollY;
    if (top < lastTop) return;
    landmarks.push({ offset, top });
    lastTop = top;
  };
  for (const block of model.blocks) {
    if (block.end <= block.start) continue;
    while (next < extra.length && extra[next]! <= block.start) {
      const offset = extra[next++]!;
      if (offset !== block.start) add(offset); // a block start is measured below anyway
    }
    add(block.start);
    yield;
    scrollY = win.scrollY; // the reader may have scrolled while the page had its turn
  }
  while (next < extra.length) add(extra[next++]!);
  const rootRect = model.root.getBoundingClientRect();
  const bottom = Math.max(lastTop, rootRect.bottom + scrollY);
  landmarks.push({ offset: model.text.length, top: Number.isFinite(bottom) ? bottom : 0 });
  return landmarks;
}
