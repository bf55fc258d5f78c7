// Bookmarks: shown at once, confirmed once stored, put back when a save fails, followed from other tabs.
import { describe, expect, it, vi } from 'vitest';
import type { DocRecord } from '../../../lib/storage/schema';
import { emptyRecord } from '../../../lib/storage/schema';
import type { BookmarkStorage } from '../../../entrypoints/reader/bookmark-actions';
import { detectedFixture, flatOf, readerStore } from './reader-fixture';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { createBookmarkActions } = await import('../../../entrypoints/reader/bookmark-actions');

const DOC = 'url:https://www.example.edu.cn/a';

function recordWith(bookmarks: Record<string, string>): DocRecord {
  return {
    ...emptyRecord(DOC),
    bookmarks: Object.fromEntries(
      Object.entries(bookmarks).map(([sectionId, note]) => [
        sectionId,
        { sectionId, heading: sectionId, note, createdAt: 1, updatedAt: 1 },
      ]),
    ),
  };
}

function setUp(storage: Partial<BookmarkStorage> = {}) {
  const found = detectedFixture();
  const flat = flatOf(found);
  const store = readerStore(found);
  const life = new AbortController();
  let watcher: ((record: DocRecord | null) => void) | null = null;
  const unwatch = vi.fn();
  const confirm = vi.fn();
  const fail = vi.fn();
  const actions = createBookmarkActions({
    store,
    docId: DOC,
    flat,
    confirm,
    fail,
    signal: life.signal,
    storage: {
      set: async (_doc, sectionId, _heading, note) => recordWith({ [sectionId]: note }),
      remove: async () => recordWith({}),
      watch: (_doc, cb) => ((watcher = cb), unwatch),
      ...storage,
    },
  });
  return { flat, store, life, actions, confirm, fail, unwatch, elsewhere: (r: DocRecord | null) => watcher?.(r) };
}

describe('createBookmarkActions', () => {
  it('shows a bookmark at once and confirms it once stored; toggling again removes it', async () => {
    const { flat, store, actions, confirm } = setUp();
    const id = flat[1]!.id;
    actions.actions.toggleBookmark(id);
    expect(store.get().bookmarks).toEqual({ [id]: '' });
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledWith(`bookmarkAdded(${flat[1]!.heading})`));
    actions.actions.toggleBookmark(id);
    expect(store.get().bookmarks).toEqual({});
    await vi.waitFor(() => expect(confirm).toHaveBeenLastCalledWith(`bookmarkRemoved(${flat[1]!.heading})`));
  });

  it('a note is trimmed and cut to its limit; a failed save puts the bookmark back and says why', async () => {
    const error = Object.assign(new Error('full'), { code: 'quota' });
    const { flat, store, actions, fail } = setUp({ set: () => Promise.reject(error) });
    const id = flat[0]!.id;
    actions.actions.setBookmarkNote(id, '  备注  ');
    expect(store.get().bookmarks).toEqual({ [id]: '备注' });
    await vi.waitFor(() => expect(fail).toHaveBeenCalledWith(error));
    expect(store.get().bookmarks).toEqual({});
  });

  it('follows bookmarks changed elsewhere, and stops once its signal aborts', () => {
    const { flat, store, life, unwatch, elsewhere } = setUp();
    elsewhere(recordWith({ [flat[2]!.id]: '别处' }));
    expect(store.get().bookmarks).toEqual({ [flat[2]!.id]: '别处' });
    life.abort();
    expect(unwatch).toHaveBeenCalledOnce();
  });
});
