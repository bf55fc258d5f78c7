// The sync side of "clear all data": the extension's whole sync area is emptied (every format's
// items — they are all this extension's) and the clear epoch left in it, so other computers do not
// sync their pre-clear copies back (clear-epoch.ts). Runs in the writer, before the local clear.
import { CLEAR_EPOCH_KEY } from './clear-epoch';

/** The slice of the WebExtension API it needs (passed in: lib/ takes the browser as a parameter). */
export interface SyncClearApi {
  storage: { sync: { clear(): Promise<void>; set(items: Record<string, unknown>): Promise<void> } };
}

export async function clearSyncArea(api: SyncClearApi, now: number): Promise<void> {
  await api.storage.sync.clear();
  await api.storage.sync.set({ [CLEAR_EPOCH_KEY]: now });
}
