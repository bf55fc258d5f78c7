// Stored documents over fake browser storage, through the writer: validation, merging writes,
// bookmarks, reset, cap, quota.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Section } from '../../../lib/document/types';
import * as documents from '../../../lib/storage/documents';
import * as settings from '../../../lib/storage/settings';
import * as jump from '../../../lib/storage/pending-jump';
import { DOCUMENTS_CAP, updateDocument } from '../../../lib/storage/document-store';
import { StorageError, type ProgressUpdate } from '../../../lib/storage/protocol';
import { installWriter } from '../../../lib/storage/writer';
import { emptyRecord, type DocRecord } from '../../../lib/storage/schema';

const repo = {
  ...documents,
  ...settings,
  ...jump,
  updateDocument,
  DOCUMENTS_CAP,
  StorageError,
  getDocument: async (id: string) => (await documents.loadDocuments()).docs[id] ?? null,
  listRecent: async (limit: number) => documents.recentIn((await documents.loadDocuments()).docs, limit),
  listBookmarks: async () => documents.bookmarksIn((await documents.loadDocuments()).docs),
  resolveDocumentId: async (m: typeof meta, url: string) => (await documents.resolveDocument(m, url)).id,
};
const seed = (docs: Record<string, unknown>) =>
  fakeBrowser.storage.local.set(
    Object.fromEntries(Object.entries(docs).map(([id, doc]) => [documents.docKey(id), doc])),
  );

const ID = 'fp:0011223344556677';
const meta = { title: '通知', issuer: '学院', date: '2022年10月6日', kind: '通知' };
const anchor = { sectionId: 'p1', quote: '要强化政治意识', prefix: '', suffix: '', offset: 120 };
const sections: Section[] = [
  {
    id: 'p1',
    kind: 'part',
    level: 1,
    marker: '一、',
    number: 1,
    heading: '一、甲',
    headingStart: 0,
    headingEnd: 3,
    start: 0,
    end: 50,
    children: [
      {
        id: 'p1.k1',
        kind: 'point',
        level: 2,
        marker: '',
        number: 1,
        heading: '要甲。',
        headingStart: 10,
        headingEnd: 13,
        start: 10,
        end: 50,
        children: [],
      },
    ],
  },
  {
    id: 'p2',
    kind: 'part',
    level: 1,
    marker: '二、',
    number: 2,
    heading: '二、乙',
    headingStart: 50,
    headingEnd: 53,
    start: 50,
    end: 100,
    children: [],
  },
];

function progress(
  furthest: number,
  now: number,
  readSections: string[] = [],
  ledger: Record<string, number> = {},
): ProgressUpdate {
  return {
    meta,
    url: 'https://a.cn/n/1.htm?utm_source=x',
    textLength: 1000,
    furthest,
    readSections,
    ledger,
    position: anchor,
    outline: documents.summarizeOutline(sections),
    now,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  installWriter();
});

describe('reading and validation', () => {
  it('drops only the damaged record and reports it', async () => {
    const a = emptyRecord('fp:aaaaaaaaaaaaaaaa', 1);
    const b = emptyRecord('url:https://b.cn/x', 2);
    await seed({ [a.id]: a, [b.id]: b, 'fp:bad': { ...a, id: 'fp:bad', furthest: 'far' } as unknown as DocRecord });
    const { docs, dropped, kept } = await repo.loadDocuments();
    expect(Object.keys(docs).sort()).toEqual([b.id, a.id].sort());
    expect(dropped).toEqual(['doc:fp:bad']);
    expect(kept[0]).toMatchObject({ key: 'doc:fp:bad', reason: 'damaged', path: 'furthest' });
  });

  it('keeps a damaged record as it was on the next write, leaving the others', async () => {
    const a = emptyRecord('fp:aaaaaaaaaaaaaaaa', 1);
    await seed({ [a.id]: a, [ID]: { broken: true } });
    await expect(repo.recordProgress(ID, progress(500, 10))).rejects.toMatchObject({ code: 'kept' });
    const { docs, dropped } = await repo.loadDocuments();
    expect(dropped).toEqual([documents.docKey(ID)]);
    expect(docs[a.id]).toEqual(a);
    expect(await fakeBrowser.storage.local.get(documents.docKey(ID))).toEqual({
      [documents.docKey(ID)]: { broken: true },
    });
  });

  it('keeps an unusable whole v2 value aside when splitting it', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ documents: 'nonsense' });
    installWriter(); // the background splits a v2 map as it starts, before any operation
    await repo.saveSettings({ panelOpen: false });
    expect(await repo.loadDocuments()).toMatchObject({ docs: {}, dropped: ['doc:documents'] });
  });
});

describe('progress', () => {
  it('records progress, outline and URL, and never moves furthest or credit backwards', async () => {
    await repo.recordProgress(ID, progress(600, 10, ['p1'], { p1: 40, 'p1.k1': 20 }));
    const doc = await repo.recordProgress(ID, progress(200, 20, ['p2'], { p1: 10, p2: 30 }));
    expect(doc).toMatchObject({
      furthest: 600,
      ledger: { p1: 40, 'p1.k1': 20, p2: 30 },
      // 90 of 1000 characters credited.
      percent: 9,
      urls: ['https://a.cn/n/1.htm'],
      parts: [
        { id: 'p1', heading: '一、甲' },
        { id: 'p2', heading: '二、乙' },
      ],
      sectionTitles: { p1: '一、甲', 'p1.k1': '要甲。', p2: '二、乙' },
      lastReadAt: 20,
      lastPosition: { anchor, at: 20 },
    });
    expect([...doc.readSections].sort()).toEqual(['p1', 'p2']);
    expect(await repo.getDocument(ID)).toEqual(doc);
  });

  it('merges a stale tab write instead of overwriting', async () => {
    await repo.setBookmark(ID, 'p2', '二、乙', 'from tab A', 10);
    // Tab B built its record before A's bookmark existed.
    const stale = { ...emptyRecord(ID, 5), furthest: 300, percent: 30, lastReadAt: 15, updatedAt: 15 };
    const merged = await repo.updateDocument(ID, () => stale);
    expect(merged.bookmarks.p2?.note).toBe('from tab A');
    expect(merged.furthest).toBe(300);
  });

  it('reset clears progress but keeps bookmarks, and older progress does not come back', async () => {
    await repo.recordProgress(ID, progress(900, 10, ['p1'], { p1: 50 }));
    await repo.setBookmark(ID, 'p1', '一、甲', '', 11);
    const reset = await repo.resetProgress(ID, 20);
    expect(reset).toMatchObject({ furthest: 0, percent: 0, readSections: [], ledger: {} });
    expect(reset?.lastPosition).toBeUndefined();
    expect(reset?.bookmarks.p1?.deleted).toBeUndefined();
    // Another tab still holding the old record writes it back.
    const old = {
      ...emptyRecord(ID, 10),
      furthest: 900,
      percent: 90,
      readSections: ['p1'],
      ledger: { p1: 50 },
      lastReadAt: 10,
    };
    expect(await repo.updateDocument(ID, () => old)).toMatchObject({ furthest: 0, readSections: [], ledger: {} });
    // Progress newer than the reset (an undo writing the old state back) is kept.
    const undone = await repo.recordProgress(ID, progress(900, 21, ['p1'], { p1: 50 }));
    expect(undone).toMatchObject({
      readSections: ['p1'],
      ledger: { p1: 50 },
      percent: 5,
      lastPosition: { anchor, at: 21 },
    });
    expect(await repo.resetProgress('fp:ffffffffffffffff')).toBeNull();
  });

  it('moves a record filed under its URL to the fingerprint key', async () => {
    const legacy = { ...emptyRecord('url:https://a.cn/n/1.htm', 5), percent: 40, urls: ['https://a.cn/n/1.htm'] };
    await seed({ [legacy.id]: legacy });
    const id = await repo.resolveDocumentId(meta, 'https://a.cn/n/1.htm#top');
    expect(id).toMatch(/^fp:/);
    const { docs } = await repo.loadDocuments();
    expect(Object.keys(docs)).toEqual([id]);
    expect(docs[id]?.percent).toBe(40);
  });
});

describe('bookmarks', () => {
  it('sets, edits and removes with a tombstone; lists newest first', async () => {
    await repo.setBookmark(ID, 'p1', '一、甲', '  first  ', 10);
    await repo.setBookmark(ID, 'p1.k1', '要甲。', 'x'.repeat(300), 12);
    const edited = await repo.setBookmark(ID, 'p1', '一、甲', 'edited', 14);
    expect(edited.bookmarks.p1).toMatchObject({ note: 'edited', createdAt: 10, updatedAt: 14 });
    expect(edited.bookmarks['p1.k1']?.note).toHaveLength(200);
    await repo.setBookmark('fp:bbbbbbbbbbbbbbbb', 'p2', '二、乙', '', 20);

    const removed = await repo.removeBookmark(ID, 'p1.k1', 16);
    expect(removed?.bookmarks['p1.k1']).toMatchObject({ deleted: true, updatedAt: 16 });

    const groups = await repo.listBookmarks();
    expect(groups.map((g) => g.doc.id)).toEqual(['fp:bbbbbbbbbbbbbbbb', ID]);
    expect(groups[1]?.bookmarks.map((b) => b.sectionId)).toEqual(['p1']);
  });

  it('a stale tab cannot resurrect a removed bookmark', async () => {
    await repo.setBookmark(ID, 'p1', '一、甲', 'n', 10);
    const staleCopy = await repo.getDocument(ID);
    await repo.removeBookmark(ID, 'p1', 20);
    await repo.updateDocument(ID, () => ({ ...staleCopy!, updatedAt: 30 }));
    expect((await repo.getDocument(ID))?.bookmarks.p1?.deleted).toBe(true);
    expect(await repo.listBookmarks()).toEqual([]);
  });

  it('lists recent documents by last reading time', async () => {
    await repo.recordProgress('fp:1111111111111111', progress(1, 30));
    await repo.recordProgress('fp:2222222222222222', progress(1, 50));
    await repo.recordProgress('fp:3333333333333333', progress(1, 40));
    expect((await repo.listRecent(2)).map((d) => d.id)).toEqual(['fp:2222222222222222', 'fp:3333333333333333']);
  });
});

describe('cap', () => {
  const mark = { p1: { sectionId: 'p1', heading: '', note: '', createdAt: 0, updatedAt: 0 } };

  it('drops the least recently read documents, never bookmarked ones', async () => {
    const docs: Record<string, DocRecord> = {};
    for (let i = 0; i < repo.DOCUMENTS_CAP; i++) {
      const id = `url:https://a.cn/${i}`;
      docs[id] = { ...emptyRecord(id, 100 + i), furthest: 10, percent: 1, lastReadAt: 100 + i };
    }
    docs['url:https://a.cn/0'] = { ...docs['url:https://a.cn/0']!, bookmarks: mark };
    await seed(docs);
    await repo.recordProgress('fp:1111111111111111', progress(10, 500));
    await repo.recordProgress('fp:2222222222222222', progress(10, 501));
    const stored = (await repo.loadDocuments()).docs;
    expect(Object.keys(stored)).toHaveLength(repo.DOCUMENTS_CAP);
    expect(stored['url:https://a.cn/0']).toBeDefined();
    expect(stored['url:https://a.cn/1']).toBeUndefined();
    expect(stored['url:https://a.cn/2']).toBeUndefined();
    expect(stored['url:https://a.cn/3']).toBeDefined();
  });

  it('keeps bookmarked documents over the cap', async () => {
    const docs: Record<string, DocRecord> = {};
    for (let i = 0; i < repo.DOCUMENTS_CAP; i++) {
      const id = `url:https://a.cn/${i}`;
      docs[id] = { ...emptyRecord(id, 100 + i), furthest: 10, percent: 5, lastReadAt: 100 + i, bookmarks: mark };
    }
    await seed(docs);
    await repo.recordProgress(ID, progress(10, 1));
    const stored = (await repo.loadDocuments()).docs;
    expect(Object.keys(stored)).toHaveLength(repo.DOCUMENTS_CAP + 1);
    expect(stored['url:https://a.cn/0']?.bookmarks.p1).toBeDefined();
  });

  it('is applied on write and spares the document being written', async () => {
    const docs: Record<string, DocRecord> = {};
    for (let i = 0; i < repo.DOCUMENTS_CAP; i++) {
      const id = `url:https://a.cn/${i}`;
      docs[id] = { ...emptyRecord(id, 100 + i), lastReadAt: 100 + i };
    }
    await seed(docs);
    await repo.recordProgress(ID, progress(10, 1)); // older than everything stored
    const stored = (await repo.loadDocuments()).docs;
    expect(Object.keys(stored)).toHaveLength(repo.DOCUMENTS_CAP);
    expect(stored[ID]).toBeDefined();
    expect(stored['url:https://a.cn/0']).toBeUndefined();
  });
});

describe('settings', () => {
  it('loads defaults, saves patches, validates and notifies watchers', async () => {
    expect((await repo.loadSettings()).panelSide).toBe('right');
    const seen = vi.fn();
    const unwatch = repo.watchSettings(seen);
    await repo.addUserPhrase('两个维护');
    await repo.addUserPhrase('两个维护');
    const saved = await repo.saveSettings({ panelSide: 'left' });
    expect(saved).toMatchObject({ panelSide: 'left', userPhrases: ['两个维护'], highlightsOn: true });
    expect(await repo.loadSettings()).toEqual(saved);
    expect(seen).toHaveBeenCalledWith(saved);
    unwatch();
  });

  it('watchDocuments delivers validated records', async () => {
    const seen = vi.fn();
    repo.watchDocuments(seen);
    await repo.setBookmark(ID, 'p1', '一、甲', '', 10);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen.mock.calls[0]?.[0]).toMatchObject({ docs: { [ID]: { id: ID } }, dropped: [] });
  });
});

describe('pending jump', () => {
  it('is taken once by the matching document while fresh', async () => {
    await repo.requestJump(ID, 'p2', 1000);
    expect(await repo.takePendingJump('fp:ffffffffffffffff', 1500)).toBeNull();
    expect(await repo.takePendingJump(ID, 1500)).toBe('p2');
    expect(await repo.takePendingJump(ID, 1600)).toBeNull();
    await repo.requestJump(ID, 'p1', 1000);
    expect(await repo.takePendingJump(ID, 1000 + repo.JUMP_TTL_MS + 1)).toBeNull();
  });
});

describe('quota', () => {
  it('surfaces a full storage as a typed error and leaves stored data intact', async () => {
    await repo.recordProgress(ID, progress(100, 10));
    const before = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const failing = repo.recordProgress('fp:9999999999999999', progress(100, 20));
    await expect(failing).rejects.toBeInstanceOf(repo.StorageError);
    await expect(failing).rejects.toMatchObject({ code: 'quota' });
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    // The queue keeps working after a failure.
    await repo.setBookmark(ID, 'p1', '一、甲', '', 30);
    expect((await repo.getDocument(ID))?.bookmarks.p1).toBeDefined();
  });

  it('reports other write failures as write-failed', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    await expect(repo.saveSettings({ panelOpen: false })).rejects.toMatchObject({ code: 'write-failed' });
  });
});
