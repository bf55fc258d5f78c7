// Asks the background to open the attachment viewer on a file (lib/background/open-viewer.ts):
// the panel page and the content scripts' offers open no tab themselves.
import { sendToBackground } from '../messages';

export function openInViewer(src: string): void {
  sendToBackground({ type: 'gongwen:open-viewer', src }).catch((error: unknown) =>
    console.error('[gongwen-reader] open viewer', error),
  );
}
