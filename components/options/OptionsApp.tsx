// The options page: portals, per-site settings, own key phrases, panel, highlights, browser sync, data.
// Every section reads through lib/storage, writes through the background's writer, and follows storage changes,
// so the page stays current while a portal tab changes settings too.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PortalRefreshResult } from '../../lib/messages';
import { loadDocuments, watchDocuments, type KeptRecord } from '../../lib/storage/documents';
import {
  listPortals,
  loadSettings,
  loadSites,
  watchPortals,
  watchSettings,
  watchSites,
} from '../../lib/storage/settings';
import { type DocRecord, type Settings, type SiteSettings } from '../../lib/storage/schema';
import { PortalsSection } from './PortalsSection';
import { syncPortals } from '../../lib/portals/sync-portals';
import { SitesSection } from './SitesSection';
import { PhrasesSection } from './PhrasesSection';
import { HighlightSection, PanelSection } from './PanelSection';
import { DataSection } from './DataSection';
import { SyncSection } from './SyncSection';
import { ManagedSection } from './ManagedSection';
import { watchManaged } from '../../lib/storage/managed';
import { validateManaged, type ManagedResult } from '../../lib/managed/validate';

/** Sites to offer settings for: where documents were read, added portals, sites already set. */
export function knownSites(
  docs: Readonly<Record<string, DocRecord>>,
  portals: readonly string[],
  sites: Readonly<Record<string, SiteSettings>>,
): string[] {
  const out = new Set<string>();
  for (const doc of Object.values(docs)) {
    for (const url of doc.urls) {
      try {
        const { protocol, origin } = new URL(url);
        if (protocol === 'http:' || protocol === 'https:') out.add(origin);
      } catch {
        // not a URL: no site
      }
    }
  }
  for (const origin of portals) out.add(origin);
  for (const key of Object.keys(sites)) out.add(key);
  return [...out].sort((a, b) => a.localeCompare(b));
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [portals, setPortals] = useState<string[]>([]);
  const [withoutPermission, setWithoutPermission] = useState<readonly string[]>([]);
  const [docs, setDocs] = useState<Record<string, DocRecord>>({});
  const [sites, setSites] = useState<Record<string, SiteSettings>>({});
  const [kept, setKept] = useState<readonly KeptRecord[]>([]);
  const [managed, setManaged] = useState<ManagedResult>(() => validateManaged(undefined));

  const onSynced = (result: PortalRefreshResult | null) => {
    if (result) setWithoutPermission(result.withoutPermission);
  };

  useEffect(() => {
    void loadSettings().then(setSettings);
    void listPortals().then(setPortals);
    void loadDocuments().then((loaded) => (setDocs(loaded.docs), setKept(loaded.kept)));
    void loadSites().then(setSites);
    // Also repairs registrations, and tells which portals lost their permission meanwhile.
    void syncPortals().then(onSynced);
    const stops = [
      watchSettings(setSettings),
      watchPortals(setPortals),
      watchDocuments((loaded) => (setDocs(loaded.docs), setKept(loaded.kept))),
      watchSites(setSites),
      watchManaged(setManaged),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  // Nothing to change until the stored settings are in: a click must not save over them with defaults.
  if (!settings) {
    return (
      <main class="options" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
      </main>
    );
  }
  const current = settings;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <ManagedSection managed={managed} portals={portals} withoutPermission={withoutPermission} onSynced={onSynced} />
      <PortalsSection
        portals={portals}
        withoutPermission={withoutPermission}
        onSynced={onSynced}
        mayAdd={managed.config.usersMayAddPortals}
      />
      <SitesSection sites={knownSites(docs, portals, sites)} settings={sites} />
      <PhrasesSection phrases={current.userPhrases} />
      <PanelSection settings={current} managed={managed} />
      <HighlightSection settings={current} managed={managed} />
      {managed.config.syncAllowed ? <SyncSection /> : null}
      <DataSection kept={kept} />
    </main>
  );
}
