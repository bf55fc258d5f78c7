import { describe, expect, it } from 'vitest';
import { lastIndexWhere } from '../../../lib/sorted/last-index-where';

describe('lastIndexWhere', () => {
  it('finds the end of the prefix where the test holds', () => {
    const xs = [1, 3, 5, 7, 9];
    expect(lastIndexWhere(xs, (x) => x <= 0)).toBe(-1);
    expect(lastIndexWhere(xs, (x) => x <= 1)).toBe(0);
    expect(lastIndexWhere(xs, (x) => x <= 6)).toBe(2);
    expect(lastIndexWhere(xs, (x) => x <= 100)).toBe(4);
    expect(lastIndexWhere([], () => true)).toBe(-1);
  });

  it('agrees with a linear scan on every prefix length', () => {
    for (let n = 0; n < 40; n++) {
      const xs = Array.from({ length: n }, (_, i) => i * 2);
      for (let v = -1; v <= 2 * n; v++) {
        const linear = xs.reduce((found, x, i) => (x <= v ? i : found), -1);
        expect(lastIndexWhere(xs, (x) => x <= v)).toBe(linear);
      }
    }
  });
});
