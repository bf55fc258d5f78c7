// A destructive button that needs a second, unhurried press: the first turns it into
// "再点一次确认" (said through a live region), a second press ≥ 500 ms later acts, and the offer
// runs out after a few seconds. One redressed click on an invisible panel deletes nothing.
import type { ComponentChildren, Ref } from 'preact';
import { t } from '../lib/i18n';
import { useConfirm, type ConfirmOptions } from './use-confirm';

interface Props extends ConfirmOptions {
  /** The accessible name when not armed; armed, the name says to click again and what it does. */
  readonly name: string;
  /** What the button shows when not armed (its text or icon). */
  readonly children: ComponentChildren;
  readonly onConfirm: () => void;
  readonly class?: string;
  readonly title?: string;
  readonly pressed?: boolean;
  readonly buttonRef?: Ref<HTMLButtonElement>;
}

export function ConfirmButton(props: Props) {
  const { name, children, onConfirm, buttonRef, pressed, title } = props;
  const { needed, startArmed, timing, now } = props;
  const { phase, activate } = useConfirm(onConfirm, { needed, startArmed, timing, now });
  const armed = phase !== 'idle';
  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        class={armed ? `${props.class ?? ''} confirm-armed` : props.class}
        data-confirm={armed ? phase : undefined}
        aria-label={armed ? t('confirmArmedLabel', name) : name}
        aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
        title={armed ? t('confirmArmedLabel', name) : title}
        onClick={activate}
      >
        {armed ? <span class="confirm-again">{t('confirmAgain')}</span> : children}
      </button>
      {/* Always present, so the change is announced; not role=status, which names the panel's own line. */}
      <span class="visually-hidden" aria-live="polite">
        {armed ? t('confirmArmedLabel', name) : ''}
      </span>
    </>
  );
}
