// The reader on one page: owns the panel state and turns reader actions into scrolling,
// highlighting and saved progress. DOM-facing glue; the decisions live in lib/.
import type { Section } from '../../lib/document/types';
import type { Detected } from './watch-document';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { DocRecord, Settings } from '../../lib/storage/schema';
import type { BackgroundMessage, PageStatus, ReaderCommand } from '../../lib/messages';
import { browser } from 'wxt/browser';
import { createStore, type Store } from '../../lib/ui/create-store';
import { flattenSections, sectionIndexAt } from '../../lib/document/flatten-sections';
import { textRange } from '../../lib/dom/ranges';
import { scrollToTarget } from '../../lib/dom/scroll';
import { createAnchor, resolveAnchor } from '../../lib/reading/anchor';
import { createThrottledSaver, percentRead } from '../../lib/reading/progress';
import { shortcutFor } from '../../lib/keys/shortcuts';
import { normalizeUserPhrase } from '../../lib/phrases/user-phrases';
import { t } from '../../lib/i18n';
import {
  recordProgress, removeBookmark, resetProgress, setBookmark, summarizeOutline, watchDocument,
} from '../../lib/storage/documents';
import { addUserPhrase, removeUserPhrase, saveSettings as storeSettings } from '../../lib/storage/settings';
import type { SettingsPatch } from '../../lib/storage/protocol';
import { createScrollTracker, type ScrollTracker, type TrackerState } from './scroll-tracker';
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
  readonly frame: { readonly width: number; readonly top: number; readonly roomy: boolean };
  readonly host: () => Element | null;
}

export interface ReaderController {
  readonly store: Store<ReaderState>;
  readonly actions: ReaderActions;
  /** What the popup shows for this tab. */
  status(): PageStatus;
  /** Jumps to a section by id (popup, bookmark links); false when the id is unknown. */
  jumpToId(id: string): boolean;
  /** A browser keyboard command relayed by the background script. */
  command(name: ReaderCommand): void;
  /** Starts tracking once the panel is on screen. */
  start(): void;
  stop(): void;
}

/** A stopping point this close to the start is not worth a resume button. */
const RESUME_SLACK = 40;
/** Below this window width the panel folds into its tab. */
export const NARROW_WINDOW = 1100;

export function createReaderController(init: ControllerInit): ReaderController {
  const { found, docId, record } = init;
  const { model, document: doc } = found;
  const win = window;
  const flat = flattenSections(doc.sections);
  let settings = init.settings;

  const resolved = record?.lastPosition ? resolveAnchor(model.text, doc.sections, record.lastPosition.anchor) : null;
  const resumeTarget = resolved && resolved.offset > RESUME_SLACK ? resolved.offset : null;
  const bookmarksOf = (r: DocRecord | null) =>
    Object.fromEntries(Object.values(r?.bookmarks ?? {}).filter((b) => !b.deleted).map((b) => [b.sectionId, b.note]));
  const sameLength = record != null && record.textLength === model.text.length;

  const phrases: PhraseLayer = createPhraseLayer(model, settings.userPhrases);
  const store = createStore<ReaderState>({
    doc,
    open: settings.panelOpen && init.frame.roomy,
    side: settings.panelSide,
    width: init.frame.width,
    top: init.frame.top,
    currentId: flat[0]?.id ?? null,
    percent: sameLength ? record.percent : 0,
    readIds: record?.readSections ?? [],
    bookmarks: bookmarksOf(record),
    showResume: resumeTarget !== null,
    resumeLost: record?.lastPosition != null && resolved == null,
    highlightsOn: settings.highlightsOn,
    phrases: phrases.summary(),
    hasSelection: false,
    message: init.kept ? t('storageKeptHere') : null,
  });

  // The toolbar badge shows this tab's progress; the background owns the badge.
  let badge = -1;
  const showBadge = (percent: number | null) => {
    const message: BackgroundMessage = { type: 'gongwen:progress', percent };
    browser.runtime.sendMessage(message).catch(() => {});
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
      await recordProgress(docId, {
        meta: { title: doc.title, issuer: doc.issuer, date: doc.date, kind: doc.kind },
        url: init.url,
        textLength: model.text.length,
        furthest: state.furthest,
        readSections: [...state.readIds],
        position: createAnchor(model.text, doc.sections, state.topOffset),
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
  const onTracker = (state: TrackerState) => {
    if (store.get().highlightsOn) phrases.follow(state.topOffset);
    if (state.readIds !== readSet) {
      readSet = state.readIds;
      readList = [...state.readIds];
    }
    const percent = Math.max(sameLength ? (record?.percent ?? 0) : 0, percentRead(state.furthest, model.text.length));
    store.set({
      currentId: state.currentId,
      percent,
      readIds: readList,
      showResume: resumeTarget !== null && (tracker?.isBelowReadingLine(resumeTarget) ?? true),
    });
    dirty = true;
    saver.schedule();
  };

  const jumpToOffset = (start: number, end: number) => {
    scrollToTarget(win.document, textRange(phrases.model(), start, Math.max(start + 1, end)), { ignore: init.host() });
  };

  const jumpTo = (section: Section) => {
    tracker?.pin(section.id);
    jumpToOffset(section.headingStart, section.headingEnd);
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

  /** Shows the change at once; a save that fails puts the bookmark back as stored and says why. */
  const updateBookmarks = (section: Section, note: string | null) => {
    const before = store.get().bookmarks[section.id];
    const bookmarks = { ...store.get().bookmarks };
    if (note === null) delete bookmarks[section.id];
    else bookmarks[section.id] = note;
    store.set({ bookmarks });
    const saved = note === null ? removeBookmark(docId, section.id) : setBookmark(docId, section.id, section.heading, note);
    saved.then(
      (stored) => store.set({ bookmarks: { ...store.get().bookmarks, ...pick(bookmarksOf(stored), section.id) }, message: null }),
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

  const actions: ReaderActions = {
    setOpen(open) {
      store.set({ open });
      saveSettings({ panelOpen: open });
    },
    jumpTo,
    toggleBookmark(section) {
      updateBookmarks(section, section.id in store.get().bookmarks ? null : '');
    },
    setBookmarkNote(section, note) {
      updateBookmarks(section, note);
    },
    resume() {
      if (resumeTarget === null) return;
      const index = sectionIndexAt(flat, resumeTarget);
      if (index >= 0) tracker?.pin(flat[index]!.id);
      jumpToOffset(resumeTarget, resumeTarget + 1);
    },
    resetProgress() {
      tracker?.forgetProgress();
      store.set({ percent: percentRead(tracker?.state().furthest ?? 0, model.text.length), readIds: [], resumeLost: false, message: t('resetDone') });
      resetProgress(docId).catch(fail);
    },
    toggleHighlights() {
      const on = !store.get().highlightsOn;
      if (on) phrases.paint(readerOffset());
      else phrases.clear();
      store.set({ highlightsOn: on });
      saveSettings({ highlightsOn: on });
    },
    goToPhrase(term) {
      const range = phrases.nextOccurrence(term, tracker?.state().topOffset ?? 0);
      if (!range) return;
      scrollToTarget(win.document, range, { ignore: init.host(), gap: 120 });
      phrases.flash(range);
    },
    addSelectedPhrase() {
      const selected = win.getSelection()?.toString() ?? '';
      const result = normalizeUserPhrase(selected, settings.userPhrases);
      if (!result.ok) {
        say(t(result.reason === 'too-long' ? 'phraseTooLong' : result.reason === 'duplicate' ? 'phraseDuplicate' : 'phraseEmpty'));
        return;
      }
      showUserPhrases([...settings.userPhrases, result.phrase]);
      addUserPhrase(result.phrase).catch(fail);
    },
    removeUserPhrase(term) {
      showUserPhrases(settings.userPhrases.filter((p) => p !== term));
      removeUserPhrase(term).catch(fail);
    },
  };

  function showUserPhrases(userPhrases: string[]) {
    settings = { ...settings, userPhrases };
    phrases.setUserPhrases(userPhrases);
    if (store.get().highlightsOn) phrases.paint(readerOffset());
    store.set({ phrases: phrases.summary(), message: null });
  }

  const onKey = (event: KeyboardEvent) => {
    const action = shortcutFor({ ...pickKeys(event), target: event.composedPath()[0] ?? event.target });
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
  const onSelection = () => {
    const selection = win.getSelection();
    const inArticle = !!selection && !selection.isCollapsed && model.root.contains(selection.anchorNode);
    store.set({ hasSelection: inArticle });
  };
  const onHide = () => {
    if (win.document.visibilityState === 'hidden') void saver.flush().catch(() => {});
  };
  const onPageHide = () => void saver.flush().catch(() => {});
  // A window narrowed below the portal's width leaves no margin: fold, without changing the saved choice.
  const onResize = () => {
    if (win.innerWidth < NARROW_WINDOW && store.get().open) store.set({ open: false });
  };

  return {
    store,
    actions,
    status() {
      const state = store.get();
      return {
        found: true,
        docId,
        title: doc.title,
        kind: doc.kind,
        percent: state.percent,
        parts: doc.sections.map((s) => ({ id: s.id, heading: s.heading, read: state.readIds.includes(s.id) })),
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
      tracker = createScrollTracker({
        win,
        model: phrases.model,
        flat,
        initialFurthest: sameLength ? (record?.furthest ?? 0) : 0,
        initialRead: record?.readSections ?? [],
        ignore: init.host,
        exactOffsets: resumeTarget === null ? [] : [resumeTarget],
        onChange: onTracker,
      });
      win.addEventListener('keydown', onKey);
      win.document.addEventListener('selectionchange', onSelection);
      win.document.addEventListener('visibilitychange', onHide);
      win.addEventListener('pagehide', onPageHide);
      win.addEventListener('resize', onResize, { passive: true });
    },
    stop() {
      tracker?.stop();
      phrases.clear();
      win.removeEventListener('keydown', onKey);
      win.document.removeEventListener('selectionchange', onSelection);
      win.document.removeEventListener('visibilitychange', onHide);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('resize', onResize);
      unwatch();
      void saver.flush().catch(() => {});
      showBadge(null);
    },
  };
}

function pickKeys(event: KeyboardEvent) {
  return {
    key: event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    isComposing: event.isComposing,
    defaultPrevented: event.defaultPrevented,
  };
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
