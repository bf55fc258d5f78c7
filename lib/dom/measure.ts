// Measures where the article's lines sit on the page, turning the text model into scroll landmarks.
import type { TextModel } from '../document/types';
import type { Landmark } from '../reading/geometry';
import { textRange } from './ranges';

/**
 * One landmark per logical line plus the article's end. Reads layout for every line,
 * so callers run it once per layout change (idle time, resize), never per scroll.
 */
export function measureLandmarks(model: TextModel, win: Window): Landmark[] {
  const scrollY = win.scrollY;
  const landmarks: Landmark[] = [];
  let lastTop = -Infinity;
  for (const block of model.blocks) {
    if (block.end <= block.start) continue;
    const rect = textRange(model, block.start, Math.min(block.end, block.start + 1)).getBoundingClientRect();
    // Hidden lines measure as 0×0 at the origin; skip them rather than break monotony.
    if (rect.width === 0 && rect.height === 0) continue;
    const top = rect.top + scrollY;
    if (top < lastTop) continue;
    landmarks.push({ offset: block.start, top });
    lastTop = top;
  }
  const rootRect = model.root.getBoundingClientRect();
  const bottom = Math.max(lastTop, rootRect.bottom + scrollY);
  landmarks.push({ offset: model.text.length, top: Number.isFinite(bottom) ? bottom : 0 });
  return landmarks;
}
