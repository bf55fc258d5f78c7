// Is the popup's tab showing a PDF? Firefox runs no content script in its PDF viewer, so the
// toolbar popup offers the file instead; it knows only the tab's address (readable on the
// portals' hosts, and on any tab once the toolbar button was clicked: activeTab).
import { viewerSource } from '../background/open-viewer';

/** The tab's PDF as an http(s) address, or null when its address names no PDF. */
export function pdfTabSource(tabUrl: string | undefined): string | null {
  if (!tabUrl) return null;
  const src = viewerSource(tabUrl);
  if (src === null) return null;
  return /\.pdf$/i.test(new URL(src).pathname) ? src : null;
}
