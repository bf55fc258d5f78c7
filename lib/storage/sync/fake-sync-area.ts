// A stand-in for the browser's sync storage that enforces the same quotas and rejects with the
// same error messages as Chrome, for unit tests only: nothing in the extension imports it, so it
// is not in any build (tests/unit/storage/sync/shipped-build.test.ts checks the built background).
import {
  itemBytes,
  areaUsage,
  MAX_ITEMS,
  MAX_WRITE_OPERATIONS_PER_HOUR,
  MAX_WRITE_OPERATIONS_PER_MINUTE,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from './limits';
import type { SyncArea, SyncChange } from './sync-area';

/** The fake's whole state: its items and when its recent write operations happened. */
export interface FakeSyncState {
  readonly items: Record<string, unknown>;
  /** Times (ms) of write operations in the last hour, oldest first. */
  readonly writes: readonly number[];
}

/** Where the fake keeps its state. */
export interface FakeSyncBacking {
  load(): Promise<FakeSyncState>;
  save(state: FakeSyncState): Promise<void>;
  /** Every change of the state, by the fake or by anyone relaying items into it. */
  watch(listener: (before: FakeSyncState, after: FakeSyncState) => void): () => void;
}

/** storage.local key of the e2e fake's state. */
export const FAKE_SYNC_KEY = 'fakeSyncArea';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export function createFakeSyncArea(backing: FakeSyncBacking, now: () => number = Date.now): SyncArea {
  // One write at a time, as the browser applies them.
  let queue: Promise<unknown> = Promise.resolve();
  const write = (change: (items: Record<string, unknown>) => Record<string, unknown>): Promise<void> => {
    const run = queue.then(async () => {
      const state = await backing.load();
      const at = now();
      const recent = state.writes.filter((t) => t > at - HOUR);
      // The browser checks the rate before the call runs, and the call counts even when it then fails.
      if (recent.filter((t) => t > at - MINUTE).length >= MAX_WRITE_OPERATIONS_PER_MINUTE) {
        throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      }
      if (recent.length >= MAX_WRITE_OPERATIONS_PER_HOUR)
        throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
      const writes = [...recent, at];
      let items: Record<string, unknown>;
      try {
        items = change(state.items);
      } catch (error) {
        await backing.save({ items: state.items, writes });
        throw error;
      }
      await backing.save({ items, writes });
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    getAll: async () => structuredClone((await backing.load()).items),
    set: (incoming) =>
      write((items) => {
        for (const [key, value] of Object.entries(incoming)) {
          if (itemBytes(key, value) > QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        const next = { ...items, ...structuredClone(incoming) };
        const usage = areaUsage(next);
        if (usage.count > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
        if (usage.bytes > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
        return next;
      }),
    remove: (keys) =>
      write((items) => {
        const next = { ...items };
        for (const key of keys) delete next[key];
        return next;
      }),
    watch: (listener) =>
      backing.watch((before, after) => {
        const changes = diff(before.items, after.items);
        if (Object.keys(changes).length > 0) listener(changes);
      }),
  };
}

/** Keys whose values differ, as storage.onChanged reports them. */
function diff(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, SyncChange> {
  const out: Record<string, SyncChange> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[key] = { ...(a === undefined ? {} : { oldValue: a }), ...(b === undefined ? {} : { newValue: b }) };
  }
  return out;
}

export const EMPTY_FAKE_SYNC: FakeSyncState = { items: {}, writes: [] };

/** A state read from storage; anything unusable is an empty area. */
export function parseFakeSyncState(value: unknown): FakeSyncState {
  const v = (typeof value === 'object' && value !== null ? value : {}) as { items?: unknown; writes?: unknown };
  const items =
    typeof v.items === 'object' && v.items !== null && !Array.isArray(v.items)
      ? (v.items as Record<string, unknown>)
      : {};
  const writes = Array.isArray(v.writes)
    ? v.writes.filter((t): t is number => typeof t === 'number' && Number.isFinite(t))
    : [];
  return { items, writes };
}

/** The fake kept in memory (unit tests). */
export function memoryBacking(
  initial: FakeSyncState = EMPTY_FAKE_SYNC,
): FakeSyncBacking & { state(): FakeSyncState; replace(state: FakeSyncState): void } {
  let state = structuredClone(initial) as FakeSyncState;
  const listeners = new Set<(before: FakeSyncState, after: FakeSyncState) => void>();
  const replace = (next: FakeSyncState) => {
    const before = state;
    state = structuredClone(next) as FakeSyncState;
    for (const listener of listeners) listener(before, state);
  };
  return {
    load: async () => structuredClone(state) as FakeSyncState,
    save: async (next) => replace(next),
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => structuredClone(state) as FakeSyncState,
    replace,
  };
}

/** The slice of storage.local the e2e fake lives in. */
export interface LocalStorageApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    onChanged: {
      addListener(cb: (changes: Record<string, SyncChange>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, SyncChange>, area: string) => void): void;
    };
  };
}

/** The fake kept in the profile's storage.local under FAKE_SYNC_KEY (the e2e test's relay writes there too). */
export function localStorageBacking(api: LocalStorageApi): FakeSyncBacking {
  return {
    load: async () => parseFakeSyncState((await api.storage.local.get(FAKE_SYNC_KEY))[FAKE_SYNC_KEY]),
    save: (state) => api.storage.local.set({ [FAKE_SYNC_KEY]: state }),
    watch(listener) {
      const onChanged = (changes: Record<string, SyncChange>, area: string) => {
        const change = area === 'local' ? changes[FAKE_SYNC_KEY] : undefined;
        if (change) listener(parseFakeSyncState(change.oldValue), parseFakeSyncState(change.newValue));
      };
      api.storage.onChanged.addListener(onChanged);
      return () => api.storage.onChanged.removeListener(onChanged);
    },
  };
}
