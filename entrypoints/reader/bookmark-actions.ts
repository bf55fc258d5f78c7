// Bookmarks and their notes: shown at once, confirmed once stored, put back as stored when a save
// fails; bookmarks set in another tab (or the popup) show here too.
import type { Section } from '../../lib/document/types';
import type { DocRecord } from '../../lib/storage/schema';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { NOTE_MAX } from '../../lib/storage/schema';
import { t } from '../../lib/i18n';

export interface BookmarkStorage {
  set(docId: string, sectionId: string, heading: string, note: string): Promise<DocRecord | null>;
  remove(docId: string, sectionId: string): Promise<DocRecord | null>;
  watch(docId: string, cb: (record: DocRecord | null) => void): () => void;
}

export interface BookmarkActionsDeps {
  readonly store: Store<ReaderState>;
  readonly docId: string;
  readonly flat: readonly Section[];
  readonly storage: BookmarkStorage;
  readonly confirm: (message: string) => void;
  readonly fail: (error: unknown) => void;
  readonly signal: AbortSignal;
}

export interface BookmarkActions {
  readonly actions: Pick<ReaderActions, 'toggleBookmark' | 'setBookmarkNote'>;
}

/** Section id → note of a record's live bookmarks: what the panel shows. */
export function bookmarksOf(record: DocRecord | null): Record<string, string> {
  return Object.fromEntries(
    Object.values(record?.bookmarks ?? {})
      .filter((b) => !b.deleted)
      .map((b) => [b.sectionId, b.note]),
  );
}

export function createBookmarkActions({
  store,
  docId,
  flat,
  storage,
  confirm,
  fail,
  signal,
}: BookmarkActionsDeps): BookmarkActions {
  const byId = (id: unknown): Section | undefined =>
    typeof id === 'string' ? flat.find((s) => s.id === id) : undefined;

  const update = (section: Section, note: string | null) => {
    const before = store.get().bookmarks[section.id];
    const bookmarks = { ...store.get().bookmarks };
    if (note === null) delete bookmarks[section.id];
    else bookmarks[section.id] = note;
    store.set({ bookmarks });
    const saved =
      note === null ? storage.remove(docId, section.id) : storage.set(docId, section.id, section.heading, note);
    saved.then(
      (stored) => {
        store.set({ bookmarks: { ...store.get().bookmarks, ...pick(bookmarksOf(stored), section.id) } });
        if ((before !== undefined) !== (note !== null))
          confirm(t(note === null ? 'bookmarkRemoved' : 'bookmarkAdded', section.heading));
        else confirm(t('bookmarkNoteSaved'));
      },
      (error: unknown) => {
        const back = { ...store.get().bookmarks };
        if (before === undefined) delete back[section.id];
        else back[section.id] = before;
        store.set({ bookmarks: back });
        fail(error);
      },
    );
  };

  // Its own progress saves change the record every second: redraw only when the bookmarks differ.
  const unwatch = storage.watch(docId, (stored) => {
    if (!stored || signal.aborted) return;
    const next = bookmarksOf(stored);
    if (!sameNotes(next, store.get().bookmarks)) store.set({ bookmarks: next });
  });
  signal.addEventListener('abort', unwatch, { once: true });

  return {
    actions: {
      toggleBookmark(id) {
        const section = byId(id);
        if (section) update(section, section.id in store.get().bookmarks ? null : '');
      },
      setBookmarkNote(id, note) {
        const section = byId(id);
        if (section && typeof note === 'string') update(section, note.trim().slice(0, NOTE_MAX));
      },
    },
  };
}

function sameNotes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}

function pick(bookmarks: Record<string, string>, id: string): Record<string, string> {
  return id in bookmarks ? { [id]: bookmarks[id]! } : {};
}
