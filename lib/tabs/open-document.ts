// Opens a stored document's page, and a bookmarked section in it, from the popup, the panel or the options page.
import { browser } from 'wxt/browser';
import type { Bookmark } from '../storage/schema';
import { textFragmentHref } from '../reading/text-fragment';
import { requestJump } from '../storage/pending-jump';
import { isHttpUrl } from '../storage/export-import';

export function openDocument(event: MouseEvent, url: string | undefined): void {
  event.preventDefault();
  // Stored links may come from an import: only web pages open (no data:, file:, chrome:, view-source:).
  if (url && isHttpUrl(url)) void browser.tabs.create({ url });
}

/**
 * The text fragment gets the reader there even where the extension is not running;
 * the pending jump lets the content script land exactly, below the portal's fixed header.
 */
export async function openSection(
  url: string,
  docId: string,
  bookmark: Pick<Bookmark, 'sectionId' | 'heading'>,
): Promise<void> {
  if (!isHttpUrl(url)) return;
  await requestJump(docId, bookmark.sectionId);
  await browser.tabs.create({ url: textFragmentHref(bookmark.heading, url) });
}
