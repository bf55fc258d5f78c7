// The reader's full panel: a compact header that stays in view (tools; kind and title on one
// line; progress and the parts as one-click jumps on one row; tabs that never break), then the
// document's details and keyboard hint behind a disclosure, resume, and the tabs' content.
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ReaderActions, ReaderState } from '../lib/ui/reader-state';
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { mainParts } from '../lib/document/main-parts';
import { flattenSections } from '../lib/document/flatten-sections';
import { partIdOf } from '../lib/ui/part-label';
import { ABOUT_ID, DocumentHeader } from './DocumentHeader';
import { DocumentMeta } from './DocumentMeta';
import { ProgressBar } from './ProgressBar';
import { ResumeButton } from './ResumeButton';
import { OutlineTree } from './OutlineTree';
import { PhraseList } from './PhraseList';
import { PartJumps } from './PartJumps';
import { PanelToolbar } from './PanelToolbar';
import { KeysHint } from './KeysHint';
import { MyBookmarks } from './MyBookmarks';
import { ResizeHandle } from './ResizeHandle';
import { StudyPanel } from './StudyPanel';
import { StudyBar } from './StudyBar';
import { useReviewGroups } from './use-review-groups';
import { openSection } from '../lib/tabs/open-document';
import type { ReviewEntry, ReviewGroup } from '../lib/study/review-list';
import { AttachmentFiles } from './AttachmentFiles';
import { NoteDraftScope } from './NoteDraftScope';
import { openInViewer } from '../lib/attachments/open-in-viewer';

interface Props {
  readonly state: ReaderState;
  readonly actions: ReaderActions;
  readonly host: 'frame' | 'side';
  /** Opens the browser's side panel for this tab; null where the browser has none. */
  readonly onDock: (() => void) | null;
  /** Closes the panel: folds it to the rail on the page, or closes the browser's side panel. */
  readonly onClose: () => void;
}

type Tab = 'outline' | 'bookmarks' | 'phrases' | 'study';
const TABS: readonly Tab[] = ['outline', 'bookmarks', 'phrases', 'study'];

export function Panel({ state, actions, host, onDock, onClose }: Props) {
  const { doc } = state;
  const [tab, setTab] = useState<Tab>('outline');
  // Details and the keyboard hint behind the header's disclosure: folded even on first view (then
  // the disclosure is marked new), since at a large text size on a laptop they would push the
  // outline below the panel's middle.
  const [aboutOpen, setAboutOpen] = useState(false);
  // Set by the 学习 tab's switch; the study bar takes focus when it appears, then clears it.
  const [studyFocus, setStudyFocus] = useState(false);
  const focusTaken = useCallback(() => setStudyFocus(false), []);
  const read = useMemo(() => new Set(state.readIds), [state.readIds]);
  const flat = useMemo(() => flattenSections(doc.sections), [doc.sections]);
  // The rail and "已读 n/N" count the document's own parts: a covering note or an attachment is no part.
  const parts = useMemo(() => mainParts(doc), [doc]);
  const currentPart = partIdOf(parts, state.currentId);
  const partsRead = parts.filter((s) => read.has(s.id)).length;
  const bookmarkCount = Object.keys(state.bookmarks).length;
  // Stable callbacks: the outline's rows re-render only when their own marks change.
  const callbacks = useMemo(
    () => ({
      jump: (section: Section) => actions.jumpTo(section.id),
      toggle: (section: Section) => actions.toggleBookmark(section.id),
      note: (section: Section, note: string) => actions.setBookmarkNote(section.id, note),
    }),
    [actions],
  );
  // The same files arrive with every state message: kept as one array while they are the same, so the list redraws only on a change.
  const attachmentsKey = JSON.stringify(state.attachments);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not by the array's identity
  const attachments = useMemo(() => state.attachments, [attachmentsKey]);
  // The 复习 list reads the stored records itself (this is an extension page), only while its tab shows.
  const review = useReviewGroups(tab === 'study');
  const openReview = (group: ReviewGroup, entry: ReviewEntry) => {
    if (group.docId === state.study.docId) actions.jumpTo(entry.partId);
    else if (group.url) void openSection(group.url, group.docId, { sectionId: entry.partId, heading: entry.heading });
  };
  const label = (name: Tab) =>
    name === 'outline'
      ? t('tabOutline')
      : name === 'bookmarks'
        ? t('tabBookmarks')
        : name === 'phrases'
          ? t('tabPhrases')
          : t('tabStudy');
  const count = (name: Tab) =>
    name === 'bookmarks' ? bookmarkCount : name === 'phrases' ? state.phrases.length : null;
  return (
    <div class={`panel ${host} ${state.placedSide}`} style={{ '--gr-size': `${state.textSize}px` }}>
      {host === 'frame' && <ResizeHandle side={state.placedSide} width={state.width} onWidth={actions.setWidth} />}
      {/* Inside the page's main landmark (PanelApp): a plain box, not a second landmark. */}
      <NoteDraftScope.Provider value={state.study.docId}>
        <div class="panel-inner">
          <div class="panel-header">
            <PanelToolbar
              host={host}
              side={state.placedSide}
              textSize={state.textSize}
              canDock={onDock !== null}
              onTextSize={actions.setTextSize}
              onSide={actions.setSide}
              onDock={() => onDock?.()}
              onClose={onClose}
            />
            <DocumentHeader
              doc={doc}
              aboutOpen={aboutOpen}
              fresh={state.keysHint}
              onAbout={() => setAboutOpen(!aboutOpen)}
            />
            <div class="progress-row">
              <PartJumps parts={parts} currentPartId={currentPart} read={read} onJump={actions.jumpTo} />
              <ProgressBar percent={state.percent} partsRead={partsRead} partsTotal={parts.length} />
            </div>
            {state.study.on && (
              <StudyBar
                study={state.study}
                onLeave={actions.toggleStudy}
                onNext={actions.revealNext}
                takeFocus={studyFocus}
                onFocusTaken={focusTaken}
              />
            )}
            <div class="tabs" role="tablist" aria-label={t('panelLabel')}>
              {TABS.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  id={`gr-tab-${name}`}
                  aria-selected={tab === name ? 'true' : 'false'}
                  aria-controls={`gr-tabpanel-${name}`}
                  tabIndex={tab === name ? 0 : -1}
                  class="tab"
                  onClick={() => setTab(name)}
                  onKeyDown={(event) => {
                    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                    if (!step) return;
                    event.preventDefault();
                    const next = TABS[(TABS.indexOf(name) + step + TABS.length) % TABS.length]!;
                    setTab(next);
                    (
                      event.currentTarget.parentElement?.querySelector(`#gr-tab-${next}`) as HTMLElement | null
                    )?.focus();
                  }}
                >
                  {label(name)}
                  {count(name) !== null && <span class="tab-count">{count(name)}</span>}
                </button>
              ))}
            </div>
          </div>
          <div class="panel-scroll">
            <div class="doc-about" id={ABOUT_ID} hidden={!aboutOpen}>
              <DocumentMeta doc={doc} />
              <KeysHint
                onDismiss={
                  state.keysHint
                    ? () => {
                        actions.dismissKeysHint();
                        setAboutOpen(false);
                      }
                    : null
                }
              />
            </div>
            <ResumeButton
              show={state.showResume}
              to={state.showResume ? (flat.find((s) => s.id === state.resumeId)?.heading ?? null) : null}
              lost={state.resumeLost}
              canUndo={state.canUndoReset}
              onResume={actions.resume}
              onReset={actions.resetProgress}
              onUndo={actions.undoReset}
            />
            <div class="tab-panel" role="tabpanel" id={`gr-tabpanel-${tab}`} aria-labelledby={`gr-tab-${tab}`}>
              {tab === 'outline' && (
                <OutlineTree
                  sections={doc.sections}
                  groups={doc.groups}
                  currentId={state.currentId}
                  readIds={state.readIds}
                  bookmarks={state.bookmarks}
                  onJump={callbacks.jump}
                  onToggleBookmark={callbacks.toggle}
                  onNote={callbacks.note}
                />
              )}
              {tab === 'outline' && (
                <AttachmentFiles
                  files={attachments}
                  underGroup={doc.groups?.some((group) => group.kind === 'attachments') ?? false}
                  onOpen={openInViewer}
                />
              )}
              {tab === 'bookmarks' && (
                <MyBookmarks
                  sections={flat}
                  bookmarks={state.bookmarks}
                  onJump={actions.jumpTo}
                  onRemove={actions.toggleBookmark}
                  onNote={actions.setBookmarkNote}
                />
              )}
              {tab === 'phrases' && (
                <PhraseList
                  phrases={state.phrases}
                  studyOn={state.study.on}
                  highlightsOn={state.highlightsOn}
                  hasSelection={state.hasSelection}
                  colors={state.highlightColors}
                  onToggle={actions.toggleHighlights}
                  onGoTo={actions.goToPhrase}
                  onAddSelection={actions.addSelectedPhrase}
                  onRemove={actions.removeUserPhrase}
                />
              )}
              {tab === 'study' && (
                <StudyPanel
                  study={state.study}
                  parts={doc.sections}
                  review={review}
                  onToggle={actions.toggleStudy}
                  onEnterFromSwitch={() => setStudyFocus(true)}
                  onMark={actions.markPart}
                  onJump={actions.jumpTo}
                  onOpenReview={openReview}
                />
              )}
            </div>
          </div>
          <p class="status" role="status" aria-live="polite">
            {state.message ?? ''}
          </p>
        </div>
      </NoteDraftScope.Provider>
    </div>
  );
}
