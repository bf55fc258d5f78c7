// The background's sync wiring on the fake browser: off by default; turned on, the local records
// go to the (fake) sync area and items another computer put there are merged into local records
// through the writer; a record that cannot be read is left as it was; "clear all data" turns sync off.
// The area is the fake browser's storage.sync: the background has no other.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { docKey, loadDocuments, setBookmark } from '../../../../lib/storage/documents';
import { emptyRecord } from '../../../../lib/storage/schema';
import { loadSyncSettings, loadSyncStatus, setSyncOn } from '../../../../lib/storage/sync-settings';
import { clearAllData } from '../../../../lib/storage/documents';
import { installWriter, mergeSynced } from '../../../../lib/storage/writer';
import { installSync } from '../../../../lib/storage/sync/install-sync';
import { isSyncKey, packDocument, syncKey } from '../../../../lib/storage/sync/pack';
import { CLEAR_EPOCH_KEY } from '../../../../lib/storage/sync/clear-epoch';

const D = 'fp:00112233445566aa';
const E = 'fp:00112233445566bb';
const K = 'fp:00112233445566cc';

/** The fake browser's storage.sync, the area the background always syncs to. */
async function fakeArea(): Promise<{ items: Record<string, unknown> }> {
  return { items: structuredClone(await fakeBrowser.storage.sync.get(null)) };
}

let uninstall: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  installWriter();
  uninstall = installSync();
});

afterEach(() => uninstall());

describe('installSync', () => {
  it('is off by default: nothing reaches the sync area', async () => {
    await setBookmark(D, 'p1', '一、总体要求', '备注', 10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await loadSyncSettings()).toEqual({ on: false });
    expect((await fakeArea()).items).toEqual({});
  });

  it('turned on, merges both sides and follows changes from the other computer', async () => {
    await setBookmark(D, 'p1', '一、总体要求', '本机备注', 10);
    const theirs = {
      ...emptyRecord(E, 20),
      title: '另一台电脑的通知',
      bookmarks: { p2: { sectionId: 'p2', heading: '二、', note: '他机备注', createdAt: 20, updatedAt: 20 } },
    };
    // A damaged local record under a key the other computer also syncs: kept as it was.
    const damaged = { id: K, bookmarks: 'nope' };
    await fakeBrowser.storage.local.set({ [docKey(K)]: damaged });
    const remote = { ...packDocument(theirs)!, ...packDocument({ ...emptyRecord(K, 5), title: '远端' })! };
    await fakeBrowser.storage.sync.set(remote);

    await setSyncOn(true);
    await vi.waitFor(async () => expect((await loadDocuments()).docs[E]?.bookmarks.p2?.note).toBe('他机备注'));
    await vi.waitFor(async () => expect(Object.keys((await fakeArea()).items)).toContain(syncKey(D)));
    await vi.waitFor(async () => expect(await loadSyncStatus()).toEqual({ synced: 2, left: 0, problem: null }));
    expect((await fakeBrowser.storage.local.get(docKey(K)))[docKey(K)]).toEqual(damaged);
    // Its item stays in the sync area for the computers that can read it.
    expect(Object.keys((await fakeArea()).items)).toContain(syncKey(K));

    // The other computer adds a note to this computer's document while it is open.
    // (A copy: the fake browser hands out its stored objects, which a real browser never does.)
    const item = structuredClone((await fakeArea()).items[syncKey(D)]) as { b: Record<string, unknown[]> };
    item.b.p3 = ['三、', '后来的备注', 30, 30];
    await fakeBrowser.storage.sync.set({ [syncKey(D)]: item });
    await vi.waitFor(async () => expect((await loadDocuments()).docs[D]?.bookmarks.p3?.note).toBe('后来的备注'));
    expect((await loadDocuments()).docs[D]?.bookmarks.p1?.note).toBe('本机备注');

    // A note written here afterwards reaches the area with the next push (a few seconds later).
    await setBookmark(E, 'p4', '四、', '随后写的备注', 40);
    await vi.waitFor(
      async () =>
        expect(((await fakeArea()).items[syncKey(E)] as { b: Record<string, unknown[]> }).b.p4?.[1]).toBe(
          '随后写的备注',
        ),
      { timeout: 15_000, interval: 200 },
    );
  }, 20_000);

  it('turned off, keeps everything local and stops following the other computer', async () => {
    await setBookmark(D, 'p1', '一、', '备注', 10);
    await setSyncOn(true);
    await vi.waitFor(async () => expect(Object.keys((await fakeArea()).items).filter(isSyncKey)).toHaveLength(1));
    await setSyncOn(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fakeBrowser.storage.sync.set(packDocument(emptyRecord(E, 3))!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { docs } = await loadDocuments();
    expect(Object.keys(docs)).toEqual([D]);
    expect(docs[D]?.bookmarks.p1?.note).toBe('备注');
  });

  it('"clear all data" turns sync off, so the browser\'s sync does not bring the data back', async () => {
    await setBookmark(D, 'p1', '一、', '备注', 10);
    await setSyncOn(true);
    await vi.waitFor(async () => expect(Object.keys((await fakeArea()).items)).toContain(syncKey(D)));
    await clearAllData();
    // A merge from the sync area that was already on its way reaches the writer after the clear.
    await mergeSynced([{ ...emptyRecord(D, 10), title: '同步来的' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await loadSyncSettings()).toEqual({ on: false });
    expect((await loadDocuments()).docs).toEqual({});
  });

  it('"clear all data" empties the sync area, leaves the clear epoch, and sync on again brings nothing back', async () => {
    await setBookmark(D, 'p1', '一、', '备注', 10);
    await setSyncOn(true);
    await vi.waitFor(async () => expect(Object.keys((await fakeArea()).items)).toContain(syncKey(D)));
    await clearAllData();
    const area = (await fakeArea()).items;
    expect(Object.keys(area)).toEqual([CLEAR_EPOCH_KEY]);
    expect(area[CLEAR_EPOCH_KEY]).toBeGreaterThan(10);
    // Another computer, not yet aware of the clear, pushes its old copy back.
    await fakeBrowser.storage.sync.set(
      packDocument({
        ...emptyRecord(D, 10),
        title: '旧副本',
        bookmarks: { p1: { sectionId: 'p1', heading: '一、', note: '备注', createdAt: 10, updatedAt: 10 } },
      })!,
    );
    await setSyncOn(true);
    await vi.waitFor(async () => expect(await loadSyncStatus()).toEqual({ synced: 0, left: 0, problem: null }));
    expect((await loadDocuments()).docs).toEqual({});
  });
});
