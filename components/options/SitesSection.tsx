// Per-site settings for every site the reader knows (documents read there, added portals):
// turn the reader off, or name the article container where detection picks the wrong region.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { validateSelector } from '../../lib/portals/origins';
import { setSiteSettings } from '../../lib/storage/settings';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../lib/storage/schema';
import { Section } from './Section';

function SiteRow(props: { site: string; settings: SiteSettings; index: number }) {
  const { site, settings, index } = props;
  const [selector, setSelector] = useState(settings.selector ?? '');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  // The stored value arrives after the first render, or changes in another tab: show it.
  useEffect(() => setSelector(settings.selector ?? ''), [settings.selector]);
  const legendId = `site-${index}-legend`;
  const selectorId = `site-${index}-selector`;
  const hintId = `site-${index}-hint`;
  const errorId = `site-${index}-error`;

  const saveSelector = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    if (!validateSelector(selector)) {
      setError(t('optSiteSelectorInvalid'));
      return;
    }
    setError('');
    const saved = await setSiteSettings(site, { selector: selector.trim() || null });
    setSelector(saved.selector ?? '');
    setStatus(t('optSiteSaved'));
  };

  return (
    <li>
      <fieldset class="site" aria-labelledby={legendId}>
        <legend id={legendId} class="origin">
          {site}
        </legend>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.disabled}
            onChange={async (e) => {
              const disabled = e.currentTarget.checked;
              await setSiteSettings(site, { disabled });
              setStatus(t('optSiteSaved'));
            }}
          />
          {t('optSiteDisabledLabel')}
        </label>
        <form class="selector-form" onSubmit={saveSelector} noValidate>
          <label for={selectorId}>{t('optSiteSelectorLabel')}</label>
          <div class="row">
            <input
              id={selectorId}
              type="text"
              autoComplete="off"
              spellcheck={false}
              class="code"
              value={selector}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={`${hintId} ${errorId}`}
              onInput={(e) => {
                setSelector(e.currentTarget.value);
                setError('');
                setStatus('');
              }}
            />
            <button type="submit">{t('optSiteSelectorSave')}</button>
          </div>
          <p id={hintId} class="hint">
            {t('optSiteSelectorHint')}
          </p>
          <p id={errorId} class="error" role="alert">
            {error}
          </p>
        </form>
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </fieldset>
    </li>
  );
}

export function SitesSection(props: { sites: readonly string[]; settings: Readonly<Record<string, SiteSettings>> }) {
  return (
    <Section id="sites" title={t('optSitesHeading')} intro={t('optSitesIntro')}>
      {props.sites.length === 0 ? (
        <p class="muted">{t('optSitesEmpty')}</p>
      ) : (
        <ul class="site-list">
          {props.sites.map((site, index) => (
            <SiteRow key={site} site={site} index={index} settings={props.settings[site] ?? DEFAULT_SITE_SETTINGS} />
          ))}
        </ul>
      )}
    </Section>
  );
}
