// The panel page's root: the rail (folded, on the page) or the full panel, for the reader it is
// connected to; the reader's keys work here too, and the rail reports its height to size its frame.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { flattenSections } from '../lib/document/flatten-sections';
import type { ReaderActions, ReaderState } from '../lib/ui/reader-state';
import { mainParts } from '../lib/document/main-parts';
import { keyEventLike, runShortcut, shortcutFor } from '../lib/keys/shortcuts';
import { partIdOf } from '../lib/ui/part-label';
import { t } from '../lib/i18n';
import { Panel } from './Panel';
import { Rail } from './Rail';

interface Props {
  readonly state: ReaderState;
  readonly actions: ReaderActions;
  readonly host: 'frame' | 'side';
  readonly onDock: (() => void) | null;
  /** In the side panel: give the outline back to the page. */
  readonly onUndock: () => void;
  /** The frame's content height (the rail's). */
  readonly onHeight: (height: number) => void;
}

export function PanelApp({ state, actions, host, onDock, onUndock, onHeight }: Props) {
  const showRail = host === 'frame' && !(state.open && !state.docked);
  const read = useMemo(() => new Set(state.readIds), [state.readIds]);
  const flat = useMemo(() => flattenSections(state.doc.sections), [state.doc.sections]);
  const resumeTo = state.showResume ? (flat.find((s) => s.id === state.resumeId) ?? null) : null;
  const root = useRef<HTMLElement>(null);

  // The reader's keys, while focus is in the panel (on the page, the reader listens itself).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Study mode's own keys work from the panel too: Esc leaves it first, Space (off a control) reveals.
      if (state.study.on && event.key === 'Escape') {
        actions.toggleStudy();
        event.preventDefault();
        return;
      }
      if (
        state.study.on &&
        event.key === ' ' &&
        !(event.target as Element | null)?.closest?.('button, a, input, textarea, select, [role="tab"]')
      ) {
        actions.revealNext();
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape' && host === 'frame' && state.open && !state.beside) {
        actions.setOpen(false);
        return;
      }
      const action = shortcutFor(keyEventLike(event));
      if (!action) return;
      runShortcut(action, mainParts(state.doc), actions);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, host, state.doc, state.open, state.beside, state.study.on]);

  useEffect(() => {
    const el = root.current;
    if (!el || !showRail) return;
    const observer = new ResizeObserver(() => onHeight(el.scrollHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [showRail, onHeight]);

  return (
    // The panel is this page's main content (in the portal's frame and in the browser's side panel):
    // one main landmark holding everything, so axe's landmark-one-main and region rules hold.
    <main
      ref={root}
      class={`app ${showRail ? 'as-rail' : 'as-panel'}`}
      aria-label={t('panelLabel')}
      style={{ '--gr-size': `${state.textSize}px` }}
    >
      {/* The folded rail has no visible heading; the frame's document still names itself (page-has-heading-one). */}
      {showRail && <h1 class="visually-hidden">{t('panelLabel')}</h1>}
      {showRail ? (
        <Rail
          parts={mainParts(state.doc)}
          currentPartId={partIdOf(mainParts(state.doc), state.currentId)}
          read={read}
          percent={state.percent}
          resumeTo={resumeTo}
          onOpen={() => actions.setOpen(true)}
          onJump={actions.jumpTo}
          onResume={actions.resume}
        />
      ) : (
        <Panel
          state={state}
          actions={actions}
          host={host}
          onDock={onDock}
          onClose={host === 'frame' ? () => actions.setOpen(false) : onUndock}
        />
      )}
    </main>
  );
}
