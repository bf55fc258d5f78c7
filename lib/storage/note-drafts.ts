// Notes typed and not yet saved, kept per document and section in the browser's session storage
// (the panel's frame may not use localStorage), so a reload, a closed tab or a navigation never
// loses them. Not reading data: not in the records, never synced or exported; one key per section,
// written only by the editor of that section, so no read-merge-write through the writer is needed.
// Read back like any stored value: validated, and dropped when it is not a draft we wrote.
import { browser } from 'wxt/browser';
import { NOTE_MAX } from './schema';

/** The part of a storage area the drafts use (browser.storage.session, or a fake in tests). */
export interface DraftArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const PREFIX = 'noteDraft:';
const ID_MAX = 256;

function keyOf(docId: string, sectionId: string): string | null {
  return docId && sectionId && docId.length <= ID_MAX && sectionId.length <= ID_MAX
    ? `${PREFIX}${JSON.stringify([docId, sectionId])}`
    : null;
}

/** The draft kept for a section, or null; anything stored there that is not a draft is removed. */
export async function readDraft(area: DraftArea | null, docId: string, sectionId: string): Promise<string | null> {
  const key = keyOf(docId, sectionId);
  if (!area || key === null) return null;
  try {
    const value = (await area.get(key))[key];
    if (value === undefined) return null;
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { v?: unknown }).v === 1 &&
      typeof (value as { text?: unknown }).text === 'string'
    ) {
      const text = (value as { text: string }).text.slice(0, NOTE_MAX);
      if (text.trim()) return text;
    }
    await area.remove(key);
    return null;
  } catch {
    // The area refused (unavailable in this context): no draft.
    return null;
  }
}

/** Keeps `text` as the section's draft (an empty one removes it). */
export async function keepDraft(area: DraftArea | null, docId: string, sectionId: string, text: string): Promise<void> {
  const key = keyOf(docId, sectionId);
  if (!area || key === null) return;
  try {
    if (text.trim()) await area.set({ [key]: { v: 1, text: text.slice(0, NOTE_MAX) } });
    else await area.remove(key);
  } catch {
    // Quota or refusal: the note is still in the editor.
  }
}

export function dropDraft(area: DraftArea | null, docId: string, sectionId: string): Promise<void> {
  return keepDraft(area, docId, sectionId, '');
}

/** The browser's session storage area, or null where this context has none. */
export function draftArea(): DraftArea | null {
  try {
    return (browser.storage?.session as DraftArea | undefined) ?? null;
  } catch {
    return null;
  }
}
