// The attachment viewer's address: the one contract between the entry points (panel, chip,
// context menu, PDF-tab offer, popup) and the viewer page, which reads the file's URL from `src`.
import { browser } from 'wxt/browser';

/** The viewer page for the file at `src` (an absolute URL). */
export function viewerUrl(src: string): string {
  // Typed loosely: WXT types getURL by the pages it has built, and this one is the viewer entrypoint's.
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL('/viewer.html') + '?src=' + encodeURIComponent(src);
}
