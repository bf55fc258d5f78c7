// The panel's phrase actions: highlights on/off, walking to a phrase, and adding the article
// text the reader selected (kept while focus moves to the panel) or removing one of their own.
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { normalizeUserPhrase, userPhraseLimit, type NormalizeResult } from '../../lib/phrases/user-phrases';
import { scrollToTarget } from '../../lib/dom/scroll';
import { t } from '../../lib/i18n';
import type { PhraseLayer } from './phrase-layer';
import type { Highlights } from './highlights';
import type { ReaderSettings } from './reader-settings';

export interface PhraseActionsDeps {
  readonly win: Window;
  readonly store: Store<ReaderState>;
  readonly phrases: PhraseLayer;
  readonly highlights: Highlights;
  readonly settings: ReaderSettings;
  /** The article's root: only a selection inside it can be added. */
  readonly root: Node;
  readonly host: () => Element | null;
  /** Where the reader is in the text. */
  readonly offset: () => number;
  /** A jump that is not to a section start (holds no section as current). */
  readonly jumped: () => void;
  readonly signal: AbortSignal;
}

export interface PhraseActions {
  readonly actions: Pick<ReaderActions, 'toggleHighlights' | 'goToPhrase' | 'addSelectedPhrase' | 'removeUserPhrase'>;
  /** Follows the page's selection (from the first frame on). */
  start(): void;
}

export function createPhraseActions(deps: PhraseActionsDeps): PhraseActions {
  const { win, store, phrases, highlights, settings, signal } = deps;
  /** The article text the reader selected last: kept while focus moves to the panel to add it. */
  let selectedText = '';
  const onSelection = () => {
    const selection = win.getSelection();
    const inArticle = !!selection && !selection.isCollapsed && deps.root.contains(selection.anchorNode);
    if (inArticle) selectedText = selection.toString();
    else if (win.document.activeElement !== deps.host()) selectedText = '';
    store.set({ hasSelection: selectedText !== '' });
  };

  return {
    start() {
      if (!signal.aborted) win.document.addEventListener('selectionchange', onSelection, { signal });
    },
    actions: {
      toggleHighlights() {
        const on = !store.get().highlightsOn;
        highlights.setOn(on);
        settings.save({ highlightsOn: on });
      },
      goToPhrase(term) {
        if (typeof term !== 'string') return;
        const range = phrases.nextOccurrence(term, deps.offset());
        if (!range) return;
        deps.jumped();
        scrollToTarget(win.document, range, { ignore: deps.host(), gap: 120 });
        phrases.flash(range);
      },
      addSelectedPhrase() {
        const result = normalizeUserPhrase(selectedText, settings.current().userPhrases);
        if (!result.ok) {
          store.set({ message: phraseRefusal(result.reason) });
          return;
        }
        store.set({ message: null });
        settings.addPhrase(result.phrase);
      },
      removeUserPhrase(term) {
        if (typeof term !== 'string') return;
        store.set({ message: null });
        settings.removePhrase(term);
      },
    },
  };
}

function phraseRefusal(reason: Extract<NormalizeResult, { ok: false }>['reason']): string {
  if (reason === 'limit') return t('phraseLimitReached', userPhraseLimit);
  return t(reason === 'too-long' ? 'phraseTooLong' : reason === 'duplicate' ? 'phraseDuplicate' : 'phraseEmpty');
}
