// Resume reading where reading last happened, or say plainly that the place can't be found;
// reset progress, undoable for a few seconds.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

interface Props {
  readonly show: boolean;
  readonly lost: boolean;
  /** A reset just happened and can still be undone. */
  readonly canUndo: boolean;
  readonly onResume: () => void;
  readonly onReset: () => void;
  readonly onUndo: () => void;
}

export function ResumeButton({ show, lost, canUndo, onResume, onReset, onUndo }: Props) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  // The control that was just used is replaced: keep keyboard focus on its replacement.
  const focusWasHere = useRef(false);
  useEffect(() => {
    const target = canUndo ? undoRef.current : resetRef.current;
    if (focusWasHere.current) target?.focus();
    focusWasHere.current = false;
  }, [canUndo]);
  const noteFocus = (event: FocusEvent) => {
    focusWasHere.current = event.type === 'focus';
  };
  return (
    <div class="resume">
      {show && (
        <button type="button" class="primary-button" onClick={onResume}>
          {t('resume')}
        </button>
      )}
      {lost && <p class="muted">{t('resumeLost')}</p>}
      {canUndo ? (
        <span class="reset-undo">
          {t('resetUndoable')} ·{' '}
          <button type="button" ref={undoRef} class="link-button" aria-label={t('undoResetLabel')} onClick={onUndo} onFocus={noteFocus} onBlur={noteFocus}>
            {t('undoReset')}
          </button>
        </span>
      ) : (
        <button type="button" ref={resetRef} class="link-button" onClick={onReset} onFocus={noteFocus} onBlur={noteFocus}>
          {t('resetProgress')}
        </button>
      )}
    </div>
  );
}
