// The browser-sync switch (off by default), one sentence on what it does, and a status line: how
// many documents are synced, how many are left on this computer only, and why a sync did not happen.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  loadSyncSettings,
  loadSyncStatus,
  setSyncOn,
  watchSync,
  type SyncSettings,
  type SyncStatus,
} from '../../lib/storage/sync-settings';
import { storageFailure } from '../DataTransfer';
import { Section } from './Section';

const PROBLEM_TEXT = { quota: 'optSyncQuota', rate: 'optSyncRate', failed: 'optSyncFailed' } as const;

export function SyncSection() {
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void loadSyncSettings().then(setSettings);
    void loadSyncStatus().then(setStatus);
    return watchSync((change) => {
      if (change.settings) setSettings(change.settings);
      if (change.status !== undefined) setStatus(change.status);
    });
  }, []);
  const on = settings?.on ?? false;
  return (
    <Section id="sync" title={t('optSyncHeading')} intro={t('optSyncIntro')}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={settings === null}
          onChange={(e) => {
            setError('');
            void setSyncOn(e.currentTarget.checked).then(setSettings, (failure: unknown) =>
              setError(storageFailure(failure)),
            );
          }}
        />
        {t('optSyncLabel')}
      </label>
      <p class="error" role="alert">
        {error}
      </p>
      <div role="status" aria-live="polite">
        {on ? <SyncStatusLines status={status} /> : null}
      </div>
    </Section>
  );
}

function SyncStatusLines(props: { status: SyncStatus | null }) {
  const { status } = props;
  if (!status) return <p class="status muted-status">{t('optSyncWorking')}</p>;
  return (
    <>
      {status.problem ? <p class="status sync-problem">{t(PROBLEM_TEXT[status.problem])}</p> : null}
      <p class="status">{t('optSyncDone', status.synced)}</p>
      {status.left > 0 ? <p class="status sync-left">{t('optSyncLeft', status.left)}</p> : null}
    </>
  );
}
