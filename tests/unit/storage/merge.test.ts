// Merging two copies of a record: commutative, idempotent, tombstones and resets respected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRecords } from '../../../lib/storage/merge';
import { emptyRecord, type Bookmark, type DocRecord } from '../../../lib/storage/schema';

const ID = 'fp:0123456789abcdef';

function record(patch: Partial<DocRecord>): DocRecord {
  return { ...emptyRecord(ID, 1000), ...patch };
}

function bookmark(sectionId: string, updatedAt: number, extra: Partial<Bookmark> = {}): Bookmark {
  return { sectionId, heading: sectionId, note: '', createdAt: 1, updatedAt, ...extra };
}

const sectionId = fc.constantFrom('p1', 'p2', 'p1.k1', 'p2.k2', 'p3');
const time = fc.integer({ min: 0, max: 50 });
const bookmarkArb = fc.record({
  sectionId,
  heading: fc.constantFrom('一、甲', '二、乙', ''),
  note: fc.string({ maxLength: 5 }),
  createdAt: time,
  updatedAt: time,
  deleted: fc.option(fc.constant(true as const), { nil: undefined }),
});

const recordArb: fc.Arbitrary<DocRecord> = fc
  .record({
    title: fc.option(fc.constantFrom('通知', '倡议书'), { nil: null }),
    issuer: fc.option(fc.constantFrom('学院', '党委'), { nil: null }),
    urls: fc.uniqueArray(fc.constantFrom('https://a.cn/1', 'https://b.cn/2', 'https://c.cn/3'), { maxLength: 3 }),
    textLength: fc.integer({ min: 0, max: 5000 }),
    furthest: fc.integer({ min: 0, max: 5000 }),
    percent: fc.integer({ min: 0, max: 100 }),
    readSections: fc.uniqueArray(sectionId, { maxLength: 4 }),
    ledger: fc.dictionary(sectionId, fc.integer({ min: 1, max: 400 }), { maxKeys: 4 }),
    bookmarks: fc.array(bookmarkArb, { maxLength: 4 }),
    lastReadAt: time,
    updatedAt: time,
    resetAt: fc.constantFrom(0, 10, 20),
    position: fc.option(fc.record({ offset: fc.integer({ min: 0, max: 100 }), at: time }), { nil: undefined }),
  })
  .map((r) => {
    const base: DocRecord = {
      ...emptyRecord(ID),
      title: r.title,
      issuer: r.issuer,
      urls: r.urls,
      textLength: r.textLength,
      furthest: r.furthest,
      percent: r.percent,
      readSections: r.readSections,
      ledger: r.ledger,
      bookmarks: Object.fromEntries(
        r.bookmarks.map((b) => {
          const { deleted, ...rest } = b;
          return [b.sectionId, deleted ? { ...rest, deleted } : rest];
        }),
      ),
      lastReadAt: r.lastReadAt,
      updatedAt: r.updatedAt,
      resetAt: r.resetAt,
    };
    return r.position
      ? {
          ...base,
          lastPosition: {
            anchor: { sectionId: 'p1', quote: 'q', prefix: '', suffix: '', offset: r.position.offset },
            at: r.position.at,
          },
        }
      : base;
  });

describe('mergeRecords', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: merging a merged record with itself changes nothing', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const merged = mergeRecords(a, b);
        expect(mergeRecords(merged, merged)).toEqual(merged);
        // Merging again with an input adds nothing (URL order aside: newest-first is a display hint).
        const again = mergeRecords(merged, a);
        expect({ ...again, urls: [...again.urls].sort() }).toEqual({ ...merged, urls: [...merged.urls].sort() });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a consistent record unchanged when merged with itself', () => {
    const a = record({
      textLength: 1000,
      furthest: 300,
      percent: 30,
      readSections: ['p1'],
      ledger: { p1: 300 },
      urls: ['https://a.cn/x'],
      lastReadAt: 5000,
      bookmarks: { p1: bookmark('p1', 10) },
    });
    expect(mergeRecords(a, a)).toEqual(a);
  });

  it('takes the furthest offset, the most credit per segment, the union of read sections and the newest position', () => {
    const anchor = { sectionId: 'p1', quote: 'x', prefix: '', suffix: '', offset: 0 };
    const a = record({
      textLength: 1000,
      furthest: 900,
      percent: 45,
      ledger: { p1: 200, p2: 250 },
      readSections: ['p1', 'p2'],
      lastReadAt: 2000,
      lastPosition: { anchor: { ...anchor, offset: 900 }, at: 2000 },
    });
    const b = record({
      textLength: 1000,
      furthest: 400,
      percent: 20,
      ledger: { p2: 100, p3: 100 },
      readSections: ['p3', 'p1'],
      lastReadAt: 3000,
      lastPosition: { anchor: { ...anchor, offset: 400 }, at: 3000 },
    });
    const m = mergeRecords(a, b);
    expect(m.furthest).toBe(900);
    expect(m.ledger).toEqual({ p1: 200, p2: 250, p3: 100 });
    // The percent follows from the merged credit (550 of 1000), not from either side's percent.
    expect(m.percent).toBe(55);
    expect([...m.readSections].sort()).toEqual(['p1', 'p2', 'p3']);
    expect(m.lastPosition?.anchor.offset).toBe(400);
    expect(m.lastReadAt).toBe(3000);
  });

  it('lets a newer tombstone win and a newer re-bookmark beat an old tombstone', () => {
    const live = record({ bookmarks: { p1: bookmark('p1', 10, { note: 'keep' }), p2: bookmark('p2', 30) } });
    const removed = record({
      bookmarks: { p1: bookmark('p1', 20, { deleted: true }), p2: bookmark('p2', 25, { deleted: true }) },
    });
    const m = mergeRecords(live, removed);
    expect(m.bookmarks.p1?.deleted).toBe(true);
    expect(m.bookmarks.p2?.deleted).toBeUndefined();
  });

  it('lets a tombstone win a tie', () => {
    const a = record({ bookmarks: { p1: bookmark('p1', 20) } });
    const b = record({ bookmarks: { p1: bookmark('p1', 20, { deleted: true }) } });
    expect(mergeRecords(a, b).bookmarks.p1?.deleted).toBe(true);
    expect(mergeRecords(b, a).bookmarks.p1?.deleted).toBe(true);
  });

  it('drops progress recorded before a reset, keeps progress after it', () => {
    const stale = record({
      textLength: 1000,
      furthest: 900,
      percent: 90,
      ledger: { p1: 900 },
      readSections: ['p1'],
      lastReadAt: 2000,
    });
    const reset = record({ textLength: 1000, lastReadAt: 2000, resetAt: 2500, updatedAt: 2500 });
    const m = mergeRecords(stale, reset);
    expect(m).toMatchObject({ furthest: 0, percent: 0, readSections: [], ledger: {}, resetAt: 2500 });
    const fresh = record({
      textLength: 1000,
      furthest: 100,
      percent: 10,
      ledger: { p1: 100 },
      readSections: ['p1'],
      lastReadAt: 3000,
    });
    expect(mergeRecords(m, fresh)).toMatchObject({
      furthest: 100,
      percent: 10,
      ledger: { p1: 100 },
      readSections: ['p1'],
    });
  });

  it('recomputes a record from before the reading-time rule: its read sections stay, its furthest-seen percent goes', () => {
    const legacy = record({ textLength: 1000, furthest: 710, percent: 71, readSections: ['p1'], lastReadAt: 2000 });
    const now = record({ textLength: 1000, ledger: { p2: 30 }, lastReadAt: 3000 });
    expect(mergeRecords(legacy, now)).toMatchObject({ percent: 3, readSections: ['p1'], ledger: { p2: 30 } });
  });

  it('keeps credit only for the text it was earned on: the latest reader’s length', () => {
    const before = record({ textLength: 1000, ledger: { p1: 400, p3: 300 }, lastReadAt: 2000 });
    const edited = record({ textLength: 1200, ledger: { p1: 200 }, lastReadAt: 3000 });
    expect(mergeRecords(before, edited)).toMatchObject({ textLength: 1200, ledger: { p1: 200 }, percent: 16 });
  });

  it('joins URLs newest first and fills metadata missing on the newer side', () => {
    const older = record({ title: '通知', urls: ['https://a.cn/1'], updatedAt: 10 });
    const newer = record({ title: null, urls: ['https://a.cn/print/1', 'https://a.cn/1'], updatedAt: 20 });
    const m = mergeRecords(older, newer);
    expect(m.urls).toEqual(['https://a.cn/print/1', 'https://a.cn/1']);
    expect(m.title).toBe('通知');
  });
});
