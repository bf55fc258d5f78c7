// The clear epoch: read only as a positive finite number; a record survives a clear only if
// something in it (its own times, a bookmark, a study mark, the resume point) changed after it.
import { describe, expect, it } from 'vitest';
import { clearEpochOf, latestChange, survivesClear } from '../../../../lib/storage/sync/clear-epoch';
import { emptyRecord } from '../../../../lib/storage/schema';

describe('clear epoch', () => {
  it('reads only a positive finite number', () => {
    expect(clearEpochOf(1234)).toBe(1234);
    for (const bad of [undefined, null, '1234', -5, 0, Number.NaN, Infinity, { at: 1 }])
      expect(clearEpochOf(bad)).toBe(0);
  });

  it('takes the latest change anywhere in the record', () => {
    const base = emptyRecord('fp:0000000000000001', 100);
    expect(latestChange(base)).toBe(100);
    expect(
      latestChange({
        ...base,
        bookmarks: { p1: { sectionId: 'p1', heading: 'h', note: '', createdAt: 50, updatedAt: 500 } },
      }),
    ).toBe(500);
    expect(latestChange({ ...base, study: { p1: { state: 'known', heading: 'h', terms: [], updatedAt: 700 } } })).toBe(
      700,
    );
    expect(latestChange({ ...base, resetAt: 900 })).toBe(900);
  });

  it('lets through only what changed after the clear, and everything when there was none', () => {
    const before = emptyRecord('fp:0000000000000001', 100);
    const after = emptyRecord('fp:0000000000000002', 300);
    expect(survivesClear(before, 0)).toBe(true);
    expect(survivesClear(before, 200)).toBe(false);
    expect(survivesClear(before, 100)).toBe(false);
    expect(survivesClear(after, 200)).toBe(true);
  });
});
