// Reading progress on this page: the scroll tracker's reports go to the panel's state and, at most
// once a second, to storage; the toolbar badge follows the percent; a reset can be undone for a
// few seconds; a hidden or closed page saves what is pending.
import type { GongwenDocument, Section, TextModel } from '../../lib/document/types';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { DocRecord } from '../../lib/storage/schema';
import type { ProgressUpdate } from '../../lib/storage/protocol';
import type { Store } from '../../lib/ui/create-store';
import type { Ledger } from '../../lib/reading/reading-time';
import { createAnchor } from '../../lib/reading/anchor';
import { createThrottledSaver } from '../../lib/reading/progress';
import { summarizeOutline } from '../../lib/storage/documents';
import { t } from '../../lib/i18n';
import { createScrollTracker, type ProgressSnapshot, type ScrollTracker, type TrackerState } from './scroll-tracker';
import type { ResumePoint, ResumeSnapshot } from './resume-point';

/** How long a reset can be undone. */
export const UNDO_RESET_MS = 8000;
/** Progress is saved at most this often while the reader scrolls. */
const SAVE_MS = 1000;

export interface ProgressStorage {
  record(docId: string, update: ProgressUpdate): Promise<unknown>;
  /** Resolves with the record as reset (its `resetAt`), or null when nothing was stored. */
  reset(docId: string): Promise<DocRecord | null>;
  /** The toolbar badge for this tab (null: no reader here any more). */
  badge(percent: number | null): void;
  /** Calls back with the stored record whenever it changes; returns the unwatch. */
  watch(docId: string, cb: (record: DocRecord | null) => void): () => void;
}

export interface ReaderProgressDeps {
  readonly win: Window;
  readonly store: Store<ReaderState>;
  readonly docId: string;
  readonly doc: GongwenDocument;
  readonly flat: readonly Section[];
  /** The text model to measure with (re-read in the highlight wrapping fallback). */
  readonly model: () => TextModel;
  /** The document's text, for anchors and the stored length. */
  readonly text: string;
  readonly record: DocRecord | null;
  /** The ledger stored for this document, cut to today's sections. */
  readonly storedLedger: Ledger;
  /** The stored resume offset, when it still resolves (measured exactly). */
  readonly storedResume: number | null;
  /** False when the stored record is kept aside: this page saves nothing over it. */
  readonly saving: boolean;
  readonly url: string;
  readonly epoch: number;
  readonly resume: ResumePoint;
  readonly host: () => Element | null;
  /** The percent of the text read, from a ledger (the one rule, lib/reading/progress.ts). */
  readonly percentOf: (ledger: Ledger) => number;
  readonly storage: ProgressStorage;
  /** Each tracker report, after the state is updated (the highlights follow the reader). */
  readonly onReport: (state: TrackerState) => void;
  readonly fail: (error: unknown) => void;
  readonly signal: AbortSignal;
}

export interface ReaderProgress {
  readonly actions: Pick<ReaderActions, 'resetProgress' | 'undoReset'>;
  /** Null until start(). */
  tracker(): ScrollTracker | null;
  /** Starts tracking (once the panel is on screen). */
  start(): void;
  /** Saving stops for good on this page (the record was cleared or kept aside meanwhile). */
  stopSaving(): void;
  /** False once saving stopped (record kept aside, or data cleared after this page read it). */
  saving(): boolean;
}

export function createReaderProgress(deps: ReaderProgressDeps): ReaderProgress {
  const { win, store, doc, record, resume, signal, storage } = deps;
  let tracker: ScrollTracker | null = null;
  let dirty = false;
  let saving = deps.saving;
  /** The outline goes with the first save that succeeds; later saves carry only what changes. */
  let outlineSaved = false;
  /** A resume point put back by an undo, written with the next save. */
  let restoredPosition: number | null = null;
  /**
   * The latest reset this page's progress accounts for, sent with each save: the writer drops a
   * save whose basis is older than the stored reset. Learnt from the watch and from this page's
   * own reset, whose write each save waits for.
   */
  let knownResetAt = record?.resetAt ?? 0;
  let resetWritten: Promise<unknown> = Promise.resolve();

  const saver = createThrottledSaver(
    async () => {
      await resetWritten;
      if (!tracker || !dirty || !saving) return;
      dirty = false;
      const state = tracker.state();
      // Only a place where reading happened (or one an undo put back) moves the stored resume point.
      const at = state.resumeAt ?? restoredPosition;
      restoredPosition = null;
      await storage.record(deps.docId, {
        meta: { title: doc.title, issuer: doc.issuer, date: doc.date, kind: doc.kind },
        url: deps.url,
        textLength: deps.text.length,
        furthest: state.furthest,
        readSections: [...state.readIds],
        ledger: state.ledger,
        ...(at !== null ? { position: createAnchor(deps.text, doc.sections, at) } : {}),
        ...(outlineSaved ? {} : { outline: summarizeOutline(doc.sections) }),
        epoch: deps.epoch,
        resetSeen: knownResetAt,
      });
      outlineSaved = true;
    },
    SAVE_MS,
    deps.fail,
  );
  const save = () => {
    dirty = true;
    saver.schedule();
  };

  // The toolbar badge shows this tab's progress; the background owns the badge.
  let badge = -1;
  const unsubscribe = store.subscribe((state) => {
    if (state.percent === badge) return;
    badge = state.percent;
    storage.badge(badge);
  });

  const resumeShown = () => resume.offered() && (tracker?.isAwayFromReadingLine(resume.target()!) ?? true);

  // The panel re-renders only when something shown changed: a new array every frame would redraw the outline.
  let readSet: ReadonlySet<string> | null = null;
  let readList: readonly string[] = store.get().readIds;
  let lastResumeAt: number | null = null;
  const onTracker = (state: TrackerState) => {
    if (state.readIds !== readSet) {
      readSet = state.readIds;
      readList = [...state.readIds];
    }
    // Reading happened here: this is the new place to come back to, and no need to offer it now.
    if (state.resumeAt !== lastResumeAt) {
      lastResumeAt = state.resumeAt;
      if (state.resumeAt !== null) resume.readAt(state.resumeAt);
    }
    deps.onReport(state);
    store.set({
      currentId: state.currentId,
      percent: deps.percentOf(state.ledger),
      readIds: readList,
      showResume: resumeShown(),
    });
    save();
  };

  /** The reset that can still be undone: what it removed and when the offer ends. */
  let undo: {
    readonly snapshot: ProgressSnapshot;
    readonly resume: ResumeSnapshot;
    readonly resumeLost: boolean;
    readonly written: Promise<unknown>;
    readonly timer: ReturnType<typeof setTimeout>;
  } | null = null;
  const endUndo = () => {
    if (!undo) return;
    clearTimeout(undo.timer);
    undo = null;
    store.set({ canUndoReset: false });
  };

  const onHide = () => {
    if (win.document.visibilityState === 'hidden') void saver.flush().catch(() => {});
  };

  signal.addEventListener(
    'abort',
    () => {
      endUndo();
      tracker?.stop();
      unsubscribe();
      void saver.flush().catch(() => {});
      storage.badge(null);
    },
    { once: true },
  );

  return {
    tracker: () => tracker,
    stopSaving: () => void (saving = false),
    saving: () => saving,
    start() {
      if (signal.aborted || tracker) return;
      // Painting and measuring wait until the panel is up; the tracker's first report paints.
      badge = store.get().percent;
      storage.badge(badge);
      tracker = createScrollTracker({
        win,
        model: deps.model,
        sections: doc.sections,
        flat: deps.flat,
        initialFurthest: record != null && record.textLength === deps.text.length ? record.furthest : 0,
        initialRead: record?.readSections ?? [],
        initialLedger: deps.storedLedger,
        ignore: deps.host,
        exactOffsets: deps.storedResume === null ? [] : [deps.storedResume],
        onChange: onTracker,
      });
      // Reading stored meanwhile by another tab, or by another computer through sync, shows here
      // without a reload (only for the same text). A reset made elsewhere resets this page too, so
      // its next save does not bring the old progress back; during this page's own undo window the
      // reset is its own and nothing is adopted.
      const unwatch = storage.watch(deps.docId, (stored) => {
        if (!stored || !tracker) return;
        if (stored.resetAt > knownResetAt) {
          knownResetAt = stored.resetAt;
          if (undo) return;
          tracker.forgetProgress();
          resume.clear();
          restoredPosition = null;
          store.set({ percent: 0, readIds: [], showResume: false, resumeLost: false });
          return;
        }
        if (!undo && stored.textLength === deps.text.length) tracker.adoptStored(stored);
      });
      signal.addEventListener('abort', unwatch, { once: true });
      win.document.addEventListener('visibilitychange', onHide, { signal });
      win.addEventListener('pagehide', () => void saver.flush().catch(() => {}), { signal });
    },
    actions: {
      resetProgress() {
        if (!tracker) return;
        endUndo();
        // Written at once, so the popup, the badge and a tab closed now agree with the panel; an
        // undo writes the old state back as progress newer than the reset (merges order by time).
        const written = storage.reset(deps.docId);
        written.catch(deps.fail);
        resetWritten = written.then(
          (stored) => void (knownResetAt = Math.max(knownResetAt, stored?.resetAt ?? 0)),
          () => {},
        );
        undo = {
          snapshot: tracker.forgetProgress(),
          resume: resume.snapshot(),
          resumeLost: store.get().resumeLost,
          written,
          timer: setTimeout(endUndo, UNDO_RESET_MS),
        };
        resume.clear();
        restoredPosition = null;
        store.set({
          percent: 0,
          readIds: [],
          showResume: false,
          resumeLost: false,
          canUndoReset: true,
          message: t('resetDone'),
        });
      },
      undoReset() {
        const pending = undo;
        if (!pending || !tracker) return;
        endUndo();
        tracker.restoreProgress(pending.snapshot);
        // Set after the tracker's report, which takes a restored reading place for new reading.
        resume.restore(pending.resume);
        restoredPosition = pending.snapshot.reading.resumeAt === null ? pending.resume.target : null;
        store.set({ showResume: resumeShown(), resumeLost: pending.resumeLost, message: t('resetUndone') });
        // After the reset's own write (a failed one left the old state stored anyway).
        void pending.written.catch(() => {}).then(save);
      },
    },
  };
}
