import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRateLimiter, READER_INJECTION_WINDOW_MS, READER_INJECTIONS_PER_WINDOW,
} from '../../../lib/background/injection-limit';

describe('createRateLimiter', () => {
  it('a page forcing 20 re-injections in 8 s gets a bounded number', () => {
    const limiter = createRateLimiter();
    const granted = Array.from({ length: 20 }, (_, i) => limiter.take(7, 1_000 + i * 400)).filter(Boolean).length;
    expect(granted).toBe(READER_INJECTIONS_PER_WINDOW);
    expect(granted).toBeLessThan(10);
  });

  it('keeps tabs apart, and gives a tab more once its window has passed', () => {
    const limiter = createRateLimiter(2, 1_000);
    expect([limiter.take(1, 0), limiter.take(1, 10), limiter.take(1, 20)]).toEqual([true, true, false]);
    expect(limiter.take(2, 20)).toBe(true);
    expect(limiter.take(1, 999)).toBe(false);
    expect(limiter.take(1, 1_000)).toBe(true); // the grant at 0 has left the window
    expect(limiter.retryIn(1, 1_000)).toBe(10); // the grant at 10 leaves the window at 1 010
    expect(limiter.retryIn(2, 1_000)).toBe(0);
    limiter.forget(1);
    expect(limiter.take(1, 1_001)).toBe(true);
  });

  it('never grants more than the limit within any window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 200 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b);
        const limiter = createRateLimiter();
        const grants = times.filter((at) => limiter.take('tab', at));
        for (const at of grants) {
          const inWindow = grants.filter((g) => g >= at && g < at + READER_INJECTION_WINDOW_MS).length;
          expect(inWindow).toBeLessThanOrEqual(READER_INJECTIONS_PER_WINDOW);
        }
        // A refusal is only ever given when the window is full.
        if (times.length > 0) expect(grants[0]).toBe(times[0]);
      }),
    );
  });
});
