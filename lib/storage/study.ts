// Study progress (会了 / 再看 per part) as stored with each document record (DocRecord.study):
// the mark goes to the writer as an operation; readers of the 复习 list watch only changes of it.
import { browser } from 'wxt/browser';
import { send } from './protocol';
import { DOC_PREFIX, docKey, loadDocuments, readStoredDoc, type LoadedDocuments } from './documents';
import { stableKey } from './merge';
import type { DocRecord, StudyMark, StudyState } from './schema';

export function markStudy(
  id: string,
  partId: string,
  state: StudyState,
  heading: string,
  terms: readonly string[],
  now?: number,
): Promise<DocRecord> {
  return send('doc.study', { id, partId, state, heading, terms: [...terms], ...(now === undefined ? {} : { now }) });
}

/** The raw study field of a stored value (validated when the documents are loaded): only compared. */
function studyOf(value: unknown): string {
  const study = (value as { study?: unknown } | null | undefined)?.study;
  return study === undefined ? '' : stableKey(study);
}

/**
 * All documents again after a study mark changed anywhere (another tab, the popup, another
 * panel). A page saves its reading progress every second: those saves do not reload anything.
 */
export function watchStudy(cb: (loaded: LoadedDocuments) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed = Object.entries(changes).some(
      ([key, change]) => key.startsWith(DOC_PREFIX) && studyOf(change.oldValue) !== studyOf(change.newValue),
    );
    if (changed) void loadDocuments().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * One document's study marks as other tabs (or the popup's panel) change them. Its own page saves
 * progress every second: those writes are told apart by the raw field and never parsed here.
 */
export function watchDocumentStudy(id: string, cb: (study: Readonly<Record<string, StudyMark>>) => void): () => void {
  const key = docKey(id);
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[key] : undefined;
    if (!change || studyOf(change.oldValue) === studyOf(change.newValue)) return;
    const stored = change.newValue === undefined ? null : readStoredDoc(key, change.newValue);
    cb(stored && 'record' in stored ? (stored.record.study ?? {}) : {});
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
