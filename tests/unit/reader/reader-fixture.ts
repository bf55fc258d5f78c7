// Test helpers for the reader's parts: a real document read from a fixture page, and a store
// holding the reader's initial state for it.
import { readDocument, type DetectedDocument } from '../../../lib/document/detect';
import { flattenSections } from '../../../lib/document/flatten-sections';
import { createStore, type Store } from '../../../lib/ui/create-store';
import { schemePairs } from '../../../lib/phrases/highlight-styles';
import type { ReaderState } from '../../../lib/ui/reader-state';
import type { Section } from '../../../lib/document/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/schema';
import { loadFixture } from '../document/fixtures';

export function detectedFixture(name = 'br-lines.html'): DetectedDocument {
  const found = readDocument(loadFixture(name));
  if (!found) throw new Error(`no document in ${name}`);
  return found;
}

export function flatOf(found: DetectedDocument): Section[] {
  return flattenSections(found.document.sections);
}

export function readerStore(
  found: DetectedDocument,
  settings: Settings = DEFAULT_SETTINGS,
  patch: Partial<ReaderState> = {},
): Store<ReaderState> {
  return createStore<ReaderState>({
    doc: found.document,
    open: false,
    side: settings.panelSide,
    placedSide: settings.panelSide,
    sideFixed: false,
    width: settings.panelWidth,
    beside: false,
    resumeId: null,
    docked: false,
    textSize: settings.textSize,
    keysHint: !settings.keysHintDismissed,
    currentId: found.document.sections[0]?.id ?? null,
    percent: 0,
    readIds: [],
    bookmarks: {},
    showResume: false,
    resumeLost: false,
    canUndoReset: false,
    highlightsOn: settings.highlightsOn,
    highlightScheme: 'light',
    highlightColors: schemePairs('light'),
    phrases: [],
    hasSelection: false,
    study: { docId: 'doc', available: false, on: false, revealed: 0, total: 0, parts: [] },
    attachments: [],
    message: null,
    ...patch,
  });
}

/** Selects `text` inside `root` as a reader would, and tells the page the selection changed. */
export function selectText(root: Node, text: string): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    return;
  }
  throw new Error(`not found: ${text}`);
}
