// The popup's way to turn the reader on where it does not run yet: 在本单位门户上启用 for the
// portals the organisation's policy lists but the browser has not granted, and 在此网站启用 for
// the active tab's site. Both go the options page's way (lib/managed/enable-portals.ts): one
// permissions.request straight from the click, then each origin becomes a portal and the
// background registers the content script for it.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { enablePortals, type EnableApi } from '../../lib/managed/enable-portals';

export function EnableSites(props: {
  /** Policy origins still to turn on (originsToEnable). */
  readonly pending: readonly string[];
  /** The active tab's origin when 在此网站启用 applies there (siteToEnable), else null. */
  readonly site: string | null;
  readonly api: EnableApi;
}) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ policy: boolean; site: boolean }>({ policy: false, site: false });
  if (props.pending.length === 0 && props.site === null && !status && !error) return null;

  const enable = (origins: readonly string[], which: 'policy' | 'site') => {
    setStatus('');
    setError('');
    void enablePortals(origins, props.api).then(
      (result) => {
        if (!result.ok) return setError(t('optManagedDenied'));
        setDone((was) => ({ ...was, [which]: true }));
        setStatus(which === 'site' ? t('popupSiteEnabled', origins[0]!) : t('optManagedEnabled', origins.length));
      },
      (e: unknown) => setError(t('optPortalFailed', e instanceof Error ? e.message : String(e))),
    );
  };

  return (
    <section class="card enable-sites" aria-labelledby="enable-sites-heading">
      <h2 id="enable-sites-heading">{t('popupEnableHeading')}</h2>
      {props.pending.length > 0 && !done.policy ? (
        <p>
          <button type="button" onClick={() => enable(props.pending, 'policy')}>
            {t('optManagedEnable')}
          </button>{' '}
          <span class="muted small">{t('optManagedPortals', props.pending.length)}</span>
        </p>
      ) : null}
      {props.site !== null && !done.site ? (
        <p>
          <button type="button" onClick={() => enable([props.site!], 'site')}>
            {t('popupEnableSite')}
          </button>{' '}
          <span class="muted small site-origin">{props.site}</span>
        </p>
      ) : null}
      <p class="small" role="status" aria-live="polite">
        {status}
      </p>
      <p class="small error" role="alert">
        {error}
      </p>
    </section>
  );
}
