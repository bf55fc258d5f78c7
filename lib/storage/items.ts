// The only storage.defineItem calls: the old documents map, settings, portals, sites, pending jump.
// Values here are raw; documents.ts and settings.ts validate everything they read. Documents
// now live one per key ('doc:<id>'); the v2 'documents' map is read only to split it once.
//
// One versioning mechanism: a stored value's format is a number inside it (a record's `v`, see
// DOC_FORMAT; the settings' `version`), and a value without one is format 1. WXT's item version
// (the 'key$' meta) is left to the old documents map, whose v1 → v2 migration wrote it; the other
// items declare none, so settings carry one version number, not two.
// Each item is defined on first use: WXT reads an item (and runs its migrations) as soon as it is
// defined, and the content script on every portal page needs only the site settings — not a read
// of every stored document in every frame of every page.
import { storage } from 'wxt/utils/storage';
import { normalizeUrl } from './identity';
import {
  DEFAULT_SETTINGS,
  parseDocRecord,
  type Bookmark,
  type DocRecord,
  type Settings,
  type SiteSettings,
} from './schema';

function lazy<T>(define: () => T): () => T {
  let item: T | undefined;
  return () => (item ??= define());
}

/** v1 (0.0.x builds): keyed by URL, progress as a 0–1 fraction, bookmarks as section ids. */
export interface DocRecordV1 {
  url: string;
  title?: string | null;
  progress: number;
  bookmarks: string[];
  readSections?: string[];
  lastReadAt: number;
}

export const documentsItem = lazy(() =>
  storage.defineItem<Record<string, DocRecord>>('local:documents', {
    fallback: {},
    version: 2,
    migrations: { 2: migrateDocumentsV1ToV2 },
  }),
);

export const settingsItem = lazy(() =>
  storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
  }),
);

/** Origins the reader added in the options page ('https://oa.example.com'), beyond the static matches. */
export const portalsItem = lazy(() =>
  storage.defineItem<string[]>('local:portals', {
    fallback: [],
  }),
);

/** Per-site settings keyed by `location.origin` (hostname keys are read too); validated on read. */
export const sitesItem = lazy(() =>
  storage.defineItem<Record<string, SiteSettings>>('local:sites', {
    fallback: {},
  }),
);

/** A section the popup asked a newly opened tab to scroll to; consumed once by the content script. */
export interface PendingJump {
  docId: string;
  sectionId: string;
  at: number;
}

// Local, not session: content scripts cannot read storage.session without extra setup.
export const pendingJumpItem = lazy(() =>
  storage.defineItem<PendingJump | null>('local:pendingJump', {
    fallback: null,
  }),
);

/**
 * v1 → v2. Records that already have the v2 shape pass through (a write without version
 * meta must not be migrated twice); entries that are neither are kept as they are, so the
 * repository reports them as damaged instead of this silently losing them.
 */
export function migrateDocumentsV1ToV2(old: unknown): Record<string, unknown> {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(old as Record<string, unknown>)) {
    if (key === '__proto__') continue;
    if (parseDocRecord(value)) {
      out[key] = value;
      continue;
    }
    const record = fromV1(value);
    if (record) out[record.id] = out[record.id] ?? record;
    else out[key] = value;
  }
  return out;
}

function fromV1(x: unknown): DocRecord | null {
  if (typeof x !== 'object' || x === null) return null;
  const v = x as Partial<Record<keyof DocRecordV1, unknown>>;
  if (typeof v.url !== 'string' || typeof v.progress !== 'number' || !Array.isArray(v.bookmarks)) return null;
  const at = typeof v.lastReadAt === 'number' && Number.isFinite(v.lastReadAt) && v.lastReadAt >= 0 ? v.lastReadAt : 0;
  const url = normalizeUrl(v.url);
  const bookmarks: Record<string, Bookmark> = {};
  for (const sectionId of v.bookmarks) {
    if (typeof sectionId !== 'string' || sectionId === '__proto__') continue;
    // v1 kept no headings or times: the heading is filled in when the page is next read.
    bookmarks[sectionId] = { sectionId, heading: '', note: '', createdAt: at, updatedAt: at };
  }
  const fraction = Number.isFinite(v.progress) ? Math.min(1, Math.max(0, v.progress)) : 0;
  return {
    // v1 knew no issuer or date, so no v2 fingerprint: keyed by URL, re-keyed on the next visit.
    id: `url:${url}`,
    title: typeof v.title === 'string' ? v.title : null,
    issuer: null,
    date: null,
    kind: null,
    urls: [url],
    textLength: 0,
    furthest: 0,
    percent: Math.round(fraction * 100),
    readSections: Array.isArray(v.readSections) ? v.readSections.filter((s): s is string => typeof s === 'string') : [],
    ledger: {},
    sectionTitles: {},
    parts: [],
    bookmarks,
    lastReadAt: at,
    updatedAt: at,
    resetAt: 0,
  };
}
