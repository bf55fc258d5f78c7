// Reads what the reader needs from storage for a found document: settings, its id and record.
// Runs in the content script, whose storage module is already warm, while the background is
// still injecting the reader bundle, so the two waits overlap.
import type { DocRecord, Settings } from '../../lib/storage/schema';
import type { GongwenDocument } from '../../lib/document/types';
import { loadSettings, resolveDocument } from '../../lib/storage/repository';

export interface RestoredState {
  readonly settings: Settings;
  readonly docId: string;
  readonly record: DocRecord | null;
}

export async function restoreState(doc: GongwenDocument, url: string): Promise<RestoredState> {
  const [settings, { id, record }] = await Promise.all([loadSettings(), resolveDocument(doc, url)]);
  return { settings, docId: id, record };
}
