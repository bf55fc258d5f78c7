// Asks the background to bring the content-script registrations in line with the stored portal
// list (lib/background/registrations.ts); the answer says which portals lack their permission.
// Shared by the options page and the popup, which both turn portals on.
import { sendToBackground, type PortalRefreshResult } from '../messages';

export async function syncPortals(): Promise<PortalRefreshResult | null> {
  try {
    return (await sendToBackground({ type: 'gongwen:refresh-portals' })) ?? null;
  } catch {
    return null;
  }
}
