// The reader's side panel: header, progress, outline and key phrases, or a slim tab when folded.
import type { Store } from '../lib/ui/create-store';
import type { ReaderActions, ReaderState } from '../lib/ui/reader-state';
import { t } from '../lib/i18n';
import { useStore } from './use-store';
import { DocumentHeader } from './DocumentHeader';
import { ProgressBar } from './ProgressBar';
import { ResumeButton } from './ResumeButton';
import { OutlineTree } from './OutlineTree';
import { PhraseList } from './PhraseList';

interface Props {
  readonly store: Store<ReaderState>;
  readonly actions: ReaderActions;
  readonly swatches: Readonly<Record<string, string>>;
}

export function Panel({ store, actions, swatches }: Props) {
  const state = useStore(store);
  const { doc } = state;
  const frame = { top: `${state.top}px`, [state.side]: '12px' };
  if (!state.open) {
    return (
      <button
        type="button"
        class={`tab ${state.side}`}
        style={frame}
        aria-expanded="false"
        aria-label={t('expandPanelLabel')}
        onClick={() => actions.setOpen(true)}
      >
        {t('expandPanel')}
        <span class="tab-progress">{t('progressShort', state.percent)}</span>
      </button>
    );
  }
  const read = new Set(state.readIds);
  const partsRead = doc.sections.filter((s) => read.has(s.id)).length;
  return (
    <aside class={`panel ${state.side}`} style={{ ...frame, width: `${state.width}px`, maxHeight: `calc(100vh - ${state.top + 12}px)` }} aria-label={t('panelLabel')}>
      <DocumentHeader doc={doc} onCollapse={() => actions.setOpen(false)} />
      <ProgressBar percent={state.percent} partsRead={partsRead} partsTotal={doc.sections.length} />
      <ResumeButton show={state.showResume} lost={state.resumeLost} onResume={actions.resume} onReset={actions.resetProgress} />
      <OutlineTree
        sections={doc.sections}
        groups={doc.groups}
        currentId={state.currentId}
        readIds={state.readIds}
        bookmarks={state.bookmarks}
        onJump={actions.jumpTo}
        onToggleBookmark={actions.toggleBookmark}
        onNote={actions.setBookmarkNote}
      />
      <PhraseList
        phrases={state.phrases}
        highlightsOn={state.highlightsOn}
        hasSelection={state.hasSelection}
        swatches={swatches}
        onToggle={actions.toggleHighlights}
        onGoTo={actions.goToPhrase}
        onAddSelection={actions.addSelectedPhrase}
        onRemove={actions.removeUserPhrase}
      />
      <p class="keys-help">{t('keysHelp')}</p>
      <p class="status" role="status" aria-live="polite">
        {state.message ?? ''}
      </p>
    </aside>
  );
}
