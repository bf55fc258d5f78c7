// Export of all reading data as JSON (a backup that imports again) or Markdown (to read),
// and the import side: validate the whole file first, then merge it like a second tab.
import { cleanRecord, cleanText } from './clean-text';
import { mergeRecords } from './merge';
import { partsReadCount } from '../reading/progress';
import type { KeptRecord } from './documents';
import type { ImportError, ImportErrorCode } from './protocol';
import { URL_MAX, parseSettings, validateDocRecord, type Bookmark, type DocRecord, type Settings } from './schema';

export const EXPORT_FORMAT = 'gongwen-reader-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  documents: DocRecord[];
  settings?: Settings;
  /** Stored values that could not be read, exactly as stored (not imported again). */
  kept?: { key: string; reason: KeptRecord['reason']; path?: string; value: unknown }[];
}

/** Import files larger than this are refused before they are read. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

// The error shapes live with the writer's protocol (the import op replies with them), so the protocol
// needs nothing from this module.
export type { ImportError, ImportErrorCode } from './protocol';

export interface ParsedImport {
  docs: DocRecord[];
  settings?: Settings;
}

type DocsInput = Readonly<Record<string, DocRecord>> | readonly DocRecord[];

/** Everything, tombstones included, so importing a backup cannot resurrect removed bookmarks. */
export function exportJson(
  docs: DocsInput,
  settings?: Settings,
  now: Date = new Date(),
  kept: readonly KeptRecord[] = [],
): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    documents: byRecent(docs).map(cleanRecord),
    ...(settings ? { settings } : {}),
    ...(kept.length > 0 ? { kept: kept.map(keptEntry) } : {}),
  };
  return JSON.stringify(file, null, 2);
}

function keptEntry(k: KeptRecord): NonNullable<ExportFile['kept']>[number] {
  return { key: k.key, reason: k.reason, ...(k.path === undefined ? {} : { path: k.path }), value: k.value };
}

const LABELS = {
  zh: {
    heading: '公文导读 · 阅读记录',
    exported: '导出时间',
    untitled: '（无标题）',
    issuer: '发文机关',
    date: '日期',
    link: '链接',
    progress: '阅读进度',
    partsRead: '已读部分',
    bookmarks: '书签',
    separator: '；',
    colon: '：',
    none: '暂无记录。',
  },
  en: {
    heading: 'Gongwen Reader — reading record',
    exported: 'Exported',
    untitled: '(untitled)',
    issuer: 'Issuer',
    date: 'Date',
    link: 'Link',
    progress: 'Progress',
    partsRead: 'Parts read',
    bookmarks: 'Bookmarks',
    separator: '; ',
    colon: ': ',
    none: 'Nothing recorded yet.',
  },
} as const;

/** A readable list: per document its title, links, progress, read parts and bookmarks with notes. */
export function exportMarkdown(docs: DocsInput, lang: 'zh' | 'en', now: Date = new Date()): string {
  const t = LABELS[lang];
  const line = (label: string, value: string): string => `- ${label}${t.colon}${value}`;
  const out = [`# ${t.heading}`, '', `${t.exported}${t.colon}${now.toISOString().slice(0, 10)}`, ''];
  const list = byRecent(docs);
  if (list.length === 0) out.push(t.none, '');
  for (const doc of list) {
    out.push(`## ${escape(doc.title ?? t.untitled)}`, '');
    if (doc.issuer) out.push(line(t.issuer, escape(doc.issuer)));
    if (doc.date) out.push(line(t.date, escape(doc.date)));
    for (const url of doc.urls) out.push(line(t.link, markdownLink(url)));
    out.push(line(t.progress, `${doc.percent}%`));
    const read = readHeadings(doc);
    if (read.length > 0) {
      const { read: n, total } = partsReadCount(doc.parts, doc.readSections);
      const count = total > 0 ? (lang === 'zh' ? `（${n}/${total}）` : ` (${n}/${total})`) : '';
      out.push(line(`${t.partsRead}${count}`, read.map(escape).join(t.separator)));
    }
    const marks = Object.values(doc.bookmarks)
      .filter((b) => !b.deleted)
      .sort((a, b) => b.updatedAt - a.updatedAt);
    if (marks.length > 0) {
      out.push(`- ${t.bookmarks}${t.colon}`);
      for (const b of marks) {
        const heading = escape(b.heading || doc.sectionTitles[b.sectionId] || b.sectionId);
        out.push(`  - ${heading}${b.note ? ` — ${escape(b.note)}` : ''}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** Parse and fully validate an export; any problem refuses the whole file. */
export function parseImport(
  text: string,
  now = Date.now(),
): { ok: true; docs: DocRecord[]; settings?: Settings } | { ok: false; error: ImportError } {
  if (text.length > IMPORT_MAX_BYTES) return fail('too-large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('wrong-format');
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT || typeof file.version !== 'number') return fail('wrong-format');
  if (file.version !== EXPORT_VERSION) return fail('unsupported-version');
  if (!Array.isArray(file.documents)) return fail('invalid-record', 'documents');
  const docs: DocRecord[] = [];
  for (const [i, raw] of file.documents.entries()) {
    const result = validateDocRecord(raw, `documents[${i}]`);
    if (!result.ok) return fail('invalid-record', result.path);
    docs.push(clampImported(result.value, now));
  }
  if (file.settings === undefined) return { ok: true, docs };
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return fail('invalid-record', 'settings');
  }
  return { ok: true, docs, settings: parseSettings(file.settings) };
}

/** Stored + imported, merged per document as two tabs would be. */
export function importInto(
  current: Readonly<Record<string, DocRecord>>,
  parsed: Pick<ParsedImport, 'docs'>,
): { docs: Record<string, DocRecord>; added: number; merged: number } {
  const docs: Record<string, DocRecord> = { ...current };
  let added = 0;
  let merged = 0;
  for (const doc of parsed.docs) {
    const existing = docs[doc.id];
    if (existing) merged++;
    else added++;
    docs[doc.id] = existing ? mergeRecords(existing, doc) : doc;
  }
  return { docs, added, merged };
}

/**
 * An imported record made harmless: no time later than `now` (a far-future time would push every
 * other record out of the cap, or a far-future reset stop progress from ever saving), and only
 * http(s) links (an imported link is opened from the popup).
 */
export function clampImported(doc: DocRecord, now: number): DocRecord {
  const at = (time: number): number => Math.min(time, now);
  const bookmarks: Record<string, Bookmark> = {};
  for (const [key, b] of Object.entries(doc.bookmarks))
    bookmarks[key] = { ...b, createdAt: at(b.createdAt), updatedAt: at(b.updatedAt) };
  return {
    ...doc,
    urls: doc.urls.filter(isHttpUrl),
    ...(doc.lastPosition ? { lastPosition: { ...doc.lastPosition, at: at(doc.lastPosition.at) } } : {}),
    bookmarks,
    lastReadAt: at(doc.lastReadAt),
    updatedAt: at(doc.updatedAt),
    resetAt: at(doc.resetAt),
    ...(doc.study
      ? {
          study: Object.fromEntries(
            Object.entries(doc.study).map(([key, mark]) => [key, { ...mark, updatedAt: at(mark.updatedAt) }]),
          ),
        }
      : {}),
  };
}

/** An absolute http(s) URL, nothing else (no data:, file:, chrome:, view-source:, javascript:). */
export function isHttpUrl(url: string): boolean {
  if (url.length > URL_MAX) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http(s) URL as an autolink, percent-encoded so it cannot end early; anything else as plain text. */
function markdownLink(url: string): string {
  if (!isHttpUrl(url)) return escape(url);
  const href = new URL(url).href.replace(
    /[<>"'`\s\\[\]()|*_]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `<${href}>`;
}

function fail(code: ImportErrorCode, path?: string): { ok: false; error: ImportError } {
  return { ok: false, error: path === undefined ? { code } : { code, path } };
}

function byRecent(docs: DocsInput): DocRecord[] {
  const list: readonly DocRecord[] = isList(docs) ? docs : Object.values(docs);
  return [...list].sort((a, b) => b.lastReadAt - a.lastReadAt || (a.id < b.id ? -1 : 1));
}

function isList(docs: DocsInput): docs is readonly DocRecord[] {
  return Array.isArray(docs);
}

/** Headings of the read parts in document order; without a part list, of every read section. */
function readHeadings(doc: DocRecord): string[] {
  const read = new Set(doc.readSections);
  if (doc.parts.length > 0) return doc.parts.filter((p) => read.has(p.id)).map((p) => p.heading || p.id);
  return doc.readSections.map((id) => doc.sectionTitles[id] || id);
}

/** Page and user text made literal for Markdown (the review card's export uses it too). */
export const escapeMarkdown = (text: string): string => escape(text);

/** Keeps user text literal in Markdown and on one line: no markup, links, images or HTML. */
function escape(text: string): string {
  // Bidi overrides and other invisible controls never reach an export (clean-text.ts).
  return cleanText(text)
    .replace(/\s*[\r\n]\s*/g, ' ')
    .replace(/([\\`*_[\]<>#|&])/g, '\\$1');
}
