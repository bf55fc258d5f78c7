// Opens the attachment viewer in a new tab, next to the tab that asked. Only the background (or an
// extension page) opens tabs: the reader's panel, the chip on a pointer page, the PDF-tab offer and
// the context menu all come here, so the one check of the file's address is here too.
import { viewerUrl } from '../attachments/viewer-url';

export interface ViewerTabsApi {
  create(properties: { url: string; active: boolean; openerTabId?: number; index?: number }): Promise<unknown>;
}

/** The file's URL when it is an absolute http(s) address, else null (the viewer fetches nothing else). */
export function viewerSource(src: string): string | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Opens the viewer on `src` in a new active tab beside `from` (the asking tab, when there is one). */
export async function openViewer(
  tabs: ViewerTabsApi,
  src: string,
  from?: { id?: number; index?: number },
): Promise<boolean> {
  const file = viewerSource(src);
  if (file === null) return false;
  const beside =
    from?.id !== undefined && from.id >= 0
      ? { openerTabId: from.id, ...(from.index !== undefined ? { index: from.index + 1 } : {}) }
      : {};
  await tabs.create({ url: viewerUrl(file), active: true, ...beside });
  return true;
}
