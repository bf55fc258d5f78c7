// Async storage API for the content script, popup and options page: every read validated,
// every write merged with what is stored (two tabs never overwrite each other) and capped.
import type { Section } from '../document/types';
import type { TextAnchor } from '../reading/anchor';
import { mergeRecords } from '../reading/merge';
import { percentRead } from '../reading/progress';
import { creditedTotal } from '../reading/reading-time';
import { parseImport, importInto, type ImportError } from './export-import';
import { documentId, normalizeUrl, type DocMeta } from './identity';
import { documentsItem, pendingJumpItem, portalsItem, settingsItem, sitesItem } from './items';
import {
  DEFAULT_SITE_SETTINGS, NOTE_MAX, URLS_MAX, emptyRecord, parseDocRecord, parsePortals, parseSettings,
  parseSiteSettings, parseSites, type Bookmark, type DocRecord, type Settings, type SiteSettings,
} from './schema';

export const DOCUMENTS_CAP = 200;

export type StorageErrorCode = 'quota' | 'write-failed';

/** A failed write; nothing was changed (each write replaces the whole value at once). */
export class StorageError extends Error {
  constructor(readonly code: StorageErrorCode, options?: { cause?: unknown }) {
    super(code === 'quota' ? 'Browser storage is full' : 'Could not write to browser storage', options);
    this.name = 'StorageError';
  }
}

export interface LoadedDocuments {
  docs: Record<string, DocRecord>;
  /** Keys of damaged records left out ('*' if the whole value was unusable). */
  dropped: string[];
}

export async function loadDocuments(): Promise<LoadedDocuments> {
  return validateAll(await documentsItem().getValue());
}

/**
 * As resolveDocument, from documents read beforehand (the content script reads them while it is
 * still reading the page). A record still filed under its URL is moved by resolveDocument itself.
 */
export function resolveDocumentIn(loaded: LoadedDocuments, meta: DocMeta, url: string): Promise<{ id: string; record: DocRecord | null }> {
  const id = documentId(meta, url);
  if (legacyRecord(loaded.docs, id, url)) return resolveDocument(meta, url);
  return Promise.resolve({ id, record: loaded.docs[id] ?? null });
}

/** A record of this page still filed under its URL while the page now has a fingerprint id. */
function legacyRecord(docs: Readonly<Record<string, DocRecord>>, id: string, url: string): DocRecord | undefined {
  return id.startsWith('fp:') ? docs[`url:${normalizeUrl(url)}`] : undefined;
}

export async function getDocument(id: string): Promise<DocRecord | null> {
  return (await loadDocuments()).docs[id] ?? null;
}

/**
 * The id to use for a page (its fingerprint, or its URL key) and its stored record, from one
 * read. A record filed under the URL (title unknown then, or migrated from v1) is moved to the
 * fingerprint key on first sight.
 */
export function resolveDocument(meta: DocMeta, url: string): Promise<{ id: string; record: DocRecord | null }> {
  const id = documentId(meta, url);
  return serialized(async () => {
    const { docs } = await loadDocuments();
    const legacy = legacyRecord(docs, id, url);
    if (!legacy) return { id, record: docs[id] ?? null };
    const next = { ...docs };
    delete next[legacy.id];
    const moved = { ...legacy, id };
    next[id] = docs[id] ? mergeRecords(docs[id], moved) : moved;
    const written = await writeDocuments(next, id);
    return { id, record: written[id] ?? next[id] ?? null };
  });
}

export async function resolveDocumentId(meta: DocMeta, url: string): Promise<string> {
  return (await resolveDocument(meta, url)).id;
}

/** Read-merge-write: `change` sees the stored record; its result is merged with it, then stored. */
export async function updateDocument(id: string, change: (current: DocRecord | null) => DocRecord): Promise<DocRecord> {
  const written = await applyUpdate(id, change);
  return written ?? emptyRecord(id);
}

/** As updateDocument, but `change` may return null to leave storage untouched. */
function applyUpdate(id: string, change: (current: DocRecord | null) => DocRecord | null): Promise<DocRecord | null> {
  return serialized(async () => {
    const { docs } = await loadDocuments();
    const current = docs[id] ?? null;
    const changed = change(current);
    if (!changed) return current;
    const next = current ? mergeRecords(current, { ...changed, id }) : { ...changed, id };
    const written = await writeDocuments({ ...docs, [id]: next }, id);
    return written[id] ?? next;
  });
}

export interface ProgressUpdate {
  readonly meta: DocMeta & { readonly kind: string | null };
  readonly url: string;
  readonly textLength: number;
  /** Furthest offset reached since the page was opened (or since a reset the tab saw). */
  readonly furthest: number;
  readonly readSections?: readonly string[];
  /** Characters read per text segment (reading-time.ts); the percent follows from it. */
  readonly ledger?: Readonly<Record<string, number>>;
  /** Where reading last happened; left out when this visit has not read anywhere yet. */
  readonly position?: TextAnchor;
  /** The outline, so the popup can list parts and name bookmarks without the page. */
  readonly sections?: readonly Section[];
  readonly now?: number;
}

export function recordProgress(id: string, update: ProgressUpdate): Promise<DocRecord> {
  const now = update.now ?? Date.now();
  return updateDocument(id, (current) => {
    const base = current ?? emptyRecord(id, now);
    const outline = update.sections ? summarizeOutline(update.sections) : null;
    return {
      ...base,
      title: update.meta.title ?? base.title,
      issuer: update.meta.issuer ?? base.issuer,
      date: update.meta.date ?? base.date,
      kind: update.meta.kind ?? base.kind,
      urls: [...new Set([normalizeUrl(update.url), ...base.urls])].slice(0, URLS_MAX),
      textLength: update.textLength,
      furthest: update.furthest,
      ledger: { ...(update.ledger ?? {}) },
      percent: percentRead(creditedTotal(update.ledger ?? {}), update.textLength),
      ...(update.position ? { lastPosition: { anchor: update.position, at: now } } : {}),
      readSections: [...(update.readSections ?? [])],
      sectionTitles: outline ? withTitles(base.sectionTitles, outline.titles) : base.sectionTitles,
      parts: outline ? outline.parts : base.parts,
      lastReadAt: now,
      updatedAt: now,
    };
  });
}

export function setBookmark(id: string, sectionId: string, heading: string, note = '', now = Date.now()): Promise<DocRecord> {
  return updateDocument(id, (current) => {
    const base = current ?? emptyRecord(id, now);
    const existing = base.bookmarks[sectionId];
    const bookmark: Bookmark = {
      sectionId,
      heading,
      note: note.trim().slice(0, NOTE_MAX),
      createdAt: existing && !existing.deleted ? existing.createdAt : now,
      // Strictly newer than what it replaces, even within the same millisecond.
      updatedAt: Math.max(now, (existing?.updatedAt ?? 0) + 1),
    };
    return {
      ...base,
      sectionTitles: { ...base.sectionTitles, [sectionId]: heading },
      bookmarks: { ...base.bookmarks, [sectionId]: bookmark },
      updatedAt: Math.max(now, base.updatedAt),
    };
  });
}

/** Leaves a tombstone so another tab's older copy cannot bring the bookmark back. */
export function removeBookmark(id: string, sectionId: string, now = Date.now()): Promise<DocRecord | null> {
  return applyUpdate(id, (current) => {
    const existing = current?.bookmarks[sectionId];
    if (!current || !existing || existing.deleted) return null;
    const tombstone: Bookmark = { ...existing, note: '', deleted: true, updatedAt: Math.max(now, existing.updatedAt + 1) };
    return { ...current, bookmarks: { ...current.bookmarks, [sectionId]: tombstone }, updatedAt: Math.max(now, current.updatedAt) };
  });
}

/** Clears progress and position, keeps bookmarks; `resetAt` makes merges drop older progress. */
export function resetProgress(id: string, now = Date.now()): Promise<DocRecord | null> {
  return applyUpdate(id, (current) => {
    if (!current) return null;
    const { lastPosition: _dropped, ...rest } = current;
    return {
      ...rest,
      furthest: 0,
      percent: 0,
      readSections: [],
      ledger: {},
      resetAt: Math.max(now, current.lastReadAt, current.resetAt),
      updatedAt: Math.max(now, current.updatedAt),
    };
  });
}

export async function listRecent(limit = 10): Promise<DocRecord[]> {
  const { docs } = await loadDocuments();
  return Object.values(docs)
    .sort((a, b) => b.lastReadAt - a.lastReadAt || b.updatedAt - a.updatedAt)
    .slice(0, Math.max(0, limit));
}

export interface BookmarkGroup {
  doc: DocRecord;
  /** Live bookmarks, newest first. */
  bookmarks: Bookmark[];
}

/** Documents with bookmarks, the one with the newest bookmark first. */
export async function listBookmarks(): Promise<BookmarkGroup[]> {
  const { docs } = await loadDocuments();
  return Object.values(docs)
    .map((doc) => ({ doc, bookmarks: liveBookmarks(doc).sort((a, b) => b.updatedAt - a.updatedAt) }))
    .filter((group) => group.bookmarks.length > 0)
    .sort((a, b) => (b.bookmarks[0]?.updatedAt ?? 0) - (a.bookmarks[0]?.updatedAt ?? 0));
}

export function watchDocuments(cb: (loaded: LoadedDocuments) => void): () => void {
  return documentsItem().watch((value) => cb(validateAll(value)));
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem().getValue());
}

export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return serialized(async () => {
    const next = parseSettings({ ...(await loadSettings()), ...patch });
    await guardedWrite(() => settingsItem().setValue(next));
    return next;
  });
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => cb(parseSettings(value)));
}

// --- portals (origins added in the options page) ---

export async function listPortals(): Promise<string[]> {
  return parsePortals(await portalsItem().getValue());
}

/** Adds an origin ('https://oa.example.com'); returns the new list. Adding one twice is a no-op. */
export function addPortal(origin: string): Promise<string[]> {
  return serialized(async () => {
    const current = await listPortals();
    const next = parsePortals([...current, origin]);
    if (next.length !== current.length) await guardedWrite(() => portalsItem().setValue(next));
    return next;
  });
}

export function removePortal(origin: string): Promise<string[]> {
  return serialized(async () => {
    const current = await listPortals();
    const next = current.filter((o) => o !== origin);
    if (next.length !== current.length) await guardedWrite(() => portalsItem().setValue(next));
    return next;
  });
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
  return serialized(async () => {
    const sites = await loadSites();
    const next = parseSiteSettings({ ...siteIn(sites, origin), ...patch }) ?? siteIn(sites, origin);
    const out = { ...sites };
    if (!next.disabled && next.selector === null) delete out[origin];
    else out[origin] = next;
    await guardedWrite(() => sitesItem().setValue(out));
    return next;
  });
}

export function watchSiteSettings(origin: string, cb: (site: SiteSettings) => void): () => void {
  return sitesItem().watch((value) => cb(siteIn(parseSites(value), origin)));
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

/**
 * "Clear all data": reading records, settings, per-site settings and any pending jump. The portal
 * list is kept: each portal stands for a host permission and a content-script registration the
 * reader granted in the browser, and is removed one by one in the options page (which also
 * gives the permission back), so clearing data never leaves registrations without their list.
 */
export function clearAllData(): Promise<void> {
  return serialized(async () => {
    await guardedWrite(async () => {
      await Promise.all([
        documentsItem().removeValue(),
        settingsItem().removeValue(),
        sitesItem().removeValue(),
        pendingJumpItem().removeValue(),
      ]);
    });
  });
}

/** How long a popup's jump request waits for its tab to load. */
export const JUMP_TTL_MS = 60_000;

/** Popup side: the tab about to open for `docId` should land on `sectionId`. */
export async function requestJump(docId: string, sectionId: string, now = Date.now()): Promise<void> {
  await guardedWrite(() => pendingJumpItem().setValue({ docId, sectionId, at: now }));
}

/** Content-script side: the section to land on, if a fresh request for this document waits; clears it. */
export async function takePendingJump(docId: string, now = Date.now()): Promise<string | null> {
  const raw: unknown = await pendingJumpItem().getValue();
  if (typeof raw !== 'object' || raw === null) return null;
  const { docId: id, sectionId, at } = raw as Partial<Record<string, unknown>>;
  if (id !== docId) return null;
  await pendingJumpItem().removeValue();
  const fresh = typeof at === 'number' && now - at >= 0 && now - at <= JUMP_TTL_MS;
  return fresh && typeof sectionId === 'string' ? sectionId : null;
}

export type ImportResult =
  | { ok: true; added: number; merged: number }
  | { ok: false; error: ImportError };

/** Validates the whole file first; on any error nothing stored changes. */
export async function importData(text: string): Promise<ImportResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  return serialized(async () => {
    const { docs } = await loadDocuments();
    const result = importInto(docs, parsed, await loadSettings());
    await writeDocuments(result.docs);
    if (result.settings) {
      const settings = result.settings;
      await guardedWrite(() => settingsItem().setValue(settings));
    }
    return { ok: true, added: result.added, merged: result.merged };
  });
}

/**
 * Keeps at most `cap` documents: the least recently read without live bookmarks go first;
 * bookmarked ones are never dropped, only stripped of progress if still over the cap.
 */
export function enforceCap(
  docs: Readonly<Record<string, DocRecord>>,
  cap: number,
  keep?: string,
): { docs: Record<string, DocRecord>; removed: string[]; stripped: string[] } {
  const out = { ...docs };
  const removed: string[] = [];
  const stripped: string[] = [];
  let excess = Object.keys(out).length - cap;
  if (excess <= 0) return { docs: out, removed, stripped };
  const oldestFirst = Object.values(out)
    .filter((doc) => doc.id !== keep)
    .sort((a, b) => a.lastReadAt - b.lastReadAt || a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
  for (const doc of oldestFirst) {
    if (excess <= 0) break;
    if (liveBookmarks(doc).length > 0) continue;
    delete out[doc.id];
    removed.push(doc.id);
    excess--;
  }
  for (const doc of oldestFirst) {
    if (excess <= 0) break;
    if (!out[doc.id]) continue;
    const { lastPosition: _dropped, ...rest } = doc;
    out[doc.id] = { ...rest, furthest: 0, percent: 0, readSections: [], ledger: {} };
    stripped.push(doc.id);
    excess--;
  }
  return { docs: out, removed, stripped };
}

// --- internals ---

function liveBookmarks(doc: DocRecord): Bookmark[] {
  return Object.values(doc.bookmarks).filter((b) => !b.deleted);
}

function validateAll(raw: unknown): LoadedDocuments {
  if (raw === null || raw === undefined) return { docs: {}, dropped: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { docs: {}, dropped: ['*'] };
  const docs: Record<string, DocRecord> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const record = parseDocRecord(value);
    // A record filed under another key is as unusable as a broken one.
    if (record && record.id === key) docs[key] = record;
    else dropped.push(key);
  }
  return { docs, dropped };
}

async function writeDocuments(docs: Record<string, DocRecord>, keep?: string): Promise<Record<string, DocRecord>> {
  const capped = enforceCap(docs, DOCUMENTS_CAP, keep).docs;
  await guardedWrite(() => documentsItem().setValue(capped));
  return capped;
}

async function guardedWrite(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new StorageError(isQuotaError(error) ? 'quota' : 'write-failed', { cause: error });
  }
}

/** Chrome: 'QUOTA_BYTES quota exceeded'; Firefox: QuotaExceededError. */
function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null)) return /quota/i.test(String(error));
  const { name, message } = error as { name?: unknown; message?: unknown };
  return /quota/i.test(`${String(name ?? '')} ${String(message ?? '')}`);
}

/** Writes from this page run one after another, so two quick updates cannot interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

interface OutlineSummary {
  readonly parts: readonly { readonly id: string; readonly heading: string }[];
  readonly titles: Readonly<Record<string, string>>;
}

/** One summary per outline: a page saves its progress every second with the same sections. */
const summaries = new WeakMap<readonly Section[], OutlineSummary>();

function summarizeOutline(sections: readonly Section[]): OutlineSummary {
  const known = summaries.get(sections);
  if (known) return known;
  const titles: Record<string, string> = {};
  const visit = (list: readonly Section[]): void => {
    for (const s of list) {
      titles[s.id] = s.heading;
      visit(s.children);
    }
  };
  visit(sections);
  const summary = { parts: sections.map((s) => ({ id: s.id, heading: s.heading })), titles };
  summaries.set(sections, summary);
  return summary;
}

/** The stored titles with the outline's merged in; the stored object itself when nothing changed. */
function withTitles(stored: Readonly<Record<string, string>>, titles: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  for (const id in titles) if (stored[id] !== titles[id]) return { ...stored, ...titles };
  return stored;
}
