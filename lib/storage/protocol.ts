// The writer's message protocol: every change to stored reading data is an operation sent to the
// background's writer ("bookmark section X of document D"), never a copy of stored data. A protocol
// map like lib/messages.ts (lib/messaging.ts), one send helper; the handler map is in writer.ts.
// On the wire the operation travels inside one envelope ('gongwen:write') and its reply says ok or
// names a StorageErrorCode: a write that failed in the background fails with its reason in the tab.
import { browser } from 'wxt/browser';
import type { ReplyOf, RequestOf } from '../messaging';
import type { TextAnchor } from '../reading/anchor';
import type { DocMeta } from './identity';
import type { DocRecord, Settings, SiteSettings, StudyState, SyncSettings } from './schema';

export type StorageErrorCode =
  /** The browser's storage quota was reached; nothing was written. */
  | 'quota'
  | 'write-failed'
  /** The stored record cannot be read (damaged or from a newer version): it is kept as it was. */
  | 'kept'
  /** The record would exceed RECORD_MAX_BYTES even with its outline headings left out. */
  | 'too-large'
  /** The store is at STORE_MAX_BYTES and only bookmarked records are left to give up. */
  | 'store-full'
  /** Data was cleared after this page read it: its progress is not written back. */
  | 'cleared'
  /** The background did not answer (extension updated or reloaded). */
  | 'no-writer'
  /** The sender may not make this write (lib/storage/writer-trust.ts): a content script asked for an extension page's operation or another site's record. */
  | 'refused';

/** A write that did not happen; nothing stored was changed by it. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`storage: ${code}`, options);
    this.name = 'StorageError';
  }
}

/** Parts and section headings of a page's outline, sent with its first progress save. */
export type ImportErrorCode = 'not-json' | 'wrong-format' | 'unsupported-version' | 'invalid-record' | 'too-large';

export interface ImportError {
  code: ImportErrorCode;
  /** Where the first bad field is, for 'invalid-record': 'documents[3].bookmarks["p1"].note'. */
  path?: string;
}

export interface OutlineSummary {
  readonly parts: readonly { readonly id: string; readonly heading: string }[];
  readonly titles: Readonly<Record<string, string>>;
}

export interface ProgressUpdate {
  readonly meta: DocMeta & { readonly kind: string | null };
  /** The page's address when the reading happened (not when the save ran). */
  readonly url: string;
  readonly textLength: number;
  /** Furthest offset reached since the page was opened (or since a reset the tab saw). */
  readonly furthest: number;
  readonly readSections?: readonly string[];
  /** Characters read per text segment (reading-time.ts); the percent follows from it. */
  readonly ledger?: Readonly<Record<string, number>>;
  /** Where reading last happened; left out when this visit has not read anywhere yet. */
  readonly position?: TextAnchor;
  readonly outline?: OutlineSummary;
  readonly now?: number;
  /** The clear epoch the page read at start; progress from before a "clear all data" is refused. */
  readonly epoch?: number;
  /**
   * The latest reset (the record's `resetAt`) this progress already accounts for. A save built
   * before a reset that is stored now carries what the reset removed, and is dropped.
   */
  readonly resetSeen?: number;
}

export type ImportResult = { ok: true; added: number; merged: number } | { ok: false; error: ImportError };

/** Scalar settings; phrases change one at a time through their own operations. */
export type SettingsPatch = Partial<
  Pick<Settings, 'highlightsOn' | 'panelSide' | 'panelOpen' | 'panelWidth' | 'textSize' | 'keysHintDismissed'>
>;

/** Operation name → [request, reply]. */
export interface WriterOps {
  'doc.progress': [{ id: string; update: ProgressUpdate }, DocRecord];
  'doc.bookmark': [{ id: string; sectionId: string; heading: string; note: string; now?: number }, DocRecord];
  'doc.unbookmark': [{ id: string; sectionId: string; now?: number }, DocRecord | null];
  'doc.reset': [{ id: string; now?: number }, DocRecord | null];
  /** Marks one part 会了 / 再看 in study mode ('none' takes the mark back), with its heading and key phrases. */
  'doc.study': [
    { id: string; partId: string; state: StudyState; heading: string; terms: readonly string[]; now?: number },
    DocRecord,
  ];
  /** Moves a record still filed under the page's URL to its fingerprint id. */
  'doc.adopt': [{ meta: DocMeta; url: string }, { id: string; record: DocRecord | null }];
  'settings.set': [{ patch: SettingsPatch }, Settings];
  'phrase.add': [{ phrase: string }, Settings];
  'phrase.remove': [{ phrase: string }, Settings];
  'site.set': [{ origin: string; patch: Partial<SiteSettings> }, SiteSettings];
  'portal.add': [{ origin: string }, string[]];
  'portal.remove': [{ origin: string }, string[]];
  'jump.request': [{ docId: string; sectionId: string; now?: number }, null];
  'jump.take': [{ docId: string; now?: number }, string | null];
  import: [{ text: string; now?: number }, ImportResult];
  clear: [Record<string, never>, null];
  /** The browser-sync replica on or off (the background's sync engine follows the stored switch). */
  'sync.set': [{ on: boolean }, SyncSettings];
}

export type OpName = keyof WriterOps;
export type OpRequest<K extends OpName> = RequestOf<WriterOps, K>;
export type OpReply<K extends OpName> = ReplyOf<WriterOps, K>;

export interface WriteMessage<K extends OpName = OpName> {
  readonly type: 'gongwen:write';
  readonly op: K;
  readonly req: OpRequest<K>;
}

export type WriteReply<K extends OpName = OpName> =
  { ok: true; value: OpReply<K> } | { ok: false; code: StorageErrorCode };

/** Every operation once; the type makes a new one in WriterOps show up here. */
const OPS: { readonly [K in OpName]: true } = {
  'doc.progress': true,
  'doc.bookmark': true,
  'doc.unbookmark': true,
  'doc.reset': true,
  'doc.study': true,
  'doc.adopt': true,
  'settings.set': true,
  'phrase.add': true,
  'phrase.remove': true,
  'site.set': true,
  'portal.add': true,
  'portal.remove': true,
  'jump.request': true,
  'jump.take': true,
  import: true,
  clear: true,
  'sync.set': true,
};

export function isWriteMessage(value: unknown): value is WriteMessage {
  const v = value as { type?: unknown; op?: unknown; req?: unknown } | null;
  return (
    v?.type === 'gongwen:write' &&
    typeof v.op === 'string' &&
    Object.hasOwn(OPS, v.op) &&
    typeof v.req === 'object' &&
    v.req !== null &&
    !Array.isArray(v.req)
  );
}

/** Sends one operation to the writer; resolves with its reply or rejects with a StorageError. */
export async function send<K extends OpName>(op: K, req: OpRequest<K>): Promise<OpReply<K>> {
  const message: WriteMessage<K> = { type: 'gongwen:write', op, req };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    throw new StorageError('no-writer', { cause: error });
  }
  const r = reply as WriteReply<K> | undefined;
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') throw new StorageError('no-writer');
  if (!r.ok) throw new StorageError(r.code);
  return r.value;
}
