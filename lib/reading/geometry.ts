// Where text offsets sit on the page: a few measured landmarks, interpolated in between.
// Measured once per layout change, so scrolling only compares numbers (no layout reads).
import { lastIndexWhere } from '../sorted/last-index-where';

export interface Landmark {
  /** Offset in the article text. */
  readonly offset: number;
  /** Document-absolute y (CSS px) of that offset's line top. */
  readonly top: number;
}

/** Index of the last landmark whose top is at or above y, or -1. Landmarks are sorted by offset. */
export function lastLandmarkAtOrAbove(landmarks: readonly Landmark[], y: number): number {
  return lastIndexWhere(landmarks, (mark) => mark.top <= y);
}

/** Text offset shown at document y, interpolating linearly between neighbouring landmarks. */
export function offsetAtY(landmarks: readonly Landmark[], y: number): number {
  if (landmarks.length === 0) return 0;
  const i = lastLandmarkAtOrAbove(landmarks, y);
  if (i < 0) return landmarks[0]!.offset;
  const a = landmarks[i]!;
  const b = landmarks[i + 1];
  if (!b || b.top <= a.top) return a.offset;
  const share = Math.min(1, (y - a.top) / (b.top - a.top));
  return Math.round(a.offset + share * (b.offset - a.offset));
}

/** Document y of a text offset, interpolating between landmarks (inverse of offsetAtY). */
export function yAtOffset(landmarks: readonly Landmark[], offset: number): number {
  if (landmarks.length === 0) return 0;
  const i = lastIndexWhere(landmarks, (mark) => mark.offset <= offset);
  if (i < 0) return landmarks[0]!.top;
  const a = landmarks[i]!;
  const b = landmarks[i + 1];
  if (!b || b.offset <= a.offset) return a.top;
  return a.top + ((offset - a.offset) / (b.offset - a.offset)) * (b.top - a.top);
}
