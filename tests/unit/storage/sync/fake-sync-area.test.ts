// The fake sync area enforces Chrome's quotas with Chrome's messages, and a refused write stores nothing.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  areaUsage,
  MAX_ITEMS,
  MAX_WRITE_OPERATIONS_PER_HOUR,
  MAX_WRITE_OPERATIONS_PER_MINUTE,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from '../../../../lib/storage/sync/limits';
import {
  createFakeSyncArea,
  FAKE_SYNC_KEY,
  localStorageBacking,
  memoryBacking,
} from '../../../../lib/storage/sync/fake-sync-area';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A value whose item (key + JSON) takes exactly `bytes`. */
function sized(key: string, bytes: number): string {
  return 'x'.repeat(bytes - key.length - 2);
}

describe('fake sync area', () => {
  it('refuses an item over QUOTA_BYTES_PER_ITEM and keeps what it had', async () => {
    const backing = memoryBacking();
    const area = createFakeSyncArea(backing, clock().now);
    await area.set({ a: 1 });
    await expect(area.set({ b: sized('b', QUOTA_BYTES_PER_ITEM + 1), c: 2 })).rejects.toThrow(
      'QUOTA_BYTES_PER_ITEM quota exceeded',
    );
    await area.set({ b: sized('b', QUOTA_BYTES_PER_ITEM) });
    expect(Object.keys(await area.getAll()).sort()).toEqual(['a', 'b']);
  });

  it('refuses writes past QUOTA_BYTES', async () => {
    const area = createFakeSyncArea(memoryBacking(), clock().now);
    const items: Record<string, string> = {};
    for (let i = 0; i < 12; i++) items[`k${i}`] = sized(`k${i}`, 8000);
    await area.set(items);
    expect(areaUsage(await area.getAll()).bytes).toBe(96_000);
    await expect(area.set({ more: sized('more', QUOTA_BYTES - 96_000 + 1) })).rejects.toThrow(
      'QUOTA_BYTES quota exceeded',
    );
    await area.set({ more: sized('more', QUOTA_BYTES - 96_000) });
    expect(areaUsage(await area.getAll()).bytes).toBe(QUOTA_BYTES);
  });

  it('refuses more than MAX_ITEMS items', async () => {
    const area = createFakeSyncArea(memoryBacking(), clock().now);
    await area.set(Object.fromEntries(Array.from({ length: MAX_ITEMS }, (_, i) => [`k${i}`, i])));
    await expect(area.set({ one: 1 })).rejects.toThrow('MAX_ITEMS quota exceeded');
    await area.set({ k0: 'replaced' });
  });

  it("refuses the 121st write operation in a minute and the 1801st in an hour, with Chrome's words", async () => {
    const time = clock();
    const area = createFakeSyncArea(memoryBacking(), time.now);
    for (let i = 0; i < MAX_WRITE_OPERATIONS_PER_MINUTE / 2; i++) {
      await area.set({ a: i });
      await area.remove(['b']);
    }
    await expect(area.set({ a: 'late' })).rejects.toThrow(
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    );
    expect((await area.getAll()).a).toBe(MAX_WRITE_OPERATIONS_PER_MINUTE / 2 - 1);
    time.advance(60_001);
    await area.set({ a: 'next minute' });
    // 121 so far this hour; 13 full minutes and 119 more make 1800.
    for (let m = 0; m < 13; m++) {
      time.advance(60_001);
      for (let i = 0; i < MAX_WRITE_OPERATIONS_PER_MINUTE; i++) await area.set({ a: i });
    }
    time.advance(60_001);
    for (let i = 0; i < MAX_WRITE_OPERATIONS_PER_MINUTE - 1; i++) await area.set({ a: i });
    await expect(area.set({ a: 'x' })).rejects.toThrow('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    expect(MAX_WRITE_OPERATIONS_PER_HOUR).toBe(1800);
  });

  it('reports changes as storage.onChanged does, also when items are relayed into its storage', async () => {
    const area = createFakeSyncArea(localStorageBacking(fakeBrowser), clock().now);
    const seen: Record<string, unknown>[] = [];
    const stop = area.watch((changes) => seen.push(changes));
    await area.set({ a: 1, b: 2 });
    await fakeBrowser.storage.local.set({ [FAKE_SYNC_KEY]: { items: { a: 1, b: 3, c: 4 }, writes: [] } });
    await area.remove(['a']);
    stop();
    expect(seen).toEqual([
      { a: { newValue: 1 }, b: { newValue: 2 } },
      { b: { oldValue: 2, newValue: 3 }, c: { newValue: 4 } },
      { a: { oldValue: 1 } },
    ]);
    expect(await area.getAll()).toEqual({ b: 3, c: 4 });
  });
});
