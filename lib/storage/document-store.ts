// The writer's side of stored documents: read-merge-write of one document's key, written only
// when it changed, with sizes bounded (a record's bytes, the whole store, a count cap) and a
// small index of each record's size. Runs only in the background, inside the writer's queue.
import { storageProblem } from './storage-problem';
import { browser } from 'wxt/browser';
import { cleanRecord } from './clean-text';
import { mergeRecords, stableKey } from './merge';
import { ledgerPercent } from '../reading/progress';
import { documentId, normalizeUrl, type DocMeta } from './identity';
import { importInto } from './export-import';
import { documentsItem } from './items';
import {
  DOC_FORMAT,
  DOC_PREFIX,
  EPOCH_KEY,
  INDEX_KEY,
  docKey,
  documentsIn,
  liveBookmarks,
  readStoredDoc,
  type LoadedDocuments,
} from './documents';
import { StorageError, type ProgressUpdate } from './protocol';
import {
  NOTE_MAX,
  RECORD_MAX_BYTES,
  STORE_MAX_BYTES,
  URLS_MAX,
  URL_MAX,
  emptyRecord,
  parseDocRecord,
  type Bookmark,
  type DocRecord,
  type StudyMark,
} from './schema';

export const DOCUMENTS_CAP = 200;

/** Per stored key: its size in bytes (rounded up to 1 KiB, so a progress save rarely changes it) and whether it holds live bookmarks. */
export type DocIndex = Record<string, { readonly b: number; readonly m: boolean }>;

export type Change = (current: DocRecord | null) => DocRecord | null;

/**
 * Applies `change` to the stored record of `id` and merges the result with it (so a change never
 * loses what another tab stored meanwhile). Nothing is written when nothing changed; a record
 * that cannot be read is never written over.
 */
export async function changeDocument(id: string, change: Change, epoch?: number): Promise<DocRecord | null> {
  const key = docKey(id);
  const got = await browser.storage.local.get([key, EPOCH_KEY]);
  if (epoch !== undefined && typeof got[EPOCH_KEY] === 'number' && got[EPOCH_KEY] > epoch)
    throw new StorageError('cleared');
  const stored = got[key] === undefined ? null : readStoredDoc(key, got[key]);
  if (stored && 'kept' in stored) throw new StorageError('kept');
  const current = stored ? stored.record : null;
  const changed = change(current);
  if (!changed) return current;
  const merged = current ? mergeRecords(current, { ...changed, id }) : { ...changed, id };
  const parsed = parseDocRecord(merged);
  if (!parsed) throw new StorageError('write-failed');
  const next = fitRecord(parsed);
  if (current && stableKey(next) === stableKey(current)) return current;
  await writeDocuments({ [id]: next });
  return next;
}

/** The writer's read-merge-write of a whole record: another tab's copy, or an import, merged in. */
export function updateDocument(id: string, change: (current: DocRecord | null) => DocRecord): Promise<DocRecord> {
  return changeDocument(id, change).then((r) => r ?? emptyRecord(id));
}

export function applyProgress(id: string, update: ProgressUpdate, now: number): Promise<DocRecord> {
  return changeDocument(
    id,
    (current) => {
      // Sent before a reset that landed first (a save in flight, or from a tab that had not seen
      // it yet): its ledger, position and read parts are what the reset removed. Stamped with the
      // writer's time it would count as newer than the reset, so it is dropped here, not merged.
      if (current && update.resetSeen !== undefined && current.resetAt > update.resetSeen) return null;
      const base = current ?? emptyRecord(id, now);
      const url = normalizeUrl(update.url);
      const outline = update.outline;
      return {
        ...base,
        title: update.meta.title ?? base.title,
        issuer: update.meta.issuer ?? base.issuer,
        date: update.meta.date ?? base.date,
        kind: update.meta.kind ?? base.kind,
        urls: isHttp(url) && url.length <= URL_MAX ? [...new Set([url, ...base.urls])].slice(0, URLS_MAX) : base.urls,
        textLength: update.textLength,
        furthest: update.furthest,
        ledger: { ...(update.ledger ?? {}) },
        percent: ledgerPercent(update.ledger ?? {}, update.textLength),
        ...(update.position ? { lastPosition: { anchor: update.position, at: now } } : {}),
        readSections: [...(update.readSections ?? [])],
        sectionTitles: outline ? { ...base.sectionTitles, ...outline.titles } : base.sectionTitles,
        parts: outline ? outline.parts : base.parts,
        lastReadAt: now,
        updatedAt: now,
      };
    },
    update.epoch,
  ).then((r) => r ?? emptyRecord(id, now));
}

export function applyBookmark(
  id: string,
  sectionId: string,
  heading: string,
  note: string,
  now: number,
): Promise<DocRecord> {
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
export function applyUnbookmark(id: string, sectionId: string, now: number): Promise<DocRecord | null> {
  return changeDocument(id, (current) => {
    const existing = current?.bookmarks[sectionId];
    if (!current || !existing || existing.deleted) return null;
    const tombstone: Bookmark = {
      ...existing,
      note: '',
      deleted: true,
      updatedAt: Math.max(now, existing.updatedAt + 1),
    };
    return {
      ...current,
      bookmarks: { ...current.bookmarks, [sectionId]: tombstone },
      updatedAt: Math.max(now, current.updatedAt),
    };
  });
}

/** One part's study mark (会了 / 再看, or taken back); strictly newer than the mark it replaces. */
export function applyStudy(
  id: string,
  partId: string,
  mark: Omit<StudyMark, 'updatedAt'>,
  now: number,
): Promise<DocRecord> {
  return updateDocument(id, (current) => {
    const base = current ?? emptyRecord(id, now);
    const existing = base.study?.[partId];
    // The schema bounds heading and terms when the merged record is read back (changeDocument).
    const next: StudyMark = {
      state: mark.state,
      heading: mark.heading,
      terms: [...mark.terms],
      updatedAt: Math.max(now, (existing?.updatedAt ?? 0) + 1),
    };
    return { ...base, study: { ...base.study, [partId]: next }, updatedAt: Math.max(now, base.updatedAt) };
  });
}

/** Clears progress and position, keeps bookmarks; `resetAt` makes merges drop older progress. */
export function applyReset(id: string, now: number): Promise<DocRecord | null> {
  return changeDocument(id, (current) => {
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

/** A record of this page still filed under its URL moves to the fingerprint id (merged with one there). */
export async function adoptDocument(meta: DocMeta, url: string): Promise<{ id: string; record: DocRecord | null }> {
  const id = documentId(meta, url);
  const legacyKey = docKey(`url:${normalizeUrl(url)}`);
  const got = await browser.storage.local.get([legacyKey, docKey(id)]);
  const legacy = id.startsWith('fp:') && got[legacyKey] !== undefined ? readStoredDoc(legacyKey, got[legacyKey]) : null;
  const here = got[docKey(id)] === undefined ? null : readStoredDoc(docKey(id), got[docKey(id)]);
  if (here && 'kept' in here) return { id, record: null };
  if (!legacy || 'kept' in legacy) return { id, record: here ? here.record : null };
  const moved = { ...legacy.record, id };
  const next = here ? mergeRecords(here.record, moved) : moved;
  await writeDocuments({ [id]: next }, [legacyKey]);
  return { id, record: next };
}

/**
 * Writes records (each under its own key) in one call, then gives up what `remove` names and
 * what the bounds require: the least recently read records without bookmarks first. A write
 * the bounds cannot make room for, or that the browser refuses, changes nothing.
 */
export async function writeDocuments(
  records: Readonly<Record<string, DocRecord>>,
  remove: readonly string[] = [],
): Promise<void> {
  const values: Record<string, unknown> = {};
  const sizes: DocIndex = {};
  for (const [id, record] of Object.entries(records)) {
    // No bidi override or other invisible control is kept (clean-text.ts).
    const fitted = fitRecord(cleanRecord(record));
    const value = { ...fitted, v: DOC_FORMAT };
    values[docKey(id)] = value;
    sizes[docKey(id)] = { b: roundedSize(docKey(id), value), m: liveBookmarks(fitted).length > 0 };
  }
  const index = await readIndex();
  const next: DocIndex = { ...index, ...sizes };
  for (const key of remove) delete next[key];
  const evicted = await makeRoom(next, new Set(Object.keys(records).map(docKey)));
  for (const key of evicted) delete next[key];
  const gone = [...remove, ...evicted];
  const indexChanged =
    gone.length > 0 || Object.entries(sizes).some(([key, s]) => index[key]?.b !== s.b || index[key]?.m !== s.m);
  await guardedWrite(() => browser.storage.local.set(indexChanged ? { ...values, [INDEX_KEY]: next } : values));
  if (gone.length > 0) await guardedWrite(() => browser.storage.local.remove(gone));
}

/** Keys to give up so `index` fits the count cap and the byte bound; throws when only bookmarked records (or those being written) are left. */
async function makeRoom(index: DocIndex, writing: ReadonlySet<string>): Promise<string[]> {
  const keys = Object.keys(index);
  const total = (): number => keys.reduce((sum, key) => sum + (index[key]?.b ?? 0), 0);
  let bytes = total();
  if (bytes <= STORE_MAX_BYTES && keys.length <= DOCUMENTS_CAP) return [];
  const { docs } = await loadAllDocuments();
  const candidates = Object.values(docs)
    .filter((doc) => !writing.has(docKey(doc.id)) && liveBookmarks(doc).length === 0 && index[docKey(doc.id)])
    .sort((a, b) => a.lastReadAt - b.lastReadAt || a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
  const out: string[] = [];
  let n = keys.length;
  for (const doc of candidates) {
    if (bytes <= STORE_MAX_BYTES && n <= DOCUMENTS_CAP) break;
    const key = docKey(doc.id);
    out.push(key);
    bytes -= index[key]?.b ?? 0;
    n--;
  }
  // Bookmarked records may stay over the count cap; over the byte bound nothing more can be written.
  if (bytes > STORE_MAX_BYTES) throw new StorageError('store-full');
  return out;
}

/** The stored index, rebuilt from the records when it is missing or unusable. */
async function readIndex(): Promise<DocIndex> {
  const raw = (await browser.storage.local.get(INDEX_KEY))[INDEX_KEY];
  if (isIndex(raw)) return raw;
  const all = await browser.storage.local.get(null);
  const index: DocIndex = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(DOC_PREFIX)) continue;
    const stored = readStoredDoc(key, value);
    index[key] = { b: roundedSize(key, value), m: 'record' in stored && liveBookmarks(stored.record).length > 0 };
  }
  return index;
}

function isIndex(x: unknown): x is DocIndex {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  return Object.values(x).every((e: unknown) => {
    const v = e as { b?: unknown; m?: unknown } | null;
    return typeof v?.b === 'number' && Number.isFinite(v.b) && v.b >= 0 && typeof v.m === 'boolean';
  });
}

async function loadAllDocuments(): Promise<LoadedDocuments> {
  return documentsIn(await browser.storage.local.get(null));
}

/**
 * The record within RECORD_MAX_BYTES: headings of sections that are neither parts nor bookmarked
 * go first; a record still over the bound is refused.
 */
export function fitRecord(record: DocRecord): DocRecord {
  if (byteSize(record) <= RECORD_MAX_BYTES) return record;
  const needed = new Set([...record.parts.map((p) => p.id), ...Object.keys(record.bookmarks)]);
  const sectionTitles = Object.fromEntries(Object.entries(record.sectionTitles).filter(([id]) => needed.has(id)));
  const smaller = { ...record, sectionTitles, readSections: record.readSections.filter((id) => needed.has(id)) };
  if (byteSize(smaller) <= RECORD_MAX_BYTES) return smaller;
  throw new StorageError('too-large');
}

/** UTF-8 bytes of the JSON, as the browser counts a stored value. */
export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function roundedSize(key: string, value: unknown): number {
  return Math.ceil((key.length + byteSize(value)) / 1024) * 1024;
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * v2 data (one 'documents' map) split into one key per record; entries that cannot be read are
 * kept under their own key as they were. Run once by the background before any write.
 */
export async function migrateDocumentsMap(): Promise<void> {
  const raw = (await browser.storage.local.get('documents')).documents;
  if (raw === undefined) return;
  const out: Record<string, unknown> = {};
  // Reading the item runs its v1 → v2 migration first, which would turn a value that is no map into {}.
  const usable = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const value: unknown = usable ? await documentsItem().getValue() : raw;
  if (usable && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const existing = await browser.storage.local.get(null);
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const record = parseDocRecord(entry);
      if (record && record.id === key) {
        const there = existing[docKey(key)] === undefined ? null : readStoredDoc(docKey(key), existing[docKey(key)]);
        if (there && 'kept' in there) continue;
        out[docKey(key)] = { ...(there ? mergeRecords(there.record, record) : record), v: DOC_FORMAT };
      } else if (existing[docKey(key)] === undefined) {
        out[docKey(key)] = entry;
      }
    }
  } else if (value !== null && value !== undefined) {
    out[docKey('documents')] = value;
  }
  await guardedWrite(() => browser.storage.local.set(out));
  await guardedWrite(() => browser.storage.local.remove(['documents', 'documents$', INDEX_KEY]));
}

/** Imported records merged into the stored ones, all written at once; a key holding a record that cannot be read is left as it was. */
export async function importDocuments(imported: readonly DocRecord[]): Promise<{ added: number; merged: number }> {
  const { docs, kept } = documentsIn(await browser.storage.local.get(null));
  const keptKeys = new Set(kept.map((k) => k.key));
  const result = importInto(docs, { docs: imported.filter((doc) => !keptKeys.has(docKey(doc.id))) });
  const changed: Record<string, DocRecord> = {};
  for (const [id, doc] of Object.entries(result.docs)) {
    const before = docs[id];
    if (!before || stableKey(before) !== stableKey(doc)) changed[id] = doc;
  }
  if (Object.keys(changed).length > 0) await writeDocuments(changed);
  return { added: result.added, merged: result.merged };
}

/** Every record and the index removed; the epoch tells pages that read before it not to write back. */
export async function clearDocuments(otherKeys: readonly string[], now: number): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(DOC_PREFIX));
  const previous = typeof all[EPOCH_KEY] === 'number' ? all[EPOCH_KEY] : 0;
  await guardedWrite(() => browser.storage.local.set({ [EPOCH_KEY]: Math.max(now, previous + 1) }));
  await guardedWrite(() => browser.storage.local.remove([...keys, INDEX_KEY, 'documents', 'documents$', ...otherKeys]));
}

export async function guardedWrite(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new StorageError(storageProblem(error) === 'failed' ? 'write-failed' : 'quota', { cause: error });
  }
}
