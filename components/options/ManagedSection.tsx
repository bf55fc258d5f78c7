// What the organisation's policy sets (lib/managed): who manages the reader, where to get help,
// policy values that were refused and why (as text), and the one button that turns the reader on
// for every portal the policy lists.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../lib/i18n';
import type { PortalRefreshResult } from '../../lib/messages';
import { enablePortals, originsToEnable } from '../../lib/managed/enable-portals';
import type { ManagedProblemReason, ManagedResult } from '../../lib/managed/validate';
import { addPortal } from '../../lib/storage/settings';
import { Section } from './Section';
import { syncPortals } from '../../lib/portals/sync-portals';

const REASON_TEXT: Record<ManagedProblemReason, MessageKey> = {
  'unknown-key': 'managedReason_unknown_key',
  'wrong-type': 'managedReason_wrong_type',
  'too-many': 'managedReason_too_many',
  'too-long': 'managedReason_too_long',
  'bad-origin': 'managedReason_bad_origin',
  'broad-pattern': 'managedReason_broad_pattern',
  markup: 'managedReason_markup',
  'bad-url': 'managedReason_bad_url',
  duplicate: 'managedReason_duplicate',
  'not-a-setting': 'managedReason_not_a_setting',
};

/** "由贵单位管理" with the support link: next to every control the policy locks. */
export function ManagedNote(props: { managed: ManagedResult }) {
  const { supportUrl } = props.managed.config;
  return (
    <p class="hint managed-note">
      {t('optManagedBy')}
      {supportUrl ? (
        <>
          {' · '}
          <a href={supportUrl} target="_blank" rel="noopener noreferrer">
            {t('optManagedSupport')}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Whether the extension was installed by policy (management.getSelf needs no permission). */
function useAdminInstall(): boolean {
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    const management = (browser as unknown as { management?: { getSelf(): Promise<{ installType?: string }> } })
      .management;
    void management?.getSelf().then(
      (self) => setAdmin(self.installType === 'admin'),
      () => setAdmin(false),
    );
  }, []);
  return admin;
}

export function ManagedSection(props: {
  managed: ManagedResult;
  portals: readonly string[];
  withoutPermission: readonly string[];
  onSynced: (result: PortalRefreshResult | null) => void;
}) {
  const { config, problems, moreProblems } = props.managed;
  const admin = useAdminInstall();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  if (!config.present && !admin && problems.length === 0) return null;
  const pending = originsToEnable(config.portalOrigins, props.portals, props.withoutPermission);

  const onEnable = () => {
    setStatus('');
    setError('');
    void enablePortals(pending, {
      request: (patterns) => browser.permissions.request({ origins: patterns }),
      addPortal,
      refresh: async () => props.onSynced(await syncPortals()),
    }).then(
      (result) =>
        result.ok ? setStatus(t('optManagedEnabled', result.origins.length)) : setError(t('optManagedDenied')),
      (e: unknown) => setError(t('optPortalFailed', e instanceof Error ? e.message : String(e))),
    );
  };

  return (
    <Section id="managed" title={t('optManagedHeading')}>
      <p class="managed-by">
        {config.organisationName ? t('optManagedByOrg', config.organisationName) : t('optManagedBy')}
        {config.supportUrl ? (
          <>
            {' · '}
            <a href={config.supportUrl} target="_blank" rel="noopener noreferrer">
              {t('optManagedSupport')}
            </a>
          </>
        ) : null}
      </p>
      {admin ? <p class="hint">{t('optManagedAdmin')}</p> : null}
      {config.portalOrigins.length > 0 ? (
        <div class="managed-portals">
          <p>{t('optManagedPortals', config.portalOrigins.length)}</p>
          {pending.length > 0 ? (
            <button type="button" onClick={onEnable}>
              {t('optManagedEnable')}
            </button>
          ) : (
            <p class="hint">{t('optManagedAllOn')}</p>
          )}
        </div>
      ) : null}
      {!config.syncAllowed ? <p class="hint">{t('optManagedSyncOff')}</p> : null}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      {problems.length > 0 ? (
        <div class="managed-problems">
          <h3 id="managed-problems-heading">{t('optManagedProblems')}</h3>
          <ul aria-labelledby="managed-problems-heading">
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(policy)'}</code>: {t(REASON_TEXT[p.reason])}
              </li>
            ))}
          </ul>
          {moreProblems > 0 ? <p class="hint">{t('optManagedMoreProblems', moreProblems)}</p> : null}
        </div>
      ) : null}
    </Section>
  );
}
