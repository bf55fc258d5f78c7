// The one writer of stored reading data, in the background: every operation from every tab,
// frame, popup and options page runs here one after another, so no two read-merge-writes can
// interleave and nothing one tab saved is written over by another.
import { browser } from 'wxt/browser';
import { serialQueue } from '../serial-queue';
import {
  adoptDocument,
  applyBookmark,
  applyProgress,
  applyReset,
  applyStudy,
  applyUnbookmark,
  changeDocument,
  clearDocuments,
  guardedWrite,
  importDocuments,
  migrateDocumentsMap,
} from './document-store';
import { parseImport } from './export-import';
import { applyRequestJump, applyTakeJump } from './pending-jump';
import { isWriteMessage, StorageError, type OpName, type OpReply, type OpRequest, type WriteReply } from './protocol';
import { docKey } from './documents';
import type { DocRecord } from './schema';
import { parseSyncSettings, SYNC_SETTINGS_KEY, SYNC_STATUS_KEY } from './sync-settings';
import { clearSyncArea } from './sync/clear-sync-area';
import { classifySender, mayWrite, targetDocId, type MessageSender } from './writer-trust';
import {
  applyAddPhrase,
  applyAddPortal,
  applyImportedSettings,
  applyRemovePhrase,
  applyRemovePortal,
  applySettings,
  applySiteSettings,
} from './settings-store';

type Handlers = { [K in OpName]: (req: OpRequest<K>) => Promise<OpReply<K>> };

/** A caller's time, never later than the writer's clock. */
const at = (now: number | undefined): number => Math.min(now ?? Date.now(), Date.now());

const handlers: Handlers = {
  'doc.progress': ({ id, update }) => applyProgress(id, update, at(update.now)),
  'doc.bookmark': ({ id, sectionId, heading, note, now }) => applyBookmark(id, sectionId, heading, note, at(now)),
  'doc.unbookmark': ({ id, sectionId, now }) => applyUnbookmark(id, sectionId, at(now)),
  'doc.reset': ({ id, now }) => applyReset(id, at(now)),
  'doc.study': ({ id, partId, state, heading, terms, now }) =>
    applyStudy(id, partId, { state, heading, terms }, at(now)),
  'doc.adopt': ({ meta, url }) => adoptDocument(meta, url),
  'settings.set': ({ patch }) => applySettings(patch),
  'phrase.add': ({ phrase }) => applyAddPhrase(phrase),
  'phrase.remove': ({ phrase }) => applyRemovePhrase(phrase),
  'site.set': ({ origin, patch }) => applySiteSettings(origin, patch),
  'portal.add': ({ origin }) => applyAddPortal(origin),
  'portal.remove': ({ origin }) => applyRemovePortal(origin),
  'jump.request': ({ docId, sectionId, now }) => applyRequestJump(docId, sectionId, at(now)),
  'jump.take': ({ docId, now }) => applyTakeJump(docId, at(now)),
  async import({ text, now }) {
    // Validated whole first: on any error nothing stored changes.
    const parsed = parseImport(text, at(now));
    if (!parsed.ok) return parsed;
    const { added, merged } = await importDocuments(parsed.docs);
    if (parsed.settings) await applyImportedSettings(parsed.settings);
    return { ok: true, added, merged };
  },
  clear: async () => {
    // The browser account first: its copy is removed and the clear epoch left there, so neither
    // this computer nor another brings back what is cleared (on failure nothing local changed
    // yet, and the reader can try again). Then the local records; the portal list stays: each
    // portal stands for a host permission and a registration the reader granted in the browser,
    // removed one by one in the options page. Sync is switched off last.
    const now = Date.now();
    await guardedWrite(() => clearSyncArea(browser, now));
    await clearDocuments(
      ['settings', 'settings$', 'sites', 'sites$', 'pendingJump', 'pendingJump$', SYNC_SETTINGS_KEY, SYNC_STATUS_KEY],
      now,
    );
    return null;
  },
  'sync.set': async ({ on }) => {
    const next = { on: on === true };
    await guardedWrite(() => browser.storage.local.set({ [SYNC_SETTINGS_KEY]: next }));
    return next;
  },
};

const enqueue = serialQueue();
let migrated: Promise<void> | null = null;

/** Splits a stored v2 map into per-document keys, once per start of the background (retried if it failed). */
function migrateOnce(): Promise<void> {
  migrated ??= migrateDocumentsMap().catch((error: unknown) => {
    migrated = null;
    throw error;
  });
  return migrated;
}

/** Runs one operation after every one before it; the stored v2 map is split first. */
export function runOp<K extends OpName>(op: K, req: OpRequest<K>): Promise<OpReply<K>> {
  const handler = handlers[op] as (req: OpRequest<K>) => Promise<OpReply<K>>;
  return enqueue(async () => {
    await migrateOnce();
    return handler(req);
  });
}

/**
 * Records from the browser's sync area merged into the local ones, in the writer's queue; a
 * local record that cannot be read is left as it was (that record is skipped, the others merge).
 */
export function mergeSynced(records: readonly DocRecord[]): Promise<void> {
  return enqueue(async () => {
    await migrateOnce();
    // Sync switched off meanwhile (or "clear all data" ran before this in the queue): nothing comes back.
    if (!parseSyncSettings((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).on) return;
    for (const record of records) {
      try {
        await changeDocument(record.id, () => record);
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        if (error.code !== 'kept') console.error('[gongwen-reader] sync merge', record.id, error.code);
      }
    }
  });
}

/** A write of the sync engine's own status, in the writer's queue. */
export function writeSyncStatus(status: unknown): Promise<void> {
  return enqueue(() => guardedWrite(() => browser.storage.local.set({ [SYNC_STATUS_KEY]: status })));
}

/** The stored URLs of the record an operation names; null when it names none or none is stored. */
async function recordUrls(op: OpName, req: OpRequest<OpName>): Promise<string[] | null> {
  const id = targetDocId(op, req);
  if (id === null) return null;
  const stored = (await browser.storage.local.get(docKey(id)))[docKey(id)];
  const urls = (stored as { urls?: unknown } | undefined)?.urls;
  return Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : null;
}

/**
 * A reply for a message to the writer; undefined for any other message. With a sender (every
 * runtime message has one), the write runs only if that sender may make it (writer-trust.ts).
 */
export function handleWriteMessage(message: unknown, sender?: MessageSender): Promise<WriteReply> | undefined {
  if (!isWriteMessage(message)) return undefined;
  const { op, req } = message;
  const allowed = async (): Promise<boolean> => {
    if (sender === undefined) return true;
    const who = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    return mayWrite(who, op, req, who.kind === 'content' ? await recordUrls(op, req) : null);
  };
  return allowed()
    .then((ok) => (ok ? undefined : new StorageError('refused')))
    .then((refusal) => {
      if (refusal) {
        console.warn('[gongwen-reader] write refused', op, sender?.url);
        throw refusal;
      }
      return runOp(op, req as never);
    })
    .then(
      (value): WriteReply => ({ ok: true, value }),
      (error: unknown): WriteReply => {
        if (!(error instanceof StorageError)) console.error('[gongwen-reader] write', op, error);
        return { ok: false, code: error instanceof StorageError ? error.code : 'write-failed' };
      },
    );
}

/**
 * Listens for operations (background start-up; unit tests install it on the fake browser) and
 * splits a v2 map at once, so pages opened after an update read their records from their own keys.
 */
export function installWriter(): () => void {
  migrated = null;
  enqueue(migrateOnce).catch((error: unknown) => console.error('[gongwen-reader] storage migration', error));
  const listener = (message: unknown, sender: MessageSender) => handleWriteMessage(message, sender);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
  browser.runtime.onMessage.addListener(listener);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the same listener, removed
  return () => browser.runtime.onMessage.removeListener(listener);
}
