// Stored documents, for the content script, popup and options page: each document is its own
// storage key ('doc:' + id), read and validated here; changes are operations sent to the writer.
// A record that cannot be read (damaged, or written by a newer version) is reported as kept
// aside, with the path of its bad field, and stays stored as it was.
import { browser } from 'wxt/browser';
import type { Section } from '../document/types';
import { documentId, normalizeUrl, type DocMeta } from './identity';
import { send, type ImportResult, type OutlineSummary, type ProgressUpdate } from './protocol';
import { HEADING_MAX, validateDocRecord, type Bookmark, type DocRecord } from './schema';

export const DOC_PREFIX = 'doc:';
/** Written by the writer on "clear all data"; progress read before it is not written back. */
export const EPOCH_KEY = 'clearEpoch';
/** The format of a stored record; a record with a higher `v` comes from a newer version. */
export const DOC_FORMAT = 3;
/** The writer's index of record sizes (see document-store.ts). */
export const INDEX_KEY = 'docIndex';

export function docKey(id: string): string {
  return DOC_PREFIX + id;
}

/** A stored value that cannot be used, kept as it was. */
export interface KeptRecord {
  readonly key: string;
  readonly reason: 'damaged' | 'newer';
  /** First bad field, e.g. 'bookmarks["p1"].note'. */
  readonly path?: string;
  /** A title it carries, if any, to name it. */
  readonly title: string | null;
  readonly value: unknown;
}

export type StoredDoc = { readonly record: DocRecord } | { readonly kept: KeptRecord };

/** A stored value under a 'doc:' key, read. */
export function readStoredDoc(key: string, value: unknown): StoredDoc {
  const format = (value as { v?: unknown } | null)?.v;
  const title = (value as { title?: unknown } | null)?.title;
  const name = typeof title === 'string' ? title.slice(0, 200) : null;
  if (typeof format === 'number' && format > DOC_FORMAT) return { kept: { key, reason: 'newer', title: name, value } };
  const result = validateDocRecord(value);
  // A record filed under another key is as unusable as a broken one.
  if (result.ok && docKey(result.value.id) === key) return { record: result.value };
  return { kept: { key, reason: 'damaged', path: result.ok ? 'id' : result.path, title: name, value } };
}

export interface LoadedDocuments {
  docs: Record<string, DocRecord>;
  /** Keys of records that cannot be read (kept aside, not lost). */
  dropped: string[];
  kept: KeptRecord[];
  /** Bytes the records take, from the writer's index (0 before its first write). */
  bytes: number;
}

/** Every stored document, from a read of the whole store. */
export function documentsIn(all: Readonly<Record<string, unknown>>): LoadedDocuments {
  const docs: Record<string, DocRecord> = {};
  const kept: KeptRecord[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(DOC_PREFIX)) continue;
    const stored = readStoredDoc(key, value);
    if ('record' in stored) docs[stored.record.id] = stored.record;
    else kept.push(stored.kept);
  }
  const index = all[INDEX_KEY];
  let bytes = 0;
  if (typeof index === 'object' && index !== null) {
    for (const entry of Object.values(index as Record<string, { b?: unknown }>))
      if (typeof entry?.b === 'number') bytes += entry.b;
  }
  return { docs, dropped: kept.map((k) => k.key), kept, bytes };
}

export async function loadDocuments(): Promise<LoadedDocuments> {
  return documentsIn(await browser.storage.local.get(null));
}

export interface ResolvedDocument {
  readonly id: string;
  readonly record: DocRecord | null;
  /** The page's stored record cannot be read: it is kept aside and the page cannot save over it. */
  readonly kept: boolean;
  /** The clear epoch when this was read. */
  readonly epoch: number;
}

/**
 * The id of a page (its fingerprint, or its URL key) and its stored record. A record still
 * filed under the URL (title unknown then, or migrated from v1) is moved by the writer.
 */
export async function resolveDocument(meta: DocMeta, url: string): Promise<ResolvedDocument> {
  const id = documentId(meta, url);
  const legacy = id.startsWith('fp:') ? docKey(`url:${normalizeUrl(url)}`) : null;
  const keys = [docKey(id), EPOCH_KEY, ...(legacy ? [legacy] : [])];
  const got = await browser.storage.local.get(keys);
  const epoch = typeof got[EPOCH_KEY] === 'number' ? got[EPOCH_KEY] : 0;
  if (legacy && got[legacy] !== undefined && 'record' in readStoredDoc(legacy, got[legacy])) {
    const moved = await send('doc.adopt', { meta: { title: meta.title, issuer: meta.issuer, date: meta.date }, url });
    return { ...moved, kept: false, epoch };
  }
  const raw = got[docKey(id)];
  if (raw === undefined) return { id, record: null, kept: false, epoch };
  const stored = readStoredDoc(docKey(id), raw);
  return 'record' in stored
    ? { id, record: stored.record, kept: false, epoch }
    : { id, record: null, kept: true, epoch };
}

export function recordProgress(id: string, update: ProgressUpdate): Promise<DocRecord> {
  return send('doc.progress', { id, update });
}

export function setBookmark(
  id: string,
  sectionId: string,
  heading: string,
  note = '',
  now?: number,
): Promise<DocRecord> {
  return send('doc.bookmark', { id, sectionId, heading, note, ...(now === undefined ? {} : { now }) });
}

/** Leaves a tombstone so another tab's older copy cannot bring the bookmark back. */
export function removeBookmark(id: string, sectionId: string, now?: number): Promise<DocRecord | null> {
  return send('doc.unbookmark', { id, sectionId, ...(now === undefined ? {} : { now }) });
}

/** Clears progress and position, keeps bookmarks. */
export function resetProgress(id: string, now?: number): Promise<DocRecord | null> {
  return send('doc.reset', { id, ...(now === undefined ? {} : { now }) });
}

/** The most recently read documents, newest first. */
export function recentIn(docs: Readonly<Record<string, DocRecord>>, limit = 10): DocRecord[] {
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
export function bookmarksIn(docs: Readonly<Record<string, DocRecord>>): BookmarkGroup[] {
  return Object.values(docs)
    .map((doc) => ({ doc, bookmarks: liveBookmarks(doc).sort((a, b) => b.updatedAt - a.updatedAt) }))
    .filter((group) => group.bookmarks.length > 0)
    .sort((a, b) => (b.bookmarks[0]?.updatedAt ?? 0) - (a.bookmarks[0]?.updatedAt ?? 0));
}

export function liveBookmarks(doc: DocRecord): Bookmark[] {
  return Object.values(doc.bookmarks).filter((b) => !b.deleted);
}

/** All documents again after any of them changed (in any tab, or by the writer). */
export function watchDocuments(cb: (loaded: LoadedDocuments) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith(DOC_PREFIX))) return;
    void loadDocuments().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** One document's record as other tabs change it; null once it is gone or cannot be read. */
export function watchDocument(id: string, cb: (record: DocRecord | null) => void): () => void {
  const key = docKey(id);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[key] : undefined;
    if (!change) return;
    const stored = change.newValue === undefined ? null : readStoredDoc(key, change.newValue);
    cb(stored && 'record' in stored ? stored.record : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** One summary per outline: a page saves its progress every second with the same sections. */
const summaries = new WeakMap<readonly Section[], OutlineSummary>();

export function summarizeOutline(sections: readonly Section[]): OutlineSummary {
  const known = summaries.get(sections);
  if (known) return known;
  const titles: Record<string, string> = {};
  // Cut here already, so a page with a 2.6-million-character heading does not send it every time.
  const cut = (heading: string): string => heading.slice(0, HEADING_MAX);
  const visit = (list: readonly Section[]): void => {
    for (const s of list) {
      titles[s.id] = cut(s.heading);
      visit(s.children);
    }
  };
  visit(sections);
  const summary = { parts: sections.map((s) => ({ id: s.id, heading: cut(s.heading) })), titles };
  summaries.set(sections, summary);
  return summary;
}

/** Imports an export file through the writer (validated whole first; on any error nothing changes). */
export function importData(text: string): Promise<ImportResult> {
  return send('import', { text });
}

/** "Clear all data": records, settings, per-site settings, any pending jump (portals stay). */
export function clearAllData(): Promise<null> {
  return send('clear', {});
}
