// Portals beyond the static matches: adding one asks the browser for that host (in the click
// itself, as permissions.request needs a user action), then the background registers the
// content script for it; removing one unregisters it and gives the permission back.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import type { PortalRefreshResult } from '../../lib/messages';
import { syncPortals } from '../../lib/portals/sync-portals';
import { parsePortalInput, patternForOrigin } from '../../lib/portals/origins';
import { addPortal, removePortal } from '../../lib/storage/settings';
import { Section } from './Section';
import { AddForm } from './AddForm';

function reasonText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function PortalsSection(props: {
  portals: readonly string[];
  withoutPermission: readonly string[];
  onSynced: (result: PortalRefreshResult | null) => void;
  /** False when the organisation's policy keeps the portal list to its own (usersMayAddPortals). */
  mayAdd?: boolean;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  /** Must run straight from the click: the permission request is the first thing awaited. */
  const grantAndAdd = (origin: string, pattern: string) => {
    setError('');
    setStatus('');
    browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) {
          setError(t('optPortalDenied'));
          return;
        }
        await addPortal(origin);
        const result = await syncPortals();
        props.onSynced(result);
        setValue('');
        setStatus(t('optPortalAdded', origin));
      })
      .catch((e: unknown) => setError(t('optPortalFailed', reasonText(e))));
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const parsed = parsePortalInput(value);
    if (!parsed.ok) {
      setStatus('');
      setError(
        parsed.reason === 'unsupported-scheme'
          ? t('optPortalUnsupportedScheme')
          : parsed.reason === 'already-covered'
            ? t('optPortalAlreadyCovered')
            : t('optPortalInvalid'),
      );
      return;
    }
    if (props.portals.includes(parsed.origin) && !props.withoutPermission.includes(parsed.origin)) {
      setStatus('');
      setError(t('optPortalDuplicate'));
      return;
    }
    grantAndAdd(parsed.origin, parsed.pattern);
  };

  const onRemove = async (origin: string) => {
    setError('');
    setStatus('');
    try {
      const rest = await removePortal(origin);
      const pattern = patternForOrigin(origin);
      // Origins differing only in port share one pattern: keep it while another still needs it.
      if (pattern && !rest.some((o) => patternForOrigin(o) === pattern)) {
        await browser.permissions.remove({ origins: [pattern] });
      }
      props.onSynced(await syncPortals());
      setStatus(t('optPortalRemoved', origin));
    } catch (e) {
      setError(t('optPortalFailed', reasonText(e)));
    }
  };

  return (
    <Section id="portals" title={t('optPortalsHeading')} intro={t('optPortalsIntro')}>
      {props.mayAdd === false ? (
        <p class="hint">{t('optManagedNoAdd')}</p>
      ) : (
        <AddForm
          id="portal-input"
          label={t('optPortalInputLabel')}
          addLabel={t('optPortalAdd')}
          placeholder={t('optPortalInputPlaceholder')}
          inputMode="url"
          value={value}
          error={error}
          onInput={(next) => {
            setValue(next);
            setError('');
          }}
          onSubmit={onSubmit}
        />
      )}
      {props.portals.length === 0 ? (
        <p class="muted">{t('optPortalsEmpty')}</p>
      ) : (
        <ul class="item-list" aria-label={t('optPortalsList')}>
          {props.portals.map((origin) => {
            const pattern = patternForOrigin(origin);
            const missing = props.withoutPermission.includes(origin);
            return (
              <li key={origin}>
                <span class="origin">{origin}</span>
                {missing ? <span class="badge">{t('optPortalNoAccess')}</span> : null}
                <span class="actions">
                  {missing && pattern ? (
                    <button
                      type="button"
                      aria-label={t('optPortalGrantLabel', origin)}
                      onClick={() => grantAndAdd(origin, pattern)}
                    >
                      {t('optPortalGrant')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    aria-label={t('optPortalRemoveLabel', origin)}
                    onClick={() => void onRemove(origin)}
                  >
                    {t('optPortalRemove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </Section>
  );
}
