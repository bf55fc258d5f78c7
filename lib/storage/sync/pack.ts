// Packing the local records into the browser's sync storage and back: a compact record per
// document (ids, anchors, notes, read state; no outline headings), most recently used documents
// first, as many as the sync quotas hold. A document whose bookmarks do not fit one item continues
// in overflow items; every item is a partial record on its own, merged with the order-independent
// merge, so items arriving in any order or only some of them never lose or undo anything. Pure.
import { hash64 } from '../identity';
import { parseDocRecord, emptyRecord, type Bookmark, type DocRecord } from '../schema';
import { itemBytes, utf8Bytes, MAX_ITEMS, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM } from './limits';

/** Every key this format writes starts with it; keys of other formats (a newer version on another computer) are left alone. */
export const SYNC_PREFIX = 'g1.';
const FORMAT = 1;

/** [heading, note, createdAt, updatedAt] and 1 for a removal (tombstone). */
type PackedBookmark = [string, string, number, number] | [string, string, number, number, 1];

/** Everything but the bookmarks: metadata, one URL, read state, the resume point and study marks. */
interface PackedMain {
  t: string | null;
  s: string | null;
  d: string | null;
  k: string | null;
  /**
   * One URL, so another computer's popup can open the document: the first in sort order, not the
   * newest, so two computers that know the same URLs pack the same one and stop writing.
   */
  u: string[];
  n: number;
  f: number;
  r: string[];
  l: Record<string, number>;
  /** Resume point: [sectionId, quote, prefix, suffix, offset, at]. */
  p?: [string | null, string, string, string, number, number];
  a: number;
  e: number;
  z: number;
  /** Study marks (会了 / 再看) by part: [state, heading, terms, updatedAt]; absent when none. */
  y?: Record<string, [string, string, string[], number]>;
}

export interface PackedItem {
  v: typeof FORMAT;
  /** The document's id. */
  i: string;
  /** Only in a document's first item. */
  m?: PackedMain;
  b: Record<string, PackedBookmark>;
}

/** Room left in the sync area for this format. */
export interface Room {
  readonly bytes: number;
  readonly items: number;
}

export interface Packed {
  /** Key → item, for every document that fits. */
  readonly items: Record<string, PackedItem>;
  /** Ids of the documents in `items`, most recent first. */
  readonly synced: string[];
  /** Ids left local only (the sync area is full, or the document is too large for it). */
  readonly left: string[];
}

/** The room this format has when `foreign` (items of other formats) is already stored. */
export function roomBeside(foreign: { bytes: number; count: number }): Room {
  return { bytes: Math.max(0, QUOTA_BYTES - foreign.bytes), items: Math.max(0, MAX_ITEMS - foreign.count) };
}

/** The key of a document's first item: 'g1.' + 64-bit hash of its id (ids can be long URLs). */
export function syncKey(id: string): string {
  return `${SYNC_PREFIX}${hash64(id)}`;
}

export function isSyncKey(key: string): boolean {
  return key.startsWith(SYNC_PREFIX);
}

/** When a document was last used: read or changed (a bookmark, a note). */
export function recency(doc: DocRecord): number {
  return Math.max(doc.lastReadAt, doc.updatedAt);
}

/**
 * The documents as sync items, most recent first; a document is synced whole or not at all,
 * and an older one never takes the place of a newer one (a smaller older one may still fit after
 * a larger newer one did not).
 */
export function packDocuments(docs: readonly DocRecord[], room: Room): Packed {
  const ordered = [...docs].sort((a, b) => recency(b) - recency(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items: Record<string, PackedItem> = {};
  const synced: string[] = [];
  const left: string[] = [];
  let bytes = room.bytes;
  let count = room.items;
  for (const doc of ordered) {
    const pieces = packDocument(doc);
    const size = pieces ? Object.entries(pieces).reduce((sum, [key, item]) => sum + itemBytes(key, item), 0) : Infinity;
    const n = pieces ? Object.keys(pieces).length : 0;
    // Two ids hashing to one key (not expected with 64 bits): the older document stays local.
    const taken = pieces ? Object.keys(pieces).some((key) => key in items) : true;
    if (!pieces || taken || size > bytes || n > count) {
      left.push(doc.id);
      continue;
    }
    Object.assign(items, pieces);
    synced.push(doc.id);
    bytes -= size;
    count -= n;
  }
  return { items, synced, left };
}

/**
 * One document's items: the first holds the record and as many bookmarks as fit, overflow items
 * ('<key>.1', '<key>.2' …) the rest; null when even the first cannot fit one item.
 */
export function packDocument(doc: DocRecord): Record<string, PackedItem> | null {
  const key = syncKey(doc.id);
  const first: PackedItem = { v: FORMAT, i: doc.id, m: packMain(doc), b: {} };
  const out: Record<string, PackedItem> = {};
  let current = first;
  let currentKey = key;
  let size = itemBytes(key, first);
  let entries = 0;
  if (size > QUOTA_BYTES_PER_ITEM) return null;
  // By section id: the same bookmarks always land in the same items.
  const ids = Object.keys(doc.bookmarks).sort();
  for (const id of ids) {
    const packed = packBookmark(doc.bookmarks[id]!);
    // '"id":[…]' plus a comma after the first entry: the exact growth of the item's JSON.
    const grow = utf8Bytes(JSON.stringify(id)) + 1 + utf8Bytes(JSON.stringify(packed)) + (entries > 0 ? 1 : 0);
    if (size + grow > QUOTA_BYTES_PER_ITEM) {
      out[currentKey] = current;
      currentKey = `${key}.${Object.keys(out).length}`;
      current = { v: FORMAT, i: doc.id, b: {} };
      size = itemBytes(currentKey, current);
      entries = 0;
      const alone = utf8Bytes(JSON.stringify(id)) + 1 + utf8Bytes(JSON.stringify(packed));
      if (size + alone > QUOTA_BYTES_PER_ITEM) return null;
      size += alone;
    } else {
      size += grow;
    }
    current.b[id] = packed;
    entries++;
  }
  out[currentKey] = current;
  return out;
}

function packMain(doc: DocRecord): PackedMain {
  const position = doc.lastPosition;
  return {
    t: doc.title,
    s: doc.issuer,
    d: doc.date,
    k: doc.kind,
    u: [...doc.urls].sort().slice(0, 1),
    n: doc.textLength,
    f: doc.furthest,
    r: [...doc.readSections],
    l: { ...doc.ledger },
    ...(position
      ? {
          p: [
            position.anchor.sectionId,
            position.anchor.quote,
            position.anchor.prefix,
            position.anchor.suffix,
            position.anchor.offset,
            position.at,
          ] as PackedMain['p'],
        }
      : {}),
    a: doc.lastReadAt,
    e: doc.updatedAt,
    z: doc.resetAt,
    ...(doc.study && Object.keys(doc.study).length > 0
      ? {
          y: Object.fromEntries(
            Object.entries(doc.study).map(([id, m]) => [id, [m.state, m.heading, [...m.terms], m.updatedAt]]),
          ) as PackedMain['y'],
        }
      : {}),
  };
}

function packBookmark(b: Bookmark): PackedBookmark {
  return b.deleted ? [b.heading, b.note, b.createdAt, b.updatedAt, 1] : [b.heading, b.note, b.createdAt, b.updatedAt];
}

/**
 * A sync item as a (partial) record to merge into the local one; null for anything that is not
 * a valid item of this format under its own key. An overflow item is a record with only
 * bookmarks: nothing of it can win a merge against what the record already knows.
 */
export function unpackItem(key: string, value: unknown): DocRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Partial<Record<keyof PackedItem, unknown>>;
  if (v.v !== FORMAT || typeof v.i !== 'string') return null;
  const home = syncKey(v.i);
  if (key !== home && !new RegExp(`^${home.replace('.', '\\.')}\\.[1-9][0-9]{0,3}$`).test(key)) return null;
  if (typeof v.b !== 'object' || v.b === null || Array.isArray(v.b)) return null;
  const bookmarks: Record<string, unknown> = {};
  for (const [sectionId, entry] of Object.entries(v.b as Record<string, unknown>)) {
    if (sectionId === '__proto__' || !Array.isArray(entry) || entry.length < 4 || entry.length > 5) return null;
    const [heading, note, createdAt, updatedAt, deleted] = entry as unknown[];
    if (deleted !== undefined && deleted !== 1) return null;
    bookmarks[sectionId] = {
      sectionId,
      heading,
      note,
      createdAt,
      updatedAt,
      ...(deleted === 1 ? { deleted: true } : {}),
    };
  }
  const candidate: Record<string, unknown> = { ...emptyRecord(v.i), bookmarks };
  if (v.m !== undefined) {
    if (typeof v.m !== 'object' || v.m === null || Array.isArray(v.m)) return null;
    const m = v.m as Partial<Record<keyof PackedMain, unknown>>;
    Object.assign(candidate, {
      title: m.t,
      issuer: m.s,
      date: m.d,
      kind: m.k,
      urls: m.u,
      textLength: m.n,
      furthest: m.f,
      readSections: m.r,
      ledger: m.l,
      lastReadAt: m.a,
      updatedAt: m.e,
      resetAt: m.z,
    });
    if (m.p !== undefined) {
      if (!Array.isArray(m.p) || m.p.length !== 6) return null;
      const [sectionId, quote, prefix, suffix, offset, at] = m.p as unknown[];
      candidate.lastPosition = { anchor: { sectionId, quote, prefix, suffix, offset }, at };
    }
    if (m.y !== undefined) {
      if (typeof m.y !== 'object' || m.y === null || Array.isArray(m.y)) return null;
      const study: Record<string, unknown> = {};
      for (const [partId, entry] of Object.entries(m.y as Record<string, unknown>)) {
        if (partId === '__proto__' || !Array.isArray(entry) || entry.length !== 4) return null;
        const [state, heading, terms, updatedAt] = entry as unknown[];
        study[partId] = { state, heading, terms, updatedAt };
      }
      candidate.study = study;
    }
  }
  const record = parseDocRecord(candidate);
  return record && record.id === v.i ? record : null;
}
