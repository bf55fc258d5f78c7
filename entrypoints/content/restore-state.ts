// Reads what the reader needs from storage for a found document: settings, its id and record.
// Runs in the content script: the stored settings and documents are read as soon as the page
// might hold a document, while the page is read and the background injects the reader bundle,
// so the waits overlap.
import type { DocRecord, Settings } from '../../lib/storage/schema';
import type { GongwenDocument } from '../../lib/document/types';
import { loadDocuments, loadSettings, resolveDocumentIn, type LoadedDocuments } from '../../lib/storage/repository';

export interface RestoredState {
  readonly settings: Settings;
  readonly docId: string;
  readonly record: DocRecord | null;
}

export interface StoredState {
  readonly settings: Settings;
  readonly documents: LoadedDocuments;
}

/** Starts reading the stored settings and documents. */
export function readStoredState(): Promise<StoredState> {
  return Promise.all([loadSettings(), loadDocuments()]).then(([settings, documents]) => ({ settings, documents }));
}

export async function restoreState(doc: GongwenDocument, url: string, stored: Promise<StoredState> = readStoredState()): Promise<RestoredState> {
  const { settings, documents } = await stored;
  const { id, record } = await resolveDocumentIn(documents, doc, url);
  return { settings, docId: id, record };
}
