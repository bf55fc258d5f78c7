// Export / import (shared with the popup) and clearing everything, confirmed inside the page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { clearAllData, type KeptRecord } from '../../lib/storage/documents';
import { DataTransfer, storageFailure } from '../DataTransfer';
import { KeptRecords } from '../KeptRecords';
import { Section } from './Section';

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
              <button
                type="button"
                class="danger-button"
                ref={confirmButton}
                onClick={async () => {
                  const cleared = await clearAllData().then(() => t('optCleared'), storageFailure);
                  setConfirming(false);
                  setStatus(cleared);
                  focusTrigger();
                }}
              >
                {t('optClearConfirmYes')}
              </button>
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
