// Reads what the reader needs from storage for a found document: settings, its id and record.
// Runs in the content script: the stored settings are read as soon as the page might hold a
// document, and the document's own record while the page is read and the background injects
// the reader bundle, so the waits overlap. Only this document's key is read, not every record.
import type { DocRecord, Settings } from '../storage/schema';
import type { GongwenDocument } from '../document/types';
import { resolveDocument } from '../storage/documents';
import { loadSettings } from '../storage/settings';
import { readManaged } from '../storage/managed';
import type { LexiconEntry } from '../phrases/lexicon';
import { organisationLexicon } from '../phrases/organisation-phrases';

export interface RestoredState {
  readonly settings: Settings;
  /** The organisation's phrases from its policy (lib/managed), found with the built-in lexicon. */
  readonly organisation: readonly LexiconEntry[];
  readonly docId: string;
  readonly record: DocRecord | null;
  /** The stored record cannot be read: kept aside, this page does not save over it. */
  readonly kept: boolean;
  /** The page's address when the document was found: its progress is filed under it. */
  readonly url: string;
  /** The clear epoch read with the record ("clear all data" after it stops this page's saves). */
  readonly epoch: number;
}

export interface StoredState {
  readonly settings: Settings;
  readonly organisation: readonly LexiconEntry[];
}

/** Starts reading the stored settings and the organisation's phrases. */
export async function readStoredState(): Promise<StoredState> {
  const [settings, managed] = await Promise.all([loadSettings(), readManaged()]);
  return { settings, organisation: organisationLexicon(managed.config) };
}

export async function restoreState(
  doc: GongwenDocument,
  url: string,
  stored: Promise<StoredState> = readStoredState(),
): Promise<RestoredState> {
  const [{ settings, organisation }, resolved] = await Promise.all([stored, resolveDocument(doc, url)]);
  return {
    settings,
    organisation,
    docId: resolved.id,
    record: resolved.record,
    kept: resolved.kept,
    url,
    epoch: resolved.epoch,
  };
}
