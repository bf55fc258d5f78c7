import { describe, expect, it } from 'vitest';
import { lastLandmarkAtOrAbove, offsetAtY, yAtOffset, type Landmark } from '../../../lib/reading/geometry';

const marks: Landmark[] = [
  { offset: 0, top: 100 },
  { offset: 50, top: 200 },
  { offset: 150, top: 400 },
  { offset: 200, top: 500 },
];

describe('geometry', () => {
  it('finds the last landmark at or above a y', () => {
    expect(lastLandmarkAtOrAbove(marks, 50)).toBe(-1);
    expect(lastLandmarkAtOrAbove(marks, 100)).toBe(0);
    expect(lastLandmarkAtOrAbove(marks, 399)).toBe(1);
    expect(lastLandmarkAtOrAbove(marks, 10_000)).toBe(3);
  });

  it('interpolates offsets between landmarks and clamps at the ends', () => {
    expect(offsetAtY(marks, 0)).toBe(0);
    expect(offsetAtY(marks, 150)).toBe(25);
    expect(offsetAtY(marks, 300)).toBe(100);
    expect(offsetAtY(marks, 9_999)).toBe(200);
    expect(offsetAtY([], 10)).toBe(0);
  });

  it('maps offsets back to y as the inverse', () => {
    for (const y of [100, 150, 250, 300, 450]) expect(yAtOffset(marks, offsetAtY(marks, y))).toBeCloseTo(y, 0);
    expect(yAtOffset(marks, 500)).toBe(500);
  });
});
