// Settings, added portals and per-site settings for every part of the extension: read and
// validated here, watched through storage change events, changed by operations to the writer.
import { browser } from 'wxt/browser';
import { portalsItem, settingsItem, sitesItem } from './items';
import { applyPolicy } from '../managed/apply-policy';
import { readManaged, watchManaged } from './managed';
import { send, type SettingsPatch } from './protocol';
import {
  DEFAULT_SITE_SETTINGS,
  parsePortals,
  parseSettings,
  parseSites,
  type Settings,
  type SiteSettings,
} from './schema';

/** The settings as they apply: the stored ones with the organisation's policy (lib/managed) on top. */
export async function loadSettings(locks = true): Promise<Settings> {
  const [stored, managed] = await Promise.all([browser.storage.local.get('settings'), readManaged()]);
  const raw: unknown = stored.settings;
  return applyPolicy(parseSettings(raw ?? undefined), managed.config, raw === undefined, locks);
}

/** Panel side and state, highlights on or off. */
export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  return send('settings.set', { patch });
}

/** Adds one of the reader's own phrases (normalised by the caller); a duplicate is a no-op. */
export function addUserPhrase(phrase: string): Promise<Settings> {
  return send('phrase.add', { phrase });
}

export function removeUserPhrase(phrase: string): Promise<Settings> {
  return send('phrase.remove', { phrase });
}

/** Follows stored changes and policy changes alike (IT may lock a setting while the page is open). */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  let latest = 0;
  const reload = () => {
    const ticket = ++latest;
    void loadSettings().then((settings) => {
      if (ticket === latest) cb(settings);
    });
  };
  const stopStored = settingsItem().watch(reload);
  let first = true;
  const stopManaged = watchManaged(() => {
    // The first call is the policy as it is now, which the caller already loaded.
    if (first) first = false;
    else reload();
  });
  return () => (stopStored(), stopManaged());
}

// --- portals (origins added in the options page) ---

export async function listPortals(): Promise<string[]> {
  return parsePortals(await portalsItem().getValue());
}

/** Adds an origin ('https://oa.example.com'); returns the new list. Adding one twice is a no-op. */
export function addPortal(origin: string): Promise<string[]> {
  return send('portal.add', { origin });
}

export function removePortal(origin: string): Promise<string[]> {
  return send('portal.remove', { origin });
}

export function watchPortals(cb: (portals: string[]) => void): () => void {
  return portalsItem().watch((value) => cb(parsePortals(value)));
}

// --- per-site settings, keyed by location.origin ---

export async function loadSites(): Promise<Record<string, SiteSettings>> {
  return parseSites(await sitesItem().getValue());
}

/** The settings for a page's origin; an entry under its bare hostname applies too (origin wins). */
export async function getSiteSettings(origin: string): Promise<SiteSettings> {
  return siteIn(await loadSites(), origin);
}

/** Merges `patch` into the site's settings; a site back at the defaults is removed from storage. */
export function setSiteSettings(origin: string, patch: Partial<SiteSettings>): Promise<SiteSettings> {
  return send('site.set', { origin, patch });
}

export function watchSites(cb: (sites: Record<string, SiteSettings>) => void): () => void {
  return sitesItem().watch((value) => cb(parseSites(value)));
}

/** The settings for `origin` in a site map already read. */
export function siteIn(sites: Readonly<Record<string, SiteSettings>>, origin: string): SiteSettings {
  if (Object.hasOwn(sites, origin)) return sites[origin]!;
  let host: string | null = null;
  try {
    host = new URL(origin).hostname;
  } catch {
    // not an origin: only an exact key could match
  }
  return host !== null && Object.hasOwn(sites, host) ? sites[host]! : DEFAULT_SITE_SETTINGS;
}
