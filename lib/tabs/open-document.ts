// Opens a stored document's page, and a bookmarked section in it, from the popup, the panel or the options page;
// a stored attachment opens in the reader's viewer (viewer.html?src=), not as the raw file.
import { browser } from 'wxt/browser';
import type { Bookmark } from '../storage/schema';
import { textFragmentHref } from '../reading/text-fragment';
import { requestJump } from '../storage/pending-jump';
import { isHttpUrl } from '../storage/export-import';
import { isAttachmentAddress } from '../attachments/links';
import { viewerUrl } from '../attachments/viewer-url';

export function openDocument(event: MouseEvent, url: string | undefined): void {
  event.preventDefault();
  // Stored links may come from an import: only web pages open (no data:, file:, chrome:, view-source:).
  if (url && isHttpUrl(url)) void browser.tabs.create({ url: pageFor(url) });
}

/**
 * Where a stored document is read: an attachment's record is keyed by the file's URL, and the
 * raw file would download or open in the browser's own viewer, without the reader.
 */
function pageFor(url: string): string {
  return isAttachmentAddress(url) ? viewerUrl(url) : url;
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
  // The viewer lands on the section by the pending jump; a text fragment is for web pages only.
  await browser.tabs.create({
    url: isAttachmentAddress(url) ? viewerUrl(url) : textFragmentHref(bookmark.heading, url),
  });
}
