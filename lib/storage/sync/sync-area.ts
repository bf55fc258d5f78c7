// The browser's sync storage as the sync engine sees it: a small interface, so the engine runs on
// the browser's `storage.sync` in every build and on a quota-enforcing fake (fake-sync-area.ts)
// in unit tests only.

export interface SyncChange {
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}

export interface SyncArea {
  /** Every item stored. */
  getAll(): Promise<Record<string, unknown>>;
  /** One write operation; rejects with the browser's error (e.g. 'QUOTA_BYTES quota exceeded') and then stores nothing. */
  set(items: Record<string, unknown>): Promise<void>;
  /** One write operation. */
  remove(keys: string[]): Promise<void>;
  /** Changes to the area, whichever computer (or this one) made them. */
  watch(listener: (changes: Record<string, SyncChange>) => void): () => void;
}

/** The slice of the WebExtension API the real area needs (passed in: lib/ takes the browser as a parameter). */
export interface SyncStorageApi {
  storage: {
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
    onChanged: {
      addListener(cb: (changes: Record<string, SyncChange>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, SyncChange>, area: string) => void): void;
    };
  };
}

/** The browser's own sync storage (Chrome sync, Firefox Sync). */
export function browserSyncArea(api: SyncStorageApi): SyncArea {
  const sync = api.storage.sync;
  return {
    getAll: () => sync.get(null),
    set: (items) => sync.set(items),
    remove: (keys) => sync.remove(keys),
    watch(listener) {
      const onChanged = (changes: Record<string, SyncChange>, area: string) => {
        if (area === 'sync') listener(changes);
      };
      api.storage.onChanged.addListener(onChanged);
      return () => api.storage.onChanged.removeListener(onChanged);
    },
  };
}
