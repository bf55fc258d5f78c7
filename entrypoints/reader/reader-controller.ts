// The reader on one page, composed of small parts (each its own file, each given what it needs
// and one AbortSignal): settings, highlights, progress, navigation, phrases, bookmarks and panel
// choices. stop() is one abort: every listener, timer and watch of this reader ends with it.
import type { TextModel } from '../../lib/document/types';
import type { DetectedDocument as Detected } from '../../lib/document/detect';
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { Side } from '../../lib/ui/layout';
import type { DocRecord, Settings } from '../../lib/storage/schema';
import { sendToBackground } from '../../lib/messages';
import type { ReaderHandle } from '../../lib/startup/handoff';
import type { SliceOptions } from '../../lib/startup/slices';
import type { Ledger } from '../../lib/reading/reading-time';
import { createStore, type Store } from '../../lib/ui/create-store';
import { flattenSections, sectionIndexAt } from '../../lib/document/flatten-sections';
import { mainParts } from '../../lib/document/main-parts';
import { partFacts } from '../../lib/document/part-facts';
import { resolveAnchor } from '../../lib/reading/anchor';
import { ledgerPercent } from '../../lib/reading/progress';
import { startReading, textSegments } from '../../lib/reading/reading-time';
import { schemePairs } from '../../lib/phrases/highlight-styles';
import { t } from '../../lib/i18n';
import { recordProgress, removeBookmark, resetProgress, setBookmark, watchDocument } from '../../lib/storage/documents';
import { addUserPhrase, loadSettings, removeUserPhrase, saveSettings, watchSettings } from '../../lib/storage/settings';
import type { LexiconEntry } from '../../lib/phrases/lexicon';
import { createPhraseLayer } from './phrase-layer';
import { createStatusLine } from './status-line';
import { createReaderSettings } from './reader-settings';
import { createHighlights } from './highlights';
import { createResumePoint, RESUME_SLACK } from './resume-point';
import { createReaderProgress } from './reader-progress';
import { createNavigation } from './navigation';
import { createPhraseActions } from './phrase-actions';
import { bookmarksOf, createBookmarkActions } from './bookmark-actions';
import { createPanelPrefs } from './panel-prefs-actions';
import { listenPageKeys } from './page-keys';
import { createStudyMode } from './study-mode';
import { articleAttachments } from '../../lib/attachments/links';
import { withoutLinkedAttachments } from '../../lib/attachments/linked-entries';

export interface ControllerInit {
  readonly found: Detected;
  readonly docId: string;
  readonly settings: Settings;
  /** The organisation's phrases from its policy, as read when the page was (a changed policy applies from the next page). */
  readonly organisation?: readonly LexiconEntry[];
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
  /**
   * Finds the page's key phrases for the panel (a start-up stage of its own, after the outline is
   * up), in slices with the page's turns between them (`slices`: how, and the stage marks).
   */
  showPhrases(slices?: SliceOptions): Promise<void>;
  /** Starts tracking once the panel is on screen. */
  start(): void;
  /** The layout was measured: whether the full panel fits beside the text. The first call opens it as the reader left it. */
  placed(beside: boolean, side?: Side): void;
  stop(): void;
}

export function createReaderController(init: ControllerInit): ReaderController {
  const { found, docId, record } = init;
  const { model } = found;
  // A file the 附件 list shows is not repeated as an outline entry (linked-entries.ts).
  const attachments = articleAttachments(found.root);
  const doc = withoutLinkedAttachments(found.document, model, attachments);
  const win = window;
  const flat = flattenSections(doc.sections);
  const life = new AbortController();
  const signal = life.signal;

  const resolved = record?.lastPosition ? resolveAnchor(model.text, doc.sections, record.lastPosition.anchor) : null;
  const storedResume = resolved && resolved.offset > RESUME_SLACK ? resolved.offset : null;
  // Credit stored for this document, cut to the sections the text has now.
  const storedLedger = startReading(textSegments(doc.sections, model.text.length), record?.ledger ?? {}).ledger;
  const percentOf = (ledger: Ledger) => ledgerPercent(ledger, model.text.length);
  const resume = createResumePoint(storedResume);

  const phrases = createPhraseLayer(model, init.settings.userPhrases, init.organisation ?? []);
  // Study mode (学习模式): its first view asks for no phrases, so the outline still goes up before phrase work.
  const study = createStudyMode({
    win,
    docId,
    parts: doc.sections,
    record,
    model: () => phrases.model(),
    matches: () => phrases.matches(),
    scheme: () => store.get().highlightScheme,
    topOffset: () => offset(),
    ignore: init.host,
    canSave: () => progress.saving(),
    onChange: (view) => store.set({ study: view }),
    onError: (error) => status.fail(error),
  });
  signal.addEventListener('abort', () => study.stop());
  const store = createStore<ReaderState>({
    doc,
    // Closed until placed: the panel opens by itself only where it fits beside the text.
    open: false,
    side: init.settings.panelSide,
    placedSide: init.settings.panelSide,
    sideFixed: false,
    width: init.settings.panelWidth,
    beside: false,
    docked: false,
    textSize: init.settings.textSize,
    keysHint: !init.settings.keysHintDismissed,
    currentId: flat[0]?.id ?? null,
    percent: percentOf(storedLedger),
    readIds: record?.readSections ?? [],
    bookmarks: bookmarksOf(record),
    showResume: resume.offered(),
    resumeId: null,
    resumeLost: record?.lastPosition != null && resolved == null,
    canUndoReset: false,
    highlightsOn: init.settings.highlightsOn,
    // Light until start() reads the page's background (a style read kept off the first frame).
    highlightScheme: 'light',
    highlightColors: schemePairs('light'),
    // Found by showPhrases(): the outline goes up first (start-reader.ts stages the start-up).
    phrases: [],
    hasSelection: false,
    study: study.view(),
    attachments,
    message: init.kept ? t('storageKeptHere') : null,
  });

  // 继续阅读 names where it leads (in the rail too, when the panel is folded): kept with the offer.
  const resumeIdNow = (showing: boolean) => {
    const target = showing ? resume.target() : null;
    const index = target === null ? -1 : sectionIndexAt(flat, target);
    return index >= 0 ? flat[index]!.id : showing ? (flat[0]?.id ?? null) : null;
  };
  store.set({ resumeId: resumeIdNow(store.get().showResume) });
  store.subscribe((state) => {
    const id = resumeIdNow(state.showResume);
    if (id !== state.resumeId) store.set({ resumeId: id });
  });

  // Parts reach each other only through what is passed here; those made later are reached lazily.
  const offset = () => progress.tracker()?.state().topOffset ?? 0;
  const status = createStatusLine({ store, signal, onSavingStopped: () => progress.stopSaving() });
  const highlights = createHighlights({ win, store, phrases, root: found.root, offset, signal });
  const settings = createReaderSettings({
    initial: init.settings,
    store,
    storage: {
      load: loadSettings,
      watch: watchSettings,
      save: saveSettings,
      addPhrase: addUserPhrase,
      removePhrase: removeUserPhrase,
    },
    onUserPhrases: (list) => {
      void highlights.setUserPhrases(list).then((done) => {
        if (done) study.refresh();
      });
    },
    onHighlights: highlights.setOn,
    fail: status.fail,
    signal,
  });
  const progress = createReaderProgress({
    win,
    store,
    docId,
    doc,
    flat,
    record,
    resume,
    signal,
    percentOf,
    storedLedger,
    storedResume,
    model: phrases.model,
    text: model.text,
    saving: !init.kept,
    url: init.url,
    epoch: init.epoch,
    host: init.host,
    storage: { record: recordProgress, reset: resetProgress, badge: showBadge, watch: watchDocument },
    onReport: (state) => highlights.follow(state.topOffset),
    fail: status.fail,
  });
  const navigation = createNavigation({
    win,
    store,
    doc,
    flat,
    resume,
    model: phrases.model,
    tracker: progress.tracker,
    host: init.host,
  });
  const phraseActions = createPhraseActions({
    win,
    store,
    phrases,
    highlights,
    settings,
    offset,
    signal,
    root: model.root,
    host: init.host,
    jumped: navigation.jumped,
  });
  const bookmarks = createBookmarkActions({
    store,
    docId,
    flat,
    signal,
    storage: { set: setBookmark, remove: removeBookmark, watch: watchDocument },
    confirm: status.confirm,
    fail: status.fail,
  });
  const panelPrefs = createPanelPrefs({ store, settings, signal });
  // Blanks take the page's palette: repainted when the scheme read from the page changes.
  let scheme = store.get().highlightScheme;
  signal.addEventListener(
    'abort',
    store.subscribe((state) => {
      if (state.highlightScheme === scheme) return;
      scheme = state.highlightScheme;
      study.refresh();
    }),
  );

  const actions: ReaderActions = {
    ...panelPrefs.actions,
    ...navigation.actions,
    ...bookmarks.actions,
    ...progress.actions,
    ...phraseActions.actions,
    toggleStudy: () => study.toggle(),
    revealNext: () => study.revealNext(),
    markPart: (partId, mark) => study.markPart(partId, mark),
  };

  return {
    store,
    actions,
    model: () => phrases.model(),
    status() {
      const state = store.get();
      const read = new Set(state.readIds);
      return {
        found: true,
        docId,
        title: doc.title,
        kind: doc.kind,
        percent: state.percent,
        parts: doc.sections.map((s, i) => ({
          id: s.id,
          heading: s.heading,
          read: read.has(s.id),
          ...partFacts(doc, i),
          terms: study.terms(s.id),
        })),
        why: found.evidence,
        requested: !found.evidence.document,
        resume: state.showResume ? (flat.find((s) => s.id === state.resumeId)?.heading ?? null) : null,
      };
    },
    command(name) {
      if (name === 'toggle-panel') actions.setOpen(!store.get().open);
      else if (name === 'toggle-highlights') actions.toggleHighlights();
      else if (name === 'toggle-study') study.toggle();
      else navigation.stepPart(name === 'next-part' ? 1 : -1);
    },
    jumpToId: navigation.jumpToId,
    resumeReading() {
      if (!store.get().showResume) return false;
      actions.resume();
      return true;
    },
    async showPhrases(slices) {
      const found = await phrases.findInSlices({ ...slices, signal });
      if (!found || signal.aborted) return;
      const began = performance.now();
      store.set({ phrases: phrases.summary() });
      study.refresh();
      slices?.onSlice?.(began);
    },
    start() {
      highlights.start();
      progress.start();
      listenPageKeys({ win, parts: mainParts(doc), actions, signal });
      phraseActions.start();
    },
    placed: panelPrefs.placed,
    stop() {
      life.abort();
    },
  };
}

/** The toolbar badge shows this tab's progress; the background owns the badge. */
function showBadge(percent: number | null): void {
  sendToBackground({ type: 'gongwen:progress', percent }).catch(() => {});
}
