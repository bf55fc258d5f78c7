// Progress on the page: the badge follows the percent, a reset is written at once and can be
// undone for UNDO_RESET_MS, and what is pending is saved when the reader stops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResumePoint } from '../../../entrypoints/reader/resume-point';
import type { ProgressStorage } from '../../../entrypoints/reader/reader-progress';
import { emptyRecord, type DocRecord } from '../../../lib/storage/schema';
import { detectedFixture, flatOf, readerStore } from './reader-fixture';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { createReaderProgress, UNDO_RESET_MS } = await import('../../../entrypoints/reader/reader-progress');

const DOC = 'url:https://www.example.edu.cn/a';

function setUp(record: DocRecord | null = null) {
  const found = detectedFixture();
  const flat = flatOf(found);
  const readIds = record?.readSections ?? [];
  const store = readerStore(found, undefined, { percent: 7, readIds });
  const life = new AbortController();
  const badges: (number | null)[] = [];
  const watched: { cb: ((record: DocRecord | null) => void) | null; unwatched: boolean } = {
    cb: null,
    unwatched: false,
  };
  const storage: ProgressStorage & {
    record: ReturnType<typeof vi.fn>;
    reset: ReturnType<typeof vi.fn<ProgressStorage['reset']>>;
  } = {
    record: vi.fn(async () => null),
    reset: vi.fn<ProgressStorage['reset']>(async () => null),
    badge: (percent) => void badges.push(percent),
    watch: (_id, cb) => {
      watched.cb = cb;
      return () => void (watched.unwatched = true);
    },
  };
  const fail = vi.fn();
  const progress = createReaderProgress({
    win: window,
    store,
    docId: DOC,
    doc: found.document,
    flat,
    model: () => found.model,
    text: found.model.text,
    record,
    storedLedger: {},
    storedResume: null,
    saving: true,
    url: 'https://www.example.edu.cn/a',
    epoch: 0,
    resume: createResumePoint(null),
    host: () => null,
    percentOf: () => 7,
    storage,
    onReport: vi.fn(),
    fail,
    signal: life.signal,
  });
  return { found, flat, store, life, badges, storage, fail, progress, watched };
}

describe('createReaderProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // happy-dom has no hit testing: no fixed header found above the text.
    Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the stored percent on the badge when it starts, and takes the badge away when it stops', () => {
    const { life, badges, progress } = setUp();
    expect(progress.tracker()).toBeNull();
    progress.start();
    expect(progress.tracker()).not.toBeNull();
    expect(badges[0]).toBe(7);
    life.abort();
    expect(badges.at(-1)).toBeNull();
  });

  it('a reset is written at once and can be undone until UNDO_RESET_MS has passed', async () => {
    const record = { ...emptyRecord(DOC), readSections: ['p1'] };
    const { store, storage, progress, life } = setUp(record);
    progress.start();
    progress.actions.resetProgress();
    expect(storage.reset).toHaveBeenCalledExactlyOnceWith(DOC);
    expect(store.get()).toMatchObject({ percent: 0, readIds: [], canUndoReset: true, message: 'resetDone' });
    progress.actions.undoReset();
    expect(store.get()).toMatchObject({ canUndoReset: false, message: 'resetUndone' });
    expect(store.get().readIds).toContain('p1');
    // The undo writes the old state back after the reset's own write.
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.record).toHaveBeenCalled();
    expect(storage.record.mock.calls.at(-1)![1]).toMatchObject({ readSections: expect.arrayContaining(['p1']) });

    progress.actions.resetProgress();
    await vi.advanceTimersByTimeAsync(UNDO_RESET_MS);
    expect(store.get().canUndoReset).toBe(false);
    progress.actions.undoReset();
    expect(store.get().readIds).toEqual([]);
    life.abort();
  });

  it('reading stored elsewhere meanwhile (another tab, another computer) joins the panel without a reload', () => {
    const { found, store, progress, life, watched } = setUp();
    progress.start();
    const second = found.document.sections[1]!;
    const elsewhere = {
      ...emptyRecord(DOC),
      textLength: found.model.text.length,
      readSections: [second.id, 'not-a-section'],
      ledger: { [second.id]: 40 },
    };
    // Another text (the page was edited): its read state does not apply here.
    watched.cb!({ ...elsewhere, textLength: found.model.text.length + 1 });
    expect(store.get().readIds).not.toContain(second.id);
    watched.cb!(elsewhere);
    expect(store.get().readIds).toContain(second.id);
    expect(store.get().readIds).not.toContain('not-a-section');
    expect(progress.tracker()!.state().ledger[second.id]).toBe(40);
    // Its own save coming back changes nothing.
    const before = progress.tracker()!.state();
    watched.cb!(elsewhere);
    expect(progress.tracker()!.state()).toBe(before);
    life.abort();
    expect(watched.unwatched).toBe(true);
  });

  it('a reset made elsewhere resets this page too; this page’s own reset, undone, is not taken for one', () => {
    const record = { ...emptyRecord(DOC), readSections: ['p1'], resetAt: 3 };
    const { store, progress, life, watched } = setUp(record);
    progress.start();
    expect(store.get().readIds).toContain('p1');
    // Its own reset, seen by its own watch during the undo window, then undone: the progress stays.
    progress.actions.resetProgress();
    watched.cb!({ ...record, readSections: [], resetAt: 9 });
    progress.actions.undoReset();
    watched.cb!({ ...record, resetAt: 9 });
    expect(store.get().readIds).toContain('p1');
    expect(progress.tracker()!.state().readIds.has('p1')).toBe(true);
    // Another tab resets later: this page forgets what it had, so its next save cannot bring it back.
    watched.cb!({ ...record, readSections: [], resetAt: 20 });
    expect(store.get()).toMatchObject({ percent: 0, readIds: [], showResume: false });
    expect(progress.tracker()!.state().readIds.size).toBe(0);
    life.abort();
  });

  it('each save carries the latest reset it accounts for: stored at start, seen by the watch, or its own once written', async () => {
    const record = { ...emptyRecord(DOC), readSections: ['p1'], resetAt: 3 };
    const { storage, progress, life, watched } = setUp(record);
    let answerReset: (stored: DocRecord) => void = () => {};
    storage.reset.mockImplementation(
      () =>
        new Promise<DocRecord>((resolve) => {
          answerReset = resolve;
        }),
    );
    progress.start();
    const lastSeen = () => (storage.record.mock.calls.at(-1)![1] as { resetSeen?: number }).resetSeen;
    progress.tracker()!.restoreProgress(progress.tracker()!.forgetProgress());
    await vi.advanceTimersByTimeAsync(2000);
    expect(lastSeen()).toBe(3);
    watched.cb!({ ...record, readSections: [], resetAt: 20 });
    progress.tracker()!.restoreProgress(progress.tracker()!.forgetProgress());
    await vi.advanceTimersByTimeAsync(2000);
    expect(lastSeen()).toBe(20);
    // Its own reset: no save goes out before the reset's write answers, then saves carry its time.
    const saves = storage.record.mock.calls.length;
    progress.actions.resetProgress();
    progress.actions.undoReset();
    await vi.advanceTimersByTimeAsync(3000);
    expect(storage.record.mock.calls.length).toBe(saves);
    answerReset({ ...record, readSections: [], resetAt: 42 });
    await vi.advanceTimersByTimeAsync(2000);
    const later = storage.record.mock.calls.slice(saves).map(([, u]) => (u as { resetSeen?: number }).resetSeen);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((seen) => seen === 42)).toBe(true);
    life.abort();
  });

  it('nothing is reset before tracking starts', () => {
    const { storage, progress } = setUp();
    progress.actions.resetProgress();
    expect(storage.reset).not.toHaveBeenCalled();
  });
});
