// Keeps the sync area a replica of the local records: local is the source of truth. Pulling
// merges every item of the area into the local records (never overwriting: the order-independent
// merge); pushing first pulls, then writes the packed local records and removes items no longer
// packed. Writes are debounced and spaced so the write-rate quotas are never reached by this
// computer; any error of the area (quota, rate, anything) leaves local records untouched and is
// reported in the status. A clear epoch in the area (clear-epoch.ts) is honoured both ways: what
// was last changed before another computer's "clear all data" is neither merged nor pushed.
// Pure of the browser: the area, the local side and timers are passed in.
import type { DocRecord } from '../schema';
import { serialQueue } from '../../serial-queue';
import { storageProblem } from '../storage-problem';
import { stableKey } from '../merge';
import type { SyncProblem, SyncStatus } from '../sync-settings';
import { CLEAR_EPOCH_KEY, clearEpochOf, survivesClear } from './clear-epoch';
import { areaUsage } from './limits';
import { isSyncKey, packDocuments, roomBeside, unpackItem } from './pack';
import type { SyncArea, SyncChange } from './sync-area';

/** Wait after a local change before pushing, so a burst of changes goes in one push. */
export const PUSH_DEBOUNCE_MS = 2_000;
/**
 * Least time between two pushes. A push is at most two write operations (remove, set), so this
 * computer makes at most 20 a minute and 1200 an hour: under Chrome's 120 and 1800.
 */
export const PUSH_MIN_GAP_MS = 6_000;
/** After a failed push: the per-minute quota has refilled by then. */
export const RETRY_MS = 61_000;

export interface SyncEngineDeps {
  readonly area: SyncArea;
  /** Every readable local record. */
  loadLocal(): Promise<DocRecord[]>;
  /** Merges records (whole or partial) into the local ones, through the single writer. */
  mergeIntoLocal(records: readonly DocRecord[]): Promise<void>;
  /** The status for the options page. */
  report(status: SyncStatus): Promise<void>;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface SyncEngine {
  /** Starts listening to the area, merges the area into local records, then pushes. */
  start(): Promise<void>;
  /** A local record changed: push soon. */
  localChanged(): void;
  /** Stops listening and pushing; everything local stays as it is. */
  stop(): void;
  /** Resolves when the work queued so far is done (tests). */
  idle(): Promise<void>;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  let running = false;
  let unwatch: (() => void) | null = null;
  let timer: unknown = null;
  let lastPush = -Infinity;
  let status: SyncStatus | null = null;
  // The latest clear any computer left in the area; only ever moves forward.
  let epoch = 0;
  const noteEpoch = (value: unknown): void => {
    epoch = Math.max(epoch, clearEpochOf(value));
  };
  // Pulls and pushes run one after another.
  const queue = serialQueue();
  const serial = (task: () => Promise<void>): Promise<void> =>
    queue(task).catch((error: unknown) => console.error('[gongwen-reader] sync', error));

  /**
   * The area's items as partial records, by key, and the documents that survive the last clear:
   * a document's items count together (an overflow item holds only older bookmarks of a document
   * read after the clear), so a document survives when any of its items does.
   */
  const readArea = (
    items: Readonly<Record<string, unknown>>,
  ): { records: Map<string, DocRecord>; fresh: Set<string> } => {
    const records = new Map<string, DocRecord>();
    const fresh = new Set<string>();
    for (const [key, value] of Object.entries(items)) {
      if (!isSyncKey(key)) continue;
      const record = unpackItem(key, value);
      if (!record) continue;
      records.set(key, record);
      if (survivesClear(record, epoch)) fresh.add(record.id);
    }
    return { records, fresh };
  };
  const unpackAll = (items: Readonly<Record<string, unknown>>): DocRecord[] => {
    const { records, fresh } = readArea(items);
    return [...records.values()].filter((record) => fresh.has(record.id));
  };

  const setStatus = async (next: SyncStatus): Promise<void> => {
    if (status && stableKey(status) === stableKey(next)) return;
    status = next;
    await deps.report(next);
  };

  /**
   * A push after `delay` (and not sooner than PUSH_MIN_GAP_MS after the last one). A push already
   * waiting stays as it is, so saves every second push every few seconds rather than never;
   * `replace` (a retry after an error) waits the longer time instead.
   */
  const schedule = (delay: number, replace = false): void => {
    if (!running) return;
    if (timer !== null) {
      if (!replace) return;
      deps.clearTimer(timer);
    }
    const wait = Math.max(delay, lastPush + PUSH_MIN_GAP_MS - deps.now());
    timer = deps.setTimer(() => {
      timer = null;
      void serial(push);
    }, wait);
  };

  const push = async (): Promise<void> => {
    if (!running) return;
    lastPush = deps.now();
    let packed: ReturnType<typeof packDocuments> | null = null;
    try {
      const current = await deps.area.getAll();
      noteEpoch(current[CLEAR_EPOCH_KEY]);
      // What another computer put there is merged in first: nothing is removed before it is local.
      const incoming = unpackAll(current);
      if (incoming.length > 0) await deps.mergeIntoLocal(incoming);
      const local = await deps.loadLocal();
      const known = new Set(local.map((doc) => doc.id));
      // Items of a document with no local record here (its local record cannot be read, or could
      // not take the merge) are left for the computers that can use them, and take room like
      // another format's items.
      const mine = (key: string, value: unknown): boolean =>
        isSyncKey(key) && known.has(String((value as { i?: unknown } | null)?.i));
      const others = Object.fromEntries(Object.entries(current).filter(([key, value]) => !mine(key, value)));
      // A record from before the last clear stays on this computer but is not synced again; its
      // items, if a push that raced the clear left any, are stale and removed below.
      packed = packDocuments(
        local.filter((doc) => survivesClear(doc, epoch)),
        roomBeside(areaUsage(others)),
      );
      // Items of documents from before the last clear are removed too, whoever left them.
      const { records, fresh } = readArea(current);
      const cleared = (key: string): boolean => records.has(key) && !fresh.has(records.get(key)!.id);
      const stale = Object.entries(current)
        .filter(([key, value]) => (mine(key, value) || cleared(key)) && !(key in packed!.items))
        .map(([key]) => key);
      const changed = Object.fromEntries(
        Object.entries(packed.items).filter(
          ([key, item]) => current[key] === undefined || stableKey(current[key]) !== stableKey(item),
        ),
      );
      // Removing first makes the room the packing counted on.
      if (stale.length > 0) await deps.area.remove(stale);
      if (Object.keys(changed).length > 0) await deps.area.set(changed);
      await setStatus({ synced: packed.synced.length, left: packed.left.length, problem: null });
    } catch (error) {
      const problem: SyncProblem = storageProblem(error);
      // The local records were not touched; the counts are those of the last push that worked.
      await setStatus({ synced: status?.synced ?? 0, left: status?.left ?? packed?.left.length ?? 0, problem });
      schedule(RETRY_MS, true);
    }
  };

  const pullChanges = async (changes: Record<string, SyncChange>): Promise<void> => {
    if (!running) return;
    noteEpoch(changes[CLEAR_EPOCH_KEY]?.newValue);
    // Another computer cleared: this one's pre-clear items must not linger (a push filters them).
    if (changes[CLEAR_EPOCH_KEY]?.newValue !== undefined) schedule(PUSH_DEBOUNCE_MS);
    const incoming = Object.entries(changes).flatMap(([key, change]) => {
      if (!isSyncKey(key) || change.newValue === undefined) return [];
      const record = unpackItem(key, change.newValue);
      return record ? [record] : [];
    });
    // A document's items may arrive one change at a time: its others count from the area.
    if (epoch > 0 && incoming.some((record) => !survivesClear(record, epoch))) {
      const { fresh } = readArea(await deps.area.getAll());
      for (const record of incoming) if (survivesClear(record, epoch)) fresh.add(record.id);
      incoming.splice(0, incoming.length, ...incoming.filter((record) => fresh.has(record.id)));
    }
    // Removed items carry nothing to merge: a record another computer stopped syncing stays here.
    if (incoming.length > 0) await deps.mergeIntoLocal(incoming);
  };

  return {
    async start() {
      if (running) return;
      running = true;
      unwatch = deps.area.watch((changes) => void serial(() => pullChanges(changes)));
      await serial(push);
    },
    localChanged() {
      if (running) schedule(PUSH_DEBOUNCE_MS);
    },
    stop() {
      running = false;
      unwatch?.();
      unwatch = null;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
    idle: () => queue(async () => undefined),
  };
}
