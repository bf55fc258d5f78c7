import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createInjectionLimit,
  createRateLimiter,
  READER_INJECTION_WINDOW_MS,
  READER_INJECTIONS_PER_TAB_WINDOW,
  READER_INJECTIONS_PER_WINDOW,
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

describe('createInjectionLimit', () => {
  it('a reader opening one document after another in one tab is never held up', () => {
    // Was: one budget per tab, so the seventh notice opened within 10 s waited for the window.
    const limit = createInjectionLimit();
    const granted = Array.from({ length: 12 }, (_, i) => limit.take(7, `doc-${i}`, 1_000 + i * 700));
    expect(granted.every(Boolean)).toBe(true);
    expect(limit.retryIn(7, 'doc-12', 1_000 + 12 * 700)).toBe(0);
  });

  it('a page forcing re-injections gets a bounded number; a page navigating itself in a loop too', () => {
    const limit = createInjectionLimit();
    const again = Array.from({ length: 20 }, (_, i) => limit.take(7, 'same', 1_000 + i * 400)).filter(Boolean).length;
    expect(again).toBe(READER_INJECTIONS_PER_WINDOW);
    const loop = Array.from({ length: 60 }, (_, i) => limit.take(8, `load-${i}`, 1_000 + i * 100)).filter(
      Boolean,
    ).length;
    expect(loop).toBe(READER_INJECTIONS_PER_TAB_WINDOW);
    expect(limit.retryIn(8, 'load-60', 7_000)).toBeGreaterThan(0);
  });

  it('without a document id (Firefox) the tab has one budget, as before; a closed tab is forgotten', () => {
    const limit = createInjectionLimit(2, 5, 1_000);
    expect([limit.take(1, undefined, 0), limit.take(1, undefined, 10), limit.take(1, undefined, 20)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limit.retryIn(1, undefined, 20)).toBe(980);
    expect(limit.take(2, undefined, 20)).toBe(true);
    limit.forget(1);
    expect(limit.take(1, undefined, 30)).toBe(true);
  });

  it('never grants more than the limits within any window, whatever the documents and timing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30_000 }),
            fc.constantFrom(1, 2),
            fc.constantFrom('a', 'b', 'c', undefined),
          ),
          { maxLength: 300 },
        ),
        (asks) => {
          const limit = createInjectionLimit();
          const grants = [...asks].sort((x, y) => x[0] - y[0]).filter(([at, tab, doc]) => limit.take(tab, doc, at));
          for (const [at, tab, doc] of grants) {
            const later = grants.filter((g) => g[0] >= at && g[0] < at + READER_INJECTION_WINDOW_MS && g[1] === tab);
            expect(later.length).toBeLessThanOrEqual(READER_INJECTIONS_PER_TAB_WINDOW);
            expect(later.filter((g) => g[2] === doc).length).toBeLessThanOrEqual(READER_INJECTIONS_PER_WINDOW);
          }
        },
      ),
    );
  });
});
