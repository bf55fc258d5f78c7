// Study progress with the document record (DocRecord.study): validated on read with the path of a
// bad field, written through the one writer, merged per part (newest mark wins, order-independent),
// kept by a reset of reading progress and by export/import, and watched only when it changes.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { docKey, loadDocuments, recordProgress, resetProgress } from '../../../lib/storage/documents';
import { markStudy, watchDocumentStudy, watchStudy } from '../../../lib/storage/study';
import { installWriter } from '../../../lib/storage/writer';
import { mergeRecords } from '../../../lib/storage/merge';
import { exportJson, parseImport } from '../../../lib/storage/export-import';
import {
  HEADING_MAX,
  STUDY_TERMS_MAX,
  emptyRecord,
  parseDocRecord,
  validateDocRecord,
  type DocRecord,
  type StudyMark,
} from '../../../lib/storage/schema';

const D = 'fp:00112233445566aa';

const studied: DocRecord = {
  ...emptyRecord(D, 10),
  study: { p1: { state: 'again', heading: '一、甲', terms: ['四个意识'], updatedAt: 20 } },
};

describe('validation of study progress', () => {
  it('accepts a record with study marks as it is, and one without them (older records)', () => {
    expect(parseDocRecord(JSON.parse(JSON.stringify(studied)))).toEqual(studied);
    const old = parseDocRecord(JSON.parse(JSON.stringify(emptyRecord(D, 1))));
    expect(old && 'study' in old).toBe(false);
  });

  it('rejects a bad mark with the path of the bad field', () => {
    const bad = (study: unknown) => validateDocRecord({ ...studied, study }, 'documents[1]');
    expect(bad({ p1: { ...studied.study!.p1, state: 'maybe' } })).toEqual({
      ok: false,
      path: 'documents[1].study["p1"].state',
    });
    expect(bad({ p1: { ...studied.study!.p1, terms: ['a', 3] } })).toEqual({
      ok: false,
      path: 'documents[1].study["p1"].terms[1]',
    });
    expect(bad({ p1: { ...studied.study!.p1, updatedAt: -1 } })).toEqual({
      ok: false,
      path: 'documents[1].study["p1"].updatedAt',
    });
    expect(bad({ p1: { state: 'known', terms: [], updatedAt: 1 } })).toEqual({
      ok: false,
      path: 'documents[1].study["p1"].heading',
    });
    expect(bad(['p1'])).toEqual({ ok: false, path: 'documents[1].study' });
  });

  it('bounds what a mark keeps: heading cut, phrases deduplicated, capped and of phrase length', () => {
    const terms = [...Array(STUDY_TERMS_MAX + 10).keys()].map((i) => `词${i}`);
    const parsed = parseDocRecord({
      ...studied,
      study: {
        p1: {
          state: 'known',
          heading: '长'.repeat(HEADING_MAX + 50),
          terms: ['甲', '甲', '', 'x'.repeat(61), ...terms],
          updatedAt: 1,
        },
      },
    });
    const mark = parsed!.study!.p1!;
    expect(mark.heading).toHaveLength(HEADING_MAX);
    expect(mark.terms).toHaveLength(STUDY_TERMS_MAX);
    expect(mark.terms.slice(0, 2)).toEqual(['甲', '词0']);
  });
});

describe('merging study marks', () => {
  const markArb: fc.Arbitrary<StudyMark> = fc.record({
    state: fc.constantFrom('known' as const, 'again' as const, 'none' as const),
    heading: fc.constantFrom('一、甲', '二、乙'),
    terms: fc.uniqueArray(fc.constantFrom('四个意识', '两个维护', '安全网'), { maxLength: 3 }),
    updatedAt: fc.integer({ min: 0, max: 20 }),
  });
  const recordArb = fc
    .record({
      study: fc.option(fc.dictionary(fc.constantFrom('p1', 'p2', 'p3'), markArb, { maxKeys: 3 }), { nil: undefined }),
      updatedAt: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ study, updatedAt }): DocRecord => ({ ...emptyRecord(D, 0), updatedAt, ...(study ? { study } : {}) }));

  it('is commutative and idempotent', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const merged = mergeRecords(a, b);
        expect(merged).toEqual(mergeRecords(b, a));
        expect(mergeRecords(merged, merged)).toEqual(merged);
        expect(mergeRecords(merged, a)).toEqual(merged);
        expect(mergeRecords(merged, b)).toEqual(merged);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the newest mark of each part, a taken-back mark too, and marks only one side has', () => {
    const a: DocRecord = {
      ...emptyRecord(D, 0),
      study: {
        p1: { state: 'again', heading: '一', terms: ['x'], updatedAt: 5 },
        p2: { state: 'known', heading: '二', terms: [], updatedAt: 9 },
      },
    };
    const b: DocRecord = {
      ...emptyRecord(D, 0),
      study: {
        p1: { state: 'known', heading: '一', terms: ['x'], updatedAt: 7 },
        p2: { state: 'none', heading: '二', terms: [], updatedAt: 8 },
      },
    };
    const c: DocRecord = {
      ...emptyRecord(D, 0),
      study: { p2: { state: 'none', heading: '二', terms: [], updatedAt: 12 } },
    };
    expect(mergeRecords(a, b).study).toEqual({ p1: b.study!.p1, p2: a.study!.p2 });
    expect(mergeRecords(mergeRecords(a, b), c).study?.p2?.state).toBe('none');
    expect('study' in mergeRecords(emptyRecord(D, 0), emptyRecord(D, 1))).toBe(false);
  });
});

describe('study marks through the writer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installWriter();
  });
  afterEach(() => vi.restoreAllMocks());

  const update = {
    meta: { title: '通知', issuer: '学院', date: null, kind: '通知' },
    url: 'https://a.cn/1',
    textLength: 100,
    furthest: 50,
    readSections: ['p1'],
  };

  it('stores a mark with the record, each later mark newer, and a reset of reading progress keeps them', async () => {
    await recordProgress(D, { ...update, now: 100 });
    const first = await markStudy(D, 'p1', 'again', '一、甲', ['四个意识', '两个维护'], 200);
    expect(first.study?.p1).toEqual({
      state: 'again',
      heading: '一、甲',
      terms: ['四个意识', '两个维护'],
      updatedAt: 200,
    });
    // Within the same millisecond the next mark is still newer, so it wins every merge.
    const second = await markStudy(D, 'p1', 'known', '一、甲', ['四个意识', '两个维护'], 200);
    expect(second.study?.p1?.state).toBe('known');
    expect(second.study?.p1?.updatedAt).toBe(201);
    await markStudy(D, 'p2', 'again', '二、乙', [], 300);
    await resetProgress(D, 400);
    const { docs } = await loadDocuments();
    expect(docs[D]?.readSections).toEqual([]);
    expect(Object.keys(docs[D]?.study ?? {})).toEqual(['p1', 'p2']);
    // A progress save (which carries no study field) leaves the marks.
    await recordProgress(D, { ...update, now: 500 });
    expect((await loadDocuments()).docs[D]?.study?.p2?.state).toBe('again');
  });

  it('a mark that cannot be stored changes nothing (bad state from a caller)', async () => {
    await markStudy(D, 'p1', 'again', '一', [], 10);
    await expect(markStudy(D, 'p1', 'bogus' as never, '一', [], 20)).rejects.toMatchObject({ code: 'write-failed' });
    expect((await loadDocuments()).docs[D]?.study?.p1?.state).toBe('again');
  });

  it('is exported and imported with the record, times clamped to now', async () => {
    await markStudy(D, 'p1', 'again', '一', ['安全网'], 10);
    const { docs } = await loadDocuments();
    const future = { ...docs[D]!, study: { p1: { ...docs[D]!.study!.p1!, updatedAt: 9e15 } } };
    const parsed = parseImport(exportJson([future]), 1000);
    expect(parsed.ok && parsed.docs[0]!.study?.p1).toEqual({
      state: 'again',
      heading: '一',
      terms: ['安全网'],
      updatedAt: 1000,
    });
  });

  it('watchers hear of study changes, not of every progress save', async () => {
    const heard = vi.fn();
    const stop = watchStudy(heard);
    const mine = vi.fn();
    const stopMine = watchDocumentStudy(D, mine);
    await recordProgress(D, { ...update, now: 100 });
    await recordProgress(D, { ...update, furthest: 60, now: 101 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).not.toHaveBeenCalled();
    await markStudy(D, 'p1', 'again', '一', ['安全网'], 102);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(heard.mock.calls[0]![0].docs[D].study.p1.state).toBe('again');
    expect(mine.mock.calls.map(([study]) => study.p1.state)).toEqual(['again']);
    stop();
    stopMine();
    expect(await fakeBrowser.storage.local.get(docKey(D))).toHaveProperty(
      [docKey(D), 'study', 'p1', 'terms'],
      ['安全网'],
    );
  });
});
