// The one writer: two tabs' operations interleaved lose nothing; what cannot be read is kept;
// sizes are bounded; a quota error changes nothing; "clear all data" is not undone by an open tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { docKey, loadDocuments, type KeptRecord } from '../../../lib/storage/documents';
import { byteSize } from '../../../lib/storage/document-store';
import { INDEX_KEY } from '../../../lib/storage/documents';
import { exportJson } from '../../../lib/storage/export-import';
import type { ProgressUpdate } from '../../../lib/storage/protocol';
import { installWriter } from '../../../lib/storage/writer';
import {
  HEADING_MAX,
  RECORD_MAX_BYTES,
  STORE_MAX_BYTES,
  TITLE_MAX,
  emptyRecord,
  type DocRecord,
} from '../../../lib/storage/schema';

const D = 'fp:00112233445566aa';
const E = 'fp:00112233445566bb';
const meta = { title: '通知', issuer: '学院', date: '2022年10月6日', kind: '通知' };

function update(furthest: number, extra: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return { meta, url: 'https://a.cn/n/1.htm', textLength: 1000, furthest, readSections: [], ...extra };
}

/** A "tab": its own copy of the client modules (as each content script has), sharing the one writer. */
async function openTab() {
  vi.resetModules();
  return import('../../../lib/storage/documents');
}

/** Storage that answers after a random few milliseconds, so unserialised read-merge-writes would interleave. */
function slowStorage() {
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
  vi.spyOn(local, 'get').mockImplementation(async (keys?: unknown) => {
    await later();
    return get(keys as string);
  });
  vi.spyOn(local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    await later();
    return set(items);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  installWriter();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('interleaved writers', () => {
  it('two tabs bookmarking the same and different documents at the same moments lose nothing', async () => {
    slowStorage();
    const [a, b] = [await openTab(), await openTab()];
    expect(a).not.toBe(b);
    const ops: Promise<unknown>[] = [];
    for (let round = 0; round < 10; round++) {
      // Same document from both tabs, another document from tab B, progress saves in between.
      ops.push(a.setBookmark(D, `a${round}`, `甲${round}`));
      ops.push(b.setBookmark(D, `b${round}`, `乙${round}`));
      ops.push(b.setBookmark(E, `e${round}`, `丙${round}`));
      ops.push(a.recordProgress(D, update(round * 10)));
      ops.push(b.recordProgress(E, update(round * 10)));
    }
    await Promise.all(ops);
    const { docs } = await loadDocuments();
    const live = (id: string) =>
      Object.values(docs[id]?.bookmarks ?? {})
        .filter((m) => !m.deleted)
        .map((m) => m.sectionId)
        .sort();
    expect(live(D)).toEqual([...Array(10).keys()].flatMap((i) => [`a${i}`, `b${i}`]).sort());
    expect(live(E)).toHaveLength(10);
    expect(docs[D]?.furthest).toBe(90);
  });

  it('a removal and an edit from two tabs both land', async () => {
    const [a, b] = [await openTab(), await openTab()];
    await a.setBookmark(D, 'p1', '一', 'note', 10);
    await Promise.all([a.removeBookmark(D, 'p1', 20), b.setBookmark(D, 'p2', '二', '', 20)]);
    const { docs } = await loadDocuments();
    expect(docs[D]?.bookmarks.p1?.deleted).toBe(true);
    expect(docs[D]?.bookmarks.p2?.deleted).toBeUndefined();
  });

  it('writes only the document that changed, and only when it changed', async () => {
    const tab = await openTab();
    await tab.setBookmark(E, 'p1', '一', '', 5);
    await tab.recordProgress(D, update(100, { now: 10 }));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await tab.recordProgress(D, update(100, { now: 10 }));
    expect(set).not.toHaveBeenCalled();
    await tab.recordProgress(D, update(200, { now: 11 }));
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object)).toEqual([docKey(D)]);
  });
});

describe('records that cannot be read', () => {
  const damaged = { id: D, title: '旧通知', bookmarks: 'nope' };
  const newer = { ...emptyRecord(E, 5), title: '新格式', v: 99, futureField: { x: 1 } };

  it('are kept as they were through saves, imports and other writes, and are exported', async () => {
    await fakeBrowser.storage.local.set({ [docKey(D)]: damaged, [docKey(E)]: newer });
    const tab = await openTab();
    await expect(tab.setBookmark(D, 'p1', '一')).rejects.toMatchObject({ code: 'kept' });
    await expect(tab.recordProgress(E, update(500))).rejects.toMatchObject({ code: 'kept' });
    await expect(tab.resetProgress(E)).rejects.toMatchObject({ code: 'kept' });
    const other = emptyRecord('fp:00112233445566cc', 1);
    const imported = await tab.importData(exportJson([{ ...emptyRecord(D, 9), percent: 50 }, other]));
    expect(imported).toMatchObject({ ok: true });
    await tab.setBookmark(other.id, 'p1', '一');

    const stored = await fakeBrowser.storage.local.get([docKey(D), docKey(E)]);
    expect(stored).toEqual({ [docKey(D)]: damaged, [docKey(E)]: newer });
    const { kept, docs } = await loadDocuments();
    expect(Object.keys(docs)).toEqual([other.id]);
    expect(kept.map((k: KeptRecord) => [k.key, k.reason, k.title])).toEqual([
      [docKey(D), 'damaged', '旧通知'],
      [docKey(E), 'newer', '新格式'],
    ]);
    expect(kept[0]?.path).toBe('urls');
    const file = JSON.parse(exportJson(docs, undefined, new Date(), kept)) as {
      kept: { key: string; value: unknown }[];
    };
    expect(file.kept).toEqual([
      { key: docKey(D), reason: 'damaged', path: 'urls', value: damaged },
      { key: docKey(E), reason: 'newer', value: newer },
    ]);
  });

  it('from the v2 map are split out and kept under their own key', async () => {
    const good = emptyRecord(E, 3);
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ documents: { [E]: good, [D]: damaged }, documents$: { v: 2 } });
    installWriter(); // the background splits a v2 map as it starts, before any operation
    const tab = await openTab();
    await tab.setBookmark('fp:00112233445566cc', 'p1', '一');
    const all = await fakeBrowser.storage.local.get(null);
    expect(all.documents).toBeUndefined();
    expect(all[docKey(D)]).toEqual(damaged);
    expect(all[docKey(E)]).toMatchObject({ ...good, v: 3 });
  });
});

describe('sizes', () => {
  it('a 2.6-million-character heading is stored truncated, the record within its bound', async () => {
    const huge = '标'.repeat(2_600_000);
    const tab = await openTab();
    await tab.recordProgress(
      D,
      update(10, {
        meta: { ...meta, title: huge },
        outline: {
          parts: [
            { id: 'p1', heading: huge },
            { id: 'p2', heading: huge },
          ],
          titles: { p1: huge, p2: huge },
        },
      }),
    );
    await tab.setBookmark(D, 'p1', huge, huge);
    const raw = (await fakeBrowser.storage.local.get(docKey(D)))[docKey(D)] as DocRecord;
    expect(raw.title).toHaveLength(TITLE_MAX);
    expect(raw.parts[0]?.heading).toHaveLength(HEADING_MAX);
    expect(raw.sectionTitles.p2).toHaveLength(HEADING_MAX);
    expect(raw.bookmarks.p1?.heading).toHaveLength(HEADING_MAX);
    expect(raw.bookmarks.p1?.note).toHaveLength(200);
    expect(byteSize(raw)).toBeLessThan(RECORD_MAX_BYTES);
  });

  it('an outline too large for one record keeps the headings of parts and bookmarks', async () => {
    const titles: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) titles[`p1.k${i}`] = '标'.repeat(HEADING_MAX);
    const tab = await openTab();
    await tab.setBookmark(D, 'p1.k7', '要甲。');
    const doc = await tab.recordProgress(
      D,
      update(10, { outline: { parts: [{ id: 'p1', heading: '一、甲' }], titles: { ...titles, p1: '一、甲' } } }),
    );
    expect(Object.keys(doc.sectionTitles).sort()).toEqual(['p1', 'p1.k7']);
  });

  it('gives up the oldest records without bookmarks when the store is full, then refuses with a clear code', async () => {
    // Records of ~200 KB each: 8 MB holds about 40.
    const big = (id: string, at: number, marked: boolean): DocRecord => ({
      ...emptyRecord(id, at),
      lastReadAt: at,
      sectionTitles: Object.fromEntries([...Array(330).keys()].map((i) => [`s${i}`, '字'.repeat(200)])),
      bookmarks: marked ? { p1: { sectionId: 'p1', heading: '', note: '', createdAt: 1, updatedAt: 1 } } : {},
    });
    const seeded: Record<string, unknown> = {};
    const n = Math.floor(STORE_MAX_BYTES / byteSize(big('fp:0000000000000000', 0, false)));
    for (let i = 0; i < n; i++) seeded[docKey(`url:https://a.cn/${i}`)] = big(`url:https://a.cn/${i}`, 100 + i, i >= 2);
    await fakeBrowser.storage.local.set(seeded);
    const tab = await openTab();
    const outline = { parts: [], titles: big('x:', 0, false).sectionTitles };
    for (const id of ['fp:1111111111111111', 'fp:2222222222222222']) {
      await tab.setBookmark(id, 'p1', '一');
      await tab.recordProgress(id, update(10, { outline }));
    }
    let { docs } = await loadDocuments();
    // The two unbookmarked, least recently read records made room.
    expect(docs['url:https://a.cn/0']).toBeUndefined();
    expect(docs['url:https://a.cn/1']).toBeUndefined();
    expect(docs['url:https://a.cn/2']).toBeDefined();
    expect(docs['fp:2222222222222222']?.bookmarks.p1).toBeDefined();
    // Only bookmarked records are left to give up: a further big record is refused, nothing lost.
    await tab.setBookmark('fp:3333333333333333', 'p1', '一');
    const before = await fakeBrowser.storage.local.get(null);
    await expect(tab.recordProgress('fp:3333333333333333', update(10, { outline }))).rejects.toMatchObject({
      code: 'store-full',
    });
    const after = await fakeBrowser.storage.local.get(null);
    delete before[INDEX_KEY];
    delete after[INDEX_KEY];
    expect(after).toEqual(before);
    const loaded = await loadDocuments();
    docs = loaded.docs;
    expect(Object.keys(docs).length).toBe(n + 1);
    // What the popup shows as "space runs short".
    expect(loaded.bytes / STORE_MAX_BYTES).toBeGreaterThan(0.9);
  });

  it('a quota error leaves every record and says so', async () => {
    const tab = await openTab();
    for (let i = 0; i < 5; i++) await tab.setBookmark(`fp:${String(i).repeat(16)}`, 'p1', '一');
    await tab.recordProgress(D, update(300));
    const before = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    await expect(tab.setBookmark(D, 'p9', '九')).rejects.toMatchObject({ name: 'StorageError', code: 'quota' });
    await expect(tab.recordProgress(E, update(10))).rejects.toMatchObject({ code: 'quota' });
    await expect(tab.importData(exportJson([emptyRecord('fp:00112233445566cc', 1)]))).rejects.toMatchObject({
      code: 'quota',
    });
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(Object.keys((await loadDocuments()).docs)).toHaveLength(6);
  });
});

describe('clear all data', () => {
  it('a tab that read before the clear does not write its progress back; one that read after does', async () => {
    const tab = await openTab();
    const first = await tab.resolveDocument(meta, 'https://a.cn/n/1.htm');
    await tab.recordProgress(first.id, update(300, { epoch: first.epoch }));
    await tab.clearAllData();
    await expect(tab.recordProgress(first.id, update(400, { epoch: first.epoch }))).rejects.toMatchObject({
      code: 'cleared',
    });
    expect((await loadDocuments()).docs).toEqual({});
    const again = await tab.resolveDocument(meta, 'https://a.cn/n/1.htm');
    expect(again.epoch).toBeGreaterThan(first.epoch);
    await tab.recordProgress(again.id, update(50, { epoch: again.epoch }));
    expect((await loadDocuments()).docs[again.id]?.furthest).toBe(50);
  });
});

describe('progress', () => {
  it('is filed under the address the page had when it was read', async () => {
    const tab = await openTab();
    const doc = await tab.recordProgress(D, update(10, { url: 'https://a.cn/n/1.htm?utm_source=x#top' }));
    expect(doc.urls).toEqual(['https://a.cn/n/1.htm']);
  });

  it('a save built before a reset that landed first does not bring the old progress back', async () => {
    const [a, b] = [await openTab(), await openTab()];
    const read = {
      ledger: { p1: 300 },
      readSections: ['p1'],
      position: { sectionId: 'p1', quote: '甲', prefix: '', suffix: '', offset: 10 },
    };
    await a.recordProgress(D, update(300, { ...read, resetSeen: 0, now: 1_000 }));
    const reset = await b.resetProgress(D, 2_000);
    expect(reset!.resetAt).toBe(2_000);
    // Tab A's save was in flight (it had not seen the reset): stamped after the reset, a merge alone would keep it.
    const late = await a.recordProgress(D, update(400, { ...read, ledger: { p1: 400 }, resetSeen: 0, now: 3_000 }));
    expect(late).toMatchObject({ furthest: 0, percent: 0, ledger: {}, readSections: [] });
    expect(late.lastPosition).toBeUndefined();
    expect((await loadDocuments()).docs[D]).toEqual(late);
    // Once A has seen the reset, its new reading lands.
    const after = await a.recordProgress(D, update(50, { ledger: { p1: 50 }, resetSeen: 2_000, now: 4_000 }));
    expect(after).toMatchObject({ furthest: 50, ledger: { p1: 50 }, resetAt: 2_000 });
  });

  it('keeps a caller time no later than the writer clock', async () => {
    const tab = await openTab();
    const doc = await tab.setBookmark(D, 'p1', '一', '', Date.now() + 10 * 365 * 86_400_000);
    expect(doc.bookmarks.p1!.updatedAt).toBeLessThanOrEqual(Date.now());
  });
});
