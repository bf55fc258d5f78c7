// Two computers sharing one (fake, quota-enforcing) sync area: a note made on one reaches the
// other; turning sync on merges both sides; quota and rate errors keep every local record and are
// reported; this computer's own writes stay under the write-rate quotas.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeRecords, stableKey } from '../../../../lib/storage/merge';
import { emptyRecord, type Bookmark, type DocRecord } from '../../../../lib/storage/schema';
import type { SyncStatus } from '../../../../lib/storage/sync-settings';
import { createFakeSyncArea, memoryBacking } from '../../../../lib/storage/sync/fake-sync-area';
import { MAX_WRITE_OPERATIONS_PER_MINUTE, QUOTA_BYTES } from '../../../../lib/storage/sync/limits';
import { isSyncKey } from '../../../../lib/storage/sync/pack';
import { CLEAR_EPOCH_KEY } from '../../../../lib/storage/sync/clear-epoch';
import type { SyncArea } from '../../../../lib/storage/sync/sync-area';
import { createSyncEngine, PUSH_MIN_GAP_MS, RETRY_MS } from '../../../../lib/storage/sync/sync-engine';

const T0 = Date.UTC(2026, 0, 5, 8);

function doc(n: number, patch: Partial<DocRecord> = {}): DocRecord {
  return {
    ...emptyRecord(`fp:${n.toString(16).padStart(16, '0')}`, T0 + n),
    title: `第${n}号通知`,
    urls: [`https://a.edu.cn/${n}`],
    ...patch,
  };
}

function bookmark(sectionId: string, updatedAt: number, note = ''): Bookmark {
  return { sectionId, heading: `${sectionId} 标题`, note, createdAt: updatedAt, updatedAt };
}

/** One computer: its local records (merged as the writer merges) and its sync engine. */
function computer(area: SyncArea, initial: DocRecord[] = []) {
  const docs = new Map(initial.map((d) => [d.id, d]));
  const statuses: SyncStatus[] = [];
  const engine = createSyncEngine({
    area,
    loadLocal: async () => [...docs.values()],
    async mergeIntoLocal(records) {
      let changed = false;
      for (const r of records) {
        const current = docs.get(r.id);
        const next = current ? mergeRecords(current, r) : r;
        if (!current || stableKey(current) !== stableKey(next)) {
          docs.set(r.id, next);
          changed = true;
        }
      }
      // The background hears its own local writes and pushes again (storage.onChanged).
      if (changed) engine.localChanged();
    },
    report: async (status) => void statuses.push(status),
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });
  const change = (record: DocRecord) => {
    const current = docs.get(record.id);
    docs.set(record.id, current ? mergeRecords(current, record) : record);
    engine.localChanged();
  };
  return { docs, engine, statuses, change, status: () => statuses.at(-1) };
}

async function settle(...engines: { idle(): Promise<void> }[]) {
  for (let i = 0; i < 6; i++) {
    await vi.advanceTimersByTimeAsync(PUSH_MIN_GAP_MS * 2);
    for (const e of engines) await e.idle();
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('sync engine', () => {
  it("honours another computer's clear: records from before it are neither merged nor pushed again", async () => {
    const backing = memoryBacking();
    const old = doc(1, { bookmarks: { p1: bookmark('p1', T0 + 1, '旧备注') } });
    const b = computer(createFakeSyncArea(backing), [old]);
    await b.engine.start();
    await settle(b.engine);
    expect(Object.keys(backing.state().items).filter(isSyncKey)).toHaveLength(1);
    // Computer A clears everything: the area emptied, the epoch left.
    const epoch = Date.now();
    backing.replace({ items: { [CLEAR_EPOCH_KEY]: epoch }, writes: [] });
    await settle(b.engine);
    expect(backing.state().items).toEqual({ [CLEAR_EPOCH_KEY]: epoch });
    // A turns sync on again with nothing local: nothing comes back.
    const a = computer(createFakeSyncArea(backing));
    await a.engine.start();
    await settle(a.engine, b.engine);
    expect(a.docs.size).toBe(0);
    // What B reads after the clear is new activity and syncs as usual.
    b.change(doc(2, { updatedAt: epoch + 10, lastReadAt: epoch + 10 }));
    await settle(a.engine, b.engine);
    expect([...a.docs.keys()]).toEqual([doc(2).id]);
    // B keeps its own old copy locally.
    expect(b.docs.get(old.id)?.bookmarks.p1?.note).toBe('旧备注');
  });

  it('a bookmark with a note made on one computer reaches the other', async () => {
    const backing = memoryBacking();
    const a = computer(createFakeSyncArea(backing));
    const b = computer(createFakeSyncArea(backing));
    await a.engine.start();
    await b.engine.start();
    a.change(doc(1, { bookmarks: { p2: bookmark('p2', T0 + 5, '考试重点') }, updatedAt: T0 + 5 }));
    await settle(a.engine, b.engine);
    expect(b.docs.get(doc(1).id)?.bookmarks.p2?.note).toBe('考试重点');
    expect(b.status()).toEqual({ synced: 1, left: 0, problem: null });
  });

  it('turning on merges both sides and overwrites neither', async () => {
    const backing = memoryBacking();
    const shared = doc(1);
    const a = computer(createFakeSyncArea(backing), [
      {
        ...shared,
        bookmarks: { p1: bookmark('p1', T0 + 1, '甲机备注') },
        readSections: ['p1'],
        ledger: { p1: 300 },
        textLength: 900,
      },
      doc(2),
    ]);
    const b = computer(createFakeSyncArea(backing), [
      {
        ...shared,
        bookmarks: { p3: bookmark('p3', T0 + 2, '乙机备注') },
        readSections: ['p3'],
        ledger: { p3: 200 },
        textLength: 900,
      },
      doc(3),
    ]);
    await a.engine.start();
    await b.engine.start();
    await settle(a.engine, b.engine);
    for (const side of [a, b]) {
      expect([...side.docs.keys()].sort()).toEqual([doc(1).id, doc(2).id, doc(3).id].sort());
      const merged = side.docs.get(shared.id)!;
      expect(merged.bookmarks.p1?.note).toBe('甲机备注');
      expect(merged.bookmarks.p3?.note).toBe('乙机备注');
      expect(merged.readSections).toEqual(['p1', 'p3']);
      expect(merged.ledger).toEqual({ p1: 300, p3: 200 });
    }
    expect(stableKey([...a.docs.values()].sort((x, y) => (x.id < y.id ? -1 : 1)))).toBe(
      stableKey([...b.docs.values()].sort((x, y) => (x.id < y.id ? -1 : 1))),
    );
  });

  it('comes to rest: with nothing new, no computer writes again', async () => {
    const backing = memoryBacking();
    const a = computer(createFakeSyncArea(backing), [doc(1, { urls: ['https://a.edu.cn/x', 'https://a.edu.cn/y'] })]);
    const b = computer(createFakeSyncArea(backing), [doc(1, { urls: ['https://a.edu.cn/z'], updatedAt: T0 + 9 })]);
    await a.engine.start();
    await b.engine.start();
    await settle(a.engine, b.engine);
    const writes = backing.state().writes.length;
    a.engine.localChanged();
    b.engine.localChanged();
    await settle(a.engine, b.engine);
    expect(backing.state().writes.length).toBe(writes);
  });

  it('turning off stops both ways and keeps everything local', async () => {
    const backing = memoryBacking();
    const a = computer(createFakeSyncArea(backing), [doc(1)]);
    const b = computer(createFakeSyncArea(backing));
    await a.engine.start();
    await b.engine.start();
    await settle(a.engine, b.engine);
    b.engine.stop();
    a.change(doc(2));
    await settle(a.engine, b.engine);
    expect([...b.docs.keys()]).toEqual([doc(1).id]);
    b.change(doc(3));
    await settle(a.engine, b.engine);
    expect([...a.docs.keys()].sort()).toEqual([doc(1).id, doc(2).id].sort());
    expect(b.docs.size).toBe(2);
  });

  it('a full area leaves older documents local and counts them', async () => {
    // Another version's items (not this format) take all but about three documents' room.
    const filler = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`g2.f${i}`, 'x'.repeat(8100)]));
    const backing = memoryBacking({ items: filler, writes: [] });
    const docs = Array.from({ length: 10 }, (_, i) =>
      doc(i, { bookmarks: { p1: bookmark('p1', T0 + i, '备注'.repeat(100)) } }),
    );
    const a = computer(createFakeSyncArea(backing), docs);
    await a.engine.start();
    await settle(a.engine);
    const status = a.status()!;
    expect(status.problem).toBeNull();
    expect(status.synced).toBeGreaterThan(0);
    expect(status.synced + status.left).toBe(10);
    expect(status.left).toBeGreaterThan(0);
    const ours = Object.keys(backing.state().items).filter(isSyncKey);
    expect(ours).toHaveLength(status.synced);
    // Every local record is as it was.
    expect(stableKey([...a.docs.values()])).toBe(stableKey(docs));
  });

  it('a QUOTA_BYTES error keeps every local record, says so, and retries', async () => {
    const backing = memoryBacking();
    const area = createFakeSyncArea(backing);
    const others = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`g2.o${i}`, 'y'.repeat(8000)]));
    let racing = true;
    // Another computer's items arrive between this computer's read and its write.
    const readsClean: SyncArea = {
      ...area,
      async set(items) {
        if (racing) backing.replace({ ...backing.state(), items: { ...backing.state().items, ...others } });
        return area.set(items);
      },
    };
    const docs = Array.from({ length: 5 }, (_, i) =>
      doc(i, { bookmarks: { p1: bookmark('p1', T0 + i, '不能丢的备注') } }),
    );
    const a = computer(readsClean, docs);
    await a.engine.start();
    expect(a.status()).toEqual({ synced: 0, left: 0, problem: 'quota' });
    expect(stableKey([...a.docs.values()])).toBe(stableKey(docs));
    expect(Object.keys(backing.state().items).filter(isSyncKey)).toEqual([]);
    // The other computer gives the room back.
    racing = false;
    backing.replace({ ...backing.state(), items: {} });
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await a.engine.idle();
    expect(a.status()).toEqual({ synced: 5, left: 0, problem: null });
    expect(QUOTA_BYTES).toBe(102_400);
  });

  it('a spent write-rate quota keeps every local record and says so', async () => {
    const now = Date.now();
    const backing = memoryBacking({
      items: {},
      writes: Array.from({ length: MAX_WRITE_OPERATIONS_PER_MINUTE }, (_, i) => now - 30_000 + i),
    });
    const docs = [doc(1, { bookmarks: { p1: bookmark('p1', T0, '备注') } })];
    const a = computer(createFakeSyncArea(backing), docs);
    await a.engine.start();
    expect(a.status()?.problem).toBe('rate');
    expect(stableKey([...a.docs.values()])).toBe(stableKey(docs));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await a.engine.idle();
    expect(a.status()).toEqual({ synced: 1, left: 0, problem: null });
  });

  it('a reading session saving every second stays under the write-rate quotas', async () => {
    const backing = memoryBacking();
    const a = computer(createFakeSyncArea(backing), [doc(1)]);
    await a.engine.start();
    for (let s = 0; s < 180; s++) {
      a.change(doc(1, { lastReadAt: T0 + s * 1000 + 1, ledger: { p1: s + 1 }, textLength: 1000 }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    await settle(a.engine);
    expect(a.statuses.every((s) => s.problem === null)).toBe(true);
    const writes = backing.state().writes;
    const perMinute = Math.max(...writes.map((t) => writes.filter((u) => u >= t && u < t + 60_000).length));
    expect(perMinute).toBeLessThanOrEqual(20);
    expect(writes.length).toBeGreaterThan(10);
  });
});
