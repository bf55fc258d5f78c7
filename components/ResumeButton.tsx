// Resume reading where reading last happened, or say plainly that the place can't be found;
// reset progress, after a second unhurried press (ConfirmButton), undoable for a few seconds.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  readonly show: boolean;
  /** The heading of where it leads. */
  readonly to: string | null;
  readonly lost: boolean;
  /** A reset just happened and can still be undone. */
  readonly canUndo: boolean;
  readonly onResume: () => void;
  readonly onReset: () => void;
  readonly onUndo: () => void;
}

export function ResumeButton({ show, to, lost, canUndo, onResume, onReset, onUndo }: Props) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  // Reset and undo replace each other: keyboard focus on the one leaving moves to the one coming.
  const moveFocus = useRef(false);
  const undoButton = undoRef.current;
  if (!canUndo && undoButton && (undoButton.getRootNode() as Document | ShadowRoot).activeElement === undoButton)
    moveFocus.current = true;
  useEffect(() => {
    if (moveFocus.current) (canUndo ? undoRef : resetRef).current?.focus();
    moveFocus.current = false;
  }, [canUndo]);
  const reset = () => {
    moveFocus.current = true;
    onReset();
  };
  const undo = () => {
    moveFocus.current = true;
    onUndo();
  };
  return (
    <div class="resume">
      {show && (
        <button
          type="button"
          class="primary-button resume-button"
          title={to ? t('resumeTo', to) : undefined}
          onClick={onResume}
        >
          {t('resume')}
          {to && <span class="resume-to">{to}</span>}
        </button>
      )}
      {lost && <p class="muted">{t('resumeLost')}</p>}
      {canUndo ? (
        <span class="reset-undo">
          {t('resetUndoable')} ·{' '}
          <button type="button" ref={undoRef} class="link-button" aria-label={t('undoResetLabel')} onClick={undo}>
            {t('undoReset')}
          </button>
        </span>
      ) : (
        <ConfirmButton name={t('resetProgress')} buttonRef={resetRef} class="link-button" onConfirm={reset}>
          {t('resetProgress')}
        </ConfirmButton>
      )}
    </div>
  );
}
