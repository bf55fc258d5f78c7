// Export / import (shared with the popup) and clearing everything, confirmed inside the page by a
// button that appears under the explanation and takes no press in its first 500 ms (use-confirm.ts).
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { clearAllData, type KeptRecord } from '../../lib/storage/documents';
import { DataTransfer, storageFailure } from '../DataTransfer';
import { KeptRecords } from '../KeptRecords';
import { Section } from './Section';
import { useConfirm } from '../use-confirm';
import { CONFIRM_TIMING } from '../../lib/ui/confirm-timing';

/** The confirmation stays until cancelled: the explanation takes a while to read. */
const CLEAR_TIMING = { readyAfterMs: CONFIRM_TIMING.readyAfterMs, disarmAfterMs: Infinity };

export function DataSection(props: { kept: readonly KeptRecord[] }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const focusTrigger = () => setTimeout(() => trigger.current?.focus(), 0);
  return (
    <Section id="data" title={t('optDataHeading')} intro={t('optDataIntro')}>
      <KeptRecords kept={props.kept} />
      <DataTransfer />
      <div class="danger">
        {confirming ? (
          <div class="confirm" role="group" aria-labelledby="clear-confirm-text">
            <p id="clear-confirm-text">{t('optClearConfirm')}</p>
            <div class="row">
              <ClearYes
                buttonRef={confirmButton}
                onConfirm={async () => {
                  const cleared = await clearAllData().then(() => t('optCleared'), storageFailure);
                  setConfirming(false);
                  setStatus(cleared);
                  focusTrigger();
                }}
              />
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  focusTrigger();
                }}
              >
                {t('optClearCancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" ref={trigger} onClick={() => (setStatus(''), setConfirming(true))}>
            {t('optClearAll')}
          </button>
        )}
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </Section>
  );
}

/** 确定清除: mounted armed by the first button, so a click sooner than 500 ms after it appeared is ignored. */
function ClearYes(props: { buttonRef: Ref<HTMLButtonElement>; onConfirm: () => void }) {
  const { phase, activate } = useConfirm(props.onConfirm, { startArmed: true, timing: CLEAR_TIMING });
  return (
    <button type="button" class="danger-button" ref={props.buttonRef} data-confirm={phase} onClick={activate}>
      {t('optClearConfirmYes')}
    </button>
  );
}
