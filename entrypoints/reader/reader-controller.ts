// The reader on one page: owns the panel state and turns reader actions into scrolling,
// highlighting and saved progress. DOM-facing glue; the decisions live in lib/.
import type { Section, TextModel } from '../../lib/document/types';
import type { DetectedDocument as Detected } from '../../lib/document/detect';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { DocRecord, Settings } from '../../lib/storage/schema';
import { sendToBackground, type PageStatus, type ReaderCommand } from '../../lib/messages';
import { createStore, type Store } from '../../lib/ui/create-store';
import { flattenSections, sectionIndexAt } from '../../lib/document/flatten-sections';
import { partFacts } from '../../lib/document/part-facts';
import { textRange } from '../../lib/dom/ranges';
import { scrollToTarget } from '../../lib/dom/scroll';
import { createAnchor, resolveAnchor } from '../../lib/reading/anchor';
import { createThrottledSaver, percentRead } from '../../lib/reading/progress';
import { keyEventLike, shortcutFor } from '../../lib/keys/shortcuts';
import { creditedTotal, startReading, textSegments } from '../../lib/reading/reading-time';
import { normalizeUserPhrase, userPhraseLimit, type NormalizeResult } from '../../lib/phrases/user-phrases';
import { schemePairs } from '../../lib/phrases/highlight-styles';
import { DARK_QUERY, readHighlightScheme } from '../../lib/dom/page-background';
import { t } from '../../lib/i18n';
import { clampPanelWidth, isTextSize } from '../../lib/prefs/panel-prefs';
import { NOTE_MAX } from '../../lib/storage/schema';
import {
  recordProgress, removeBookmark, resetProgress, setBookmark, summarizeOutline, watchDocument,
} from '../../lib/storage/documents';
import { addUserPhrase, removeUserPhrase, saveSettings as storeSettings } from '../../lib/storage/settings';
import type { SettingsPatch } from '../../lib/storage/protocol';
import { createScrollTracker, type ProgressSnapshot, type ScrollTracker, type TrackerState } from './scroll-tracker';
import type { ReaderHandle } from '../../lib/startup/handoff';
import { createPhraseLayer, type PhraseLayer } from './phrase-layer';

export interface ControllerInit {
  readonly found: Detected;
  readonly docId: string;
  readonly settings: Settings;
  readonly record: DocRecord | null;
  /** The stored record cannot be read and is kept aside: this page saves nothing over it. */
  readonly kept?: boolean;
  /** The page's address when its document was found: progress is filed under it, even when saved after the page moved on. */
  readonly url: string;
  /** The clear epoch read with the record. */
  readonly epoch: number;
  /** The reader's own element on the page, left out of measuring and scrolling. */
  readonly host: () => Element | null;
}

export interface ReaderController extends ReaderHandle {
  readonly store: Store<ReaderState>;
  readonly actions: ReaderActions;
  /** The article's current text model (re-read when the highlight fallback wraps text). */
  model(): TextModel;
  /** Starts tracking once the panel is on screen. */
  start(): void;
  /** The layout was measured: whether the full panel fits beside the text. The first call opens it as the reader left it. */
  placed(beside: boolean): void;
  stop(): void;
}

/** A stopping point this close to the start is not worth a resume button. */
const RESUME_SLACK = 40;
/** How long a confirmation stays in the status line. */
const CONFIRM_MS = 4000;
/** Width changes while dragging are saved once the drag rests this long. */
const WIDTH_SAVE_MS = 400;
/** How long a reset can be undone. */
export const UNDO_RESET_MS = 8000;

export function createReaderController(init: ControllerInit): ReaderController {
  const { found, docId, record } = init;
  const { model, document: doc } = found;
  const win = window;
  const flat = flattenSections(doc.sections);
  let settings = init.settings;

  const resolved = record?.lastPosition ? resolveAnchor(model.text, doc.sections, record.lastPosition.anchor) : null;
  const storedResume = resolved && resolved.offset > RESUME_SLACK ? resolved.offset : null;
  /** Where 继续阅读 goes: where reading last earned credit (this visit, else as stored). */
  let resumeTarget = storedResume;
  /** 继续阅读 is offered on arrival and after each jump, until reading happens again or it is used. */
  let offerResume = true;
  /** A resume point put back by an undo, written with the next save. */
  let restoredPosition: number | null = null;
  const bookmarksOf = (r: DocRecord | null) =>
    Object.fromEntries(Object.values(r?.bookmarks ?? {}).filter((b) => !b.deleted).map((b) => [b.sectionId, b.note]));
  const sameLength = record != null && record.textLength === model.text.length;
  // Credit stored for this document, cut to the sections the text has now.
  const storedLedger = startReading(textSegments(doc.sections, model.text.length), record?.ledger ?? {}).ledger;
  const percentOf = (ledger: Readonly<Record<string, number>>) => percentRead(creditedTotal(ledger), model.text.length);

  const phrases: PhraseLayer = createPhraseLayer(model, settings.userPhrases);
  const store = createStore<ReaderState>({
    doc,
    // Closed until placed: the panel opens by itself only where it fits beside the text.
    open: false,
    side: settings.panelSide,
    width: settings.panelWidth,
    beside: false,
    docked: false,
    textSize: settings.textSize,
    keysHint: !settings.keysHintDismissed,
    currentId: flat[0]?.id ?? null,
    percent: percentOf(storedLedger),
    readIds: record?.readSections ?? [],
    bookmarks: bookmarksOf(record),
    showResume: resumeTarget !== null,
    resumeLost: record?.lastPosition != null && resolved == null,
    canUndoReset: false,
    highlightsOn: settings.highlightsOn,
    // Light until start() reads the page's background (a style read kept off the first frame).
    highlightScheme: 'light',
    highlightColors: schemePairs('light'),
    phrases: phrases.summary(),
    hasSelection: false,
    message: init.kept ? t('storageKeptHere') : null,
  });

  // The toolbar badge shows this tab's progress; the background owns the badge.
  let badge = -1;
  const showBadge = (percent: number | null) => {
    sendToBackground({ type: 'gongwen:progress', percent }).catch(() => {});
  };
  store.subscribe((state) => {
    if (state.percent === badge) return;
    badge = state.percent;
    showBadge(badge);
  });

  let tracker: ScrollTracker | null = null;
  let dirty = false;
  /** Progress is not saved: the stored record is kept aside, or data was cleared after this page read it. */
  let saving = !init.kept;
  /** The outline goes with the first save that succeeds; later saves carry only what changes. */
  let outlineSaved = false;
  const say = (message: string) => store.set({ message });
  const fail = (error: unknown) => {
    if (storageCode(error) === 'cleared' || storageCode(error) === 'kept') saving = false;
    say(storageMessage(error));
  };
  const saver = createThrottledSaver(
    async () => {
      if (!tracker || !dirty || !saving) return;
      dirty = false;
      const state = tracker.state();
      // Only a place where reading happened (or one an undo put back) moves the stored resume point.
      const at = state.resumeAt ?? restoredPosition;
      restoredPosition = null;
      await recordProgress(docId, {
        meta: { title: doc.title, issuer: doc.issuer, date: doc.date, kind: doc.kind },
        url: init.url,
        textLength: model.text.length,
        furthest: state.furthest,
        readSections: [...state.readIds],
        ledger: state.ledger,
        ...(at !== null ? { position: createAnchor(model.text, doc.sections, at) } : {}),
        ...(outlineSaved ? {} : { outline: summarizeOutline(doc.sections) }),
        epoch: init.epoch,
      });
      outlineSaved = true;
    },
    1000,
    fail,
  );

  // Re-render only when something shown changed: a new array every frame would redraw the outline.
  let readSet: ReadonlySet<string> | null = null;
  let readList: readonly string[] = store.get().readIds;
  const readerOffset = () => tracker?.state().topOffset ?? 0;
  let lastResumeAt: number | null = null;
  const resumeShown = () => offerResume && resumeTarget !== null && (tracker?.isAwayFromReadingLine(resumeTarget) ?? true);
  const onTracker = (state: TrackerState) => {
    if (store.get().highlightsOn) phrases.follow(state.topOffset);
    if (state.readIds !== readSet) {
      readSet = state.readIds;
      readList = [...state.readIds];
    }
    if (state.resumeAt !== lastResumeAt) {
      lastResumeAt = state.resumeAt;
      // Reading happened here: this is the new place to come back to, and no need to offer it now.
      if (state.resumeAt !== null) {
        resumeTarget = state.resumeAt > RESUME_SLACK ? state.resumeAt : null;
        offerResume = false;
      }
    }
    store.set({
      currentId: state.currentId,
      percent: percentOf(state.ledger),
      readIds: readList,
      showResume: resumeShown(),
    });
    dirty = true;
    saver.schedule();
  };

  const jumpToOffset = (start: number, end: number) => {
    scrollToTarget(win.document, textRange(phrases.model(), start, Math.max(start + 1, end)), { ignore: init.host() });
  };

  /** An overlay panel (no room beside the text) gives the page back after a jump. */
  const afterJump = () => {
    const state = store.get();
    if (state.open && !state.beside) store.set({ open: false });
  };

  const jumpTo = (section: Section) => {
    offerResume = true;
    tracker?.pin(section.id);
    jumpToOffset(section.headingStart, section.headingEnd);
    afterJump();
  };

  const byId = (id: unknown): Section | undefined => (typeof id === 'string' ? flat.find((s) => s.id === id) : undefined);

  /** The reset that can still be undone: what it removed and when the offer ends. */
  let undo: {
    readonly snapshot: ProgressSnapshot;
    readonly resumeTarget: number | null;
    readonly resumeLost: boolean;
    readonly offerResume: boolean;
    readonly written: Promise<unknown>;
    readonly timer: number;
  } | null = null;
  const endUndo = () => {
    if (!undo) return;
    win.clearTimeout(undo.timer);
    undo = null;
    store.set({ canUndoReset: false });
  };

  const relative = (step: -1 | 1) => {
    const state = store.get();
    const index = flat.findIndex((s) => s.id === state.currentId);
    const from = index >= 0 ? index : sectionIndexAt(flat, tracker?.state().topOffset ?? 0);
    const target = flat[Math.min(flat.length - 1, Math.max(0, from + step))];
    if (target) jumpTo(target);
  };

  /** Next/previous part (top level), from the part the reader is in (also inside its numbered subsections). */
  const stepPart = (step: -1 | 1) => {
    const current = flat.find((s) => s.id === store.get().currentId);
    const parts = doc.sections;
    const at = current ? sectionIndexAt(parts, current.headingStart) : -1;
    const target = parts[Math.min(parts.length - 1, Math.max(0, at + step))];
    if (target) jumpTo(target);
  };

  const saveSettings = (patch: SettingsPatch) => {
    settings = { ...settings, ...patch };
    storeSettings(patch).catch(fail);
  };

  /** A confirmation in the status line (announced to screen readers), cleared after a moment. */
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  const confirm = (message: string) => {
    clearTimeout(confirmTimer);
    store.set({ message });
    confirmTimer = setTimeout(() => {
      if (store.get().message === message) store.set({ message: null });
    }, CONFIRM_MS);
  };

  /** Shows the change at once and confirms it once stored; a save that fails puts the bookmark back as stored and says why. */
  const updateBookmarks = (section: Section, note: string | null) => {
    const before = store.get().bookmarks[section.id];
    const bookmarks = { ...store.get().bookmarks };
    if (note === null) delete bookmarks[section.id];
    else bookmarks[section.id] = note;
    store.set({ bookmarks });
    const saved = note === null ? removeBookmark(docId, section.id) : setBookmark(docId, section.id, section.heading, note);
    saved.then(
      (stored) => {
        store.set({ bookmarks: { ...store.get().bookmarks, ...pick(bookmarksOf(stored), section.id) } });
        if ((before !== undefined) !== (note !== null)) confirm(t(note === null ? 'bookmarkRemoved' : 'bookmarkAdded', section.heading));
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
  // Bookmarks set in another tab (or the popup) show here too.
  // Its own progress saves change the record every second: redraw only when the bookmarks differ.
  const unwatch = watchDocument(docId, (stored) => {
    if (!stored) return;
    const next = bookmarksOf(stored);
    if (!sameNotes(next, store.get().bookmarks)) store.set({ bookmarks: next });
  });

  let widthTimer: ReturnType<typeof setTimeout> | undefined;

  const actions: ReaderActions = {
    setOpen(open) {
      const state = store.get();
      // Asking for the outline on the page shows it there, docked elsewhere or not.
      store.set(open ? { open: true, docked: false } : { open: false });
      // Remembered where the panel fits beside the text; an overlay opened on a narrow window is for now only.
      if (state.beside) saveSettings({ panelOpen: !!open });
    },
    jumpTo(id) {
      const section = byId(id);
      if (section) jumpTo(section);
    },
    stepSection(step) {
      relative(step === -1 ? -1 : 1);
    },
    toggleBookmark(id) {
      const section = byId(id);
      if (section) updateBookmarks(section, section.id in store.get().bookmarks ? null : '');
    },
    setBookmarkNote(id, note) {
      const section = byId(id);
      if (section && typeof note === 'string') updateBookmarks(section, note.trim().slice(0, NOTE_MAX));
    },
    resume() {
      if (resumeTarget === null) return;
      const index = sectionIndexAt(flat, resumeTarget);
      offerResume = false;
      tracker?.pin(index >= 0 ? flat[index]!.id : null);
      store.set({ showResume: false });
      jumpToOffset(resumeTarget, resumeTarget + 1);
      afterJump();
    },
    resetProgress() {
      if (!tracker) return;
      endUndo();
      // Written at once, so the popup, the badge and a tab closed now agree with the panel; an
      // undo writes the old state back as progress newer than the reset (merges order by time).
      const written = resetProgress(docId);
      written.catch(fail);
      undo = {
        snapshot: tracker.forgetProgress(),
        resumeTarget,
        resumeLost: store.get().resumeLost,
        offerResume,
        written,
        timer: win.setTimeout(endUndo, UNDO_RESET_MS),
      };
      resumeTarget = null;
      restoredPosition = null;
      store.set({ percent: 0, readIds: [], showResume: false, resumeLost: false, canUndoReset: true, message: t('resetDone') });
    },
    undoReset() {
      const pending = undo;
      if (!pending || !tracker) return;
      endUndo();
      tracker.restoreProgress(pending.snapshot);
      // Set after the tracker's report, which takes a restored reading place for new reading.
      resumeTarget = pending.resumeTarget;
      offerResume = pending.offerResume;
      restoredPosition = pending.snapshot.reading.resumeAt === null ? pending.resumeTarget : null;
      store.set({ showResume: resumeShown(), resumeLost: pending.resumeLost, message: t('resetUndone') });
      // After the reset's own write (a failed one left the old state stored anyway).
      void pending.written.catch(() => {}).then(() => {
        dirty = true;
        saver.schedule();
      });
    },
    toggleHighlights() {
      const on = !store.get().highlightsOn;
      if (on) phrases.paint(readerOffset());
      else phrases.clear();
      store.set({ highlightsOn: on });
      saveSettings({ highlightsOn: on });
    },
    goToPhrase(term) {
      if (typeof term !== 'string') return;
      const range = phrases.nextOccurrence(term, tracker?.state().topOffset ?? 0);
      if (!range) return;
      offerResume = true;
      tracker?.pin(null);
      scrollToTarget(win.document, range, { ignore: init.host(), gap: 120 });
      phrases.flash(range);
    },
    addSelectedPhrase() {
      const result = normalizeUserPhrase(selectedText, settings.userPhrases);
      if (!result.ok) {
        say(phraseRefusal(result.reason));
        return;
      }
      showUserPhrases([...settings.userPhrases, result.phrase]);
      addUserPhrase(result.phrase).catch(fail);
    },
    removeUserPhrase(term) {
      showUserPhrases(settings.userPhrases.filter((p) => p !== term));
      removeUserPhrase(term).catch(fail);
    },
    setSide(side) {
      if (side !== 'left' && side !== 'right') return;
      store.set({ side });
      saveSettings({ panelSide: side });
    },
    setWidth(width) {
      if (typeof width !== 'number' || !Number.isFinite(width)) return;
      const clamped = clampPanelWidth(width);
      store.set({ width: clamped });
      clearTimeout(widthTimer);
      widthTimer = setTimeout(() => saveSettings({ panelWidth: clamped }), WIDTH_SAVE_MS);
    },
    setTextSize(size) {
      if (!isTextSize(size)) return;
      store.set({ textSize: size });
      saveSettings({ textSize: size });
    },
    dismissKeysHint() {
      store.set({ keysHint: false });
      saveSettings({ keysHintDismissed: true });
    },
    setDocked(docked) {
      store.set({ docked: !!docked });
    },
  };

  function showUserPhrases(userPhrases: string[]) {
    settings = { ...settings, userPhrases };
    phrases.setUserPhrases(userPhrases);
    if (store.get().highlightsOn) phrases.paint(readerOffset());
    store.set({ phrases: phrases.summary(), message: null });
  }

  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return; // a page's forged key must not jump, or switch highlights off and save that
    const action = shortcutFor(keyEventLike(event));
    if (!action) return;
    if (action.type === 'part') {
      const part = doc.sections[action.index];
      if (!part) return;
      jumpTo(part);
    } else if (action.type === 'previous') relative(-1);
    else if (action.type === 'next') relative(1);
    else actions.toggleHighlights();
    event.preventDefault();
  };
  /** The article text the reader selected last: kept while focus moves to the panel to add it. */
  let selectedText = '';
  const onSelection = () => {
    const selection = win.getSelection();
    const inArticle = !!selection && !selection.isCollapsed && model.root.contains(selection.anchorNode);
    if (inArticle) selectedText = selection.toString();
    else if (win.document.activeElement !== init.host()) selectedText = '';
    store.set({ hasSelection: selectedText !== '' });
  };
  // The page's background decides the palette; read once at start, again when the browser's scheme
  // flips (a page with its own dark style follows that media query).
  const readScheme = () => {
    const scheme = readHighlightScheme(found.root);
    phrases.setScheme(scheme);
    if (scheme !== store.get().highlightScheme) store.set({ highlightScheme: scheme, highlightColors: schemePairs(scheme) });
  };
  const schemeQuery = win.matchMedia?.(DARK_QUERY) ?? null;
  const onHide = () => {
    if (win.document.visibilityState === 'hidden') void saver.flush().catch(() => {});
  };
  const onPageHide = () => void saver.flush().catch(() => {});
  let placedOnce = false;

  return {
    store,
    actions,
    model: () => phrases.model(),
    status() {
      const state = store.get();
      return {
        found: true,
        docId,
        title: doc.title,
        kind: doc.kind,
        percent: state.percent,
        parts: doc.sections.map((s, i) => ({ id: s.id, heading: s.heading, read: state.readIds.includes(s.id), ...partFacts(doc, i) })),
        why: found.evidence,
        requested: !found.evidence.document,
      };
    },
    command(name) {
      if (name === 'toggle-panel') actions.setOpen(!store.get().open);
      else if (name === 'toggle-highlights') actions.toggleHighlights();
      else stepPart(name === 'next-part' ? 1 : -1);
    },
    jumpToId(id) {
      const section = flat.find((s) => s.id === id);
      if (section) jumpTo(section);
      return !!section;
    },
    start() {
      // Painting and measuring wait until the panel is up; the tracker's first report paints.
      badge = store.get().percent;
      showBadge(badge);
      readScheme();
      tracker = createScrollTracker({
        win,
        model: phrases.model,
        sections: doc.sections,
        flat,
        initialFurthest: sameLength ? (record?.furthest ?? 0) : 0,
        initialRead: record?.readSections ?? [],
        initialLedger: storedLedger,
        ignore: init.host,
        exactOffsets: storedResume === null ? [] : [storedResume],
        onChange: onTracker,
      });
      win.addEventListener('keydown', onKey);
      win.document.addEventListener('selectionchange', onSelection);
      win.document.addEventListener('visibilitychange', onHide);
      win.addEventListener('pagehide', onPageHide);
      schemeQuery?.addEventListener('change', readScheme);
    },
    placed(beside) {
      const state = store.get();
      if (!placedOnce) {
        placedOnce = true;
        store.set({ beside, open: settings.panelOpen && beside });
      } else if (beside !== state.beside) {
        // A window grown wide enough reopens the panel as the reader left it; one narrowed folds it.
        store.set({ beside, open: beside ? settings.panelOpen : false });
      }
    },
    stop() {
      endUndo();
      tracker?.stop();
      phrases.clear();
      win.removeEventListener('keydown', onKey);
      win.document.removeEventListener('selectionchange', onSelection);
      win.document.removeEventListener('visibilitychange', onHide);
      win.removeEventListener('pagehide', onPageHide);
      clearTimeout(confirmTimer);
      clearTimeout(widthTimer);
      schemeQuery?.removeEventListener('change', readScheme);
      unwatch();
      void saver.flush().catch(() => {});
      showBadge(null);
    },
  };
}

function phraseRefusal(reason: Extract<NormalizeResult, { ok: false }>['reason']): string {
  if (reason === 'limit') return t('phraseLimitReached', userPhraseLimit);
  return t(reason === 'too-long' ? 'phraseTooLong' : reason === 'duplicate' ? 'phraseDuplicate' : 'phraseEmpty');
}

function sameNotes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}

function pick(bookmarks: Record<string, string>, id: string): Record<string, string> {
  return id in bookmarks ? { [id]: bookmarks[id]! } : {};
}

function storageCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** What a failed save means for the reader, in one line. */
function storageMessage(error: unknown): string {
  switch (storageCode(error)) {
    case 'quota':
      return t('storageError', t('storageQuota'));
    case 'store-full':
      return t('storageFull');
    case 'too-large':
      return t('storageTooLarge');
    case 'kept':
      return t('storageKeptHere');
    case 'cleared':
      return t('storageClearedHere');
    case 'no-writer':
      return t('storageError', t('storageNoWriter'));
    default:
      return t('storageError', error instanceof Error ? error.message : String(error));
  }
}
