// Whether this computer keeps a replica of its reading data in the browser's sync storage (off by
// default), and what the last sync did, for the options page. The switch changes through the
// writer ('sync.set'); the status is written by the background's sync engine (lib/storage/sync/).
// Neither is exported or imported with the data: a file from another computer never turns sync on.
import { browser } from 'wxt/browser';
import { send } from './protocol';
import type { SyncSettings } from './schema';

export const SYNC_SETTINGS_KEY = 'syncSettings';
export const SYNC_STATUS_KEY = 'syncStatus';

// Its shape is with every other stored shape (schema.ts), so the writer's protocol imports only leaves.
export type { SyncSettings } from './schema';

export type SyncProblem = 'quota' | 'rate' | 'failed';

export interface SyncStatus {
  /** Documents whose replica is in the sync area. */
  readonly synced: number;
  /** Documents kept on this computer only (the sync area has no room for them). */
  readonly left: number;
  /** Why the last write to the sync area did not happen; local records are untouched by it. */
  readonly problem: SyncProblem | null;
}

/** Only `on: true` turns sync on: a missing or damaged value means off. */
export function parseSyncSettings(value: unknown): SyncSettings {
  return { on: (value as { on?: unknown } | null)?.on === true };
}

/** Null when there is no usable status (sync never ran, or the value is damaged). */
export function parseSyncStatus(value: unknown): SyncStatus | null {
  const v = value as { synced?: unknown; left?: unknown; problem?: unknown } | null;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (typeof v !== 'object' || v === null || !count(v.synced) || !count(v.left)) return null;
  const problem = v.problem === 'quota' || v.problem === 'rate' || v.problem === 'failed' ? v.problem : null;
  return { synced: v.synced, left: v.left, problem };
}

export async function loadSyncSettings(): Promise<SyncSettings> {
  return parseSyncSettings((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]);
}

export async function loadSyncStatus(): Promise<SyncStatus | null> {
  return parseSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
}

/** Turns the replica on (the background then merges both sides) or off (everything stays local). */
export function setSyncOn(on: boolean): Promise<SyncSettings> {
  return send('sync.set', { on });
}

/** The switch and the status as they change. */
export function watchSync(cb: (change: { settings?: SyncSettings; status?: SyncStatus | null }) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const settings = changes[SYNC_SETTINGS_KEY];
    const status = changes[SYNC_STATUS_KEY];
    if (!settings && !status) return;
    cb({
      ...(settings ? { settings: parseSyncSettings(settings.newValue) } : {}),
      ...(status ? { status: parseSyncStatus(status.newValue) } : {}),
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
