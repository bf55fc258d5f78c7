// The background's side of sync: follows the stored switch (lib/storage/sync-settings.ts), runs the
// sync engine on the browser's storage.sync — always: no switch in the shipped build can point it
// anywhere else (the e2e test relays real storage.sync items between two profiles) — tells it
// when a local record changed, and lets it merge and report only through the single writer.
// Registered at start-up, so a change from another computer wakes the background.
import { browser } from 'wxt/browser';
import { readManaged } from '../managed';
import { serialQueue } from '../../serial-queue';
import { DOC_PREFIX, loadDocuments, readStoredDoc } from '../documents';
import type { DocRecord } from '../schema';
import { loadSyncSettings, SYNC_SETTINGS_KEY } from '../sync-settings';
import { mergeSynced, writeSyncStatus } from '../writer';
import { browserSyncArea } from './sync-area';
import { createSyncEngine, type SyncEngine } from './sync-engine';

export function installSync(): () => void {
  let engine: SyncEngine | null = null;
  // The local records as the last storage events left them: read whole once per start, so a
  // push every few seconds of reading does not read the whole store each time. Events that arrive
  // while that read runs are applied over it, in order.
  let mirror: Map<string, DocRecord> | null = null;
  let arriving: [string, unknown][] | null = null;
  const loadLocal = async (): Promise<DocRecord[]> => {
    if (!mirror) {
      arriving = [];
      const loaded = new Map(Object.entries((await loadDocuments()).docs));
      for (const [key, value] of arriving) note(loaded, key, value);
      arriving = null;
      mirror = loaded;
    }
    return [...mirror.values()];
  };
  // Switching on and off, one after another.
  const queue = serialQueue();
  const follow = (): void => {
    queue(async () => {
      // The organisation's policy may forbid browser sync (lib/managed): then it is off, whatever the switch says.
      const on = (await loadSyncSettings()).on && (await readManaged()).config.syncAllowed;
      if (engine && !on) {
        engine.stop();
        engine = null;
        mirror = null;
      }
      if (on && !engine) {
        engine = createSyncEngine({
          area: browserSyncArea(browser),
          loadLocal,
          mergeIntoLocal: mergeSynced,
          report: writeSyncStatus,
          now: Date.now,
          setTimer: (run, ms) => setTimeout(run, ms),
          clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
        });
        await engine.start();
      }
    }).catch((error: unknown) => console.error('[gongwen-reader] sync switch', error));
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed') follow();
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (keys.includes(SYNC_SETTINGS_KEY)) follow();
    const docKeys = keys.filter((key) => key.startsWith(DOC_PREFIX));
    if (docKeys.length === 0) return;
    for (const key of docKeys) {
      const value = changes[key]?.newValue;
      if (mirror) note(mirror, key, value);
      else arriving?.push([key, value]);
    }
    engine?.localChanged();
  };
  browser.storage.onChanged.addListener(listener);
  follow();
  return () => {
    browser.storage.onChanged.removeListener(listener);
    engine?.stop();
    engine = null;
  };
}

/** A record's new stored value (undefined: removed) in the mirror of local records. */
function note(mirror: Map<string, DocRecord>, key: string, value: unknown): void {
  const stored = value === undefined ? null : readStoredDoc(key, value);
  if (stored && 'record' in stored) mirror.set(stored.record.id, stored.record);
  else mirror.delete(key.slice(DOC_PREFIX.length));
}
