// The writer's side of settings, portals and per-site settings: each operation reads the stored
// value, applies one change and writes it only when it changed. Runs only inside the writer's queue.
import { guardedWrite } from './document-store';
import { portalsItem, settingsItem, sitesItem } from './items';
import type { SettingsPatch } from './protocol';
import { loadSettings, listPortals, loadSites, siteIn } from './settings';
import { parsePortals, parseSettings, parseSiteSettings, type Settings, type SiteSettings } from './schema';
import { addUserPhrase, removeUserPhrase } from '../phrases/user-phrases';

async function writeSettings(change: (current: Settings) => Settings): Promise<Settings> {
  // Locked settings are not stored: they come from the policy on every read, and go when it goes.
  const current = await loadSettings(false);
  const next = parseSettings(change(current));
  if (JSON.stringify(next) !== JSON.stringify(current)) await guardedWrite(() => settingsItem().setValue(next));
  return next;
}

/** The scalar settings a patch may carry; parseSettings then checks each value's range. */
const PATCHABLE = [
  'highlightsOn',
  'panelSide',
  'panelOpen',
  'panelWidth',
  'textSize',
  'keysHintDismissed',
] as const satisfies readonly (keyof SettingsPatch)[];

export function applySettings(patch: SettingsPatch): Promise<Settings> {
  const picked: Record<string, unknown> = {};
  for (const key of PATCHABLE) if (patch[key] !== undefined) picked[key] = patch[key];
  return writeSettings((current) => ({ ...current, ...picked }));
}

/** A delta on the stored list (never a whole list from a reader's copy), by the same rules as adding one in the UI. */
export function applyAddPhrase(phrase: string): Promise<Settings> {
  return writeSettings((current) => ({ ...current, userPhrases: addUserPhrase(current.userPhrases, phrase) }));
}

export function applyRemovePhrase(phrase: string): Promise<Settings> {
  return writeSettings((current) => ({ ...current, userPhrases: removeUserPhrase(current.userPhrases, phrase) }));
}

/** Imported settings replace the current ones, except that user phrases are combined. */
export function applyImportedSettings(imported: Settings): Promise<Settings> {
  return writeSettings((current) => ({ ...imported, userPhrases: [...current.userPhrases, ...imported.userPhrases] }));
}

export async function applyAddPortal(origin: string): Promise<string[]> {
  const current = await listPortals();
  const next = parsePortals([...current, origin]);
  if (next.length !== current.length) await guardedWrite(() => portalsItem().setValue(next));
  return next;
}

export async function applyRemovePortal(origin: string): Promise<string[]> {
  const current = await listPortals();
  const next = current.filter((o) => o !== origin);
  if (next.length !== current.length) await guardedWrite(() => portalsItem().setValue(next));
  return next;
}

export async function applySiteSettings(origin: string, patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const sites = await loadSites();
  const next = parseSiteSettings({ ...siteIn(sites, origin), ...patch }) ?? siteIn(sites, origin);
  const out = { ...sites };
  if (!next.disabled && next.selector === null) delete out[origin];
  else out[origin] = next;
  await guardedWrite(() => sitesItem().setValue(out));
  return next;
}
