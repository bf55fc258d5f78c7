// Reader bundle: the panel, highlights and progress tracking (Preact and all). The background
// injects it only into pages where the content script found a document, so every other page
// loads just the small detector.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { receiveHandoff } from '../../lib/startup/handoff';
import { startReader } from './start-reader';
import { BUNDLE_MARK, mark } from '../../lib/startup/marks';

export default defineUnlistedScript(() => {
  mark(BUNDLE_MARK);
  receiveHandoff((handoff) => {
    startReader(handoff.ctx, handoff.found, handoff.restoring).then(handoff.settle, (error: unknown) =>
      handoff.settle(error instanceof Error ? error : new Error(String(error))),
    );
  });
});
