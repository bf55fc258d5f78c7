// Mounts the reader for a detected document: restores saved state, puts the panel on the page
// (an extension page in a frame, see panel-host), starts tracking.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedDocument as Detected } from '../../lib/document/detect';
import { createReaderController, type ReaderController } from './reader-controller';
import { mountPanelHost, type PanelHost } from './panel-host';
import { takePendingJump } from '../../lib/storage/pending-jump';
import type { RestoredState } from '../../lib/startup/restore-state';
import type { RunningReader } from '../../lib/startup/handoff';
import { READY_MEASURE, RESTORED_MARK, START_MARK, mark, measure } from '../../lib/startup/marks';

export interface StartedReader extends RunningReader {
  readonly controller: ReaderController;
}

export async function startReader(ctx: ContentScriptContext, found: Detected, restoring: Promise<RestoredState>): Promise<StartedReader> {
  const { settings, docId, record, kept, url, epoch } = await restoring;
  mark(RESTORED_MARK);
  let host: PanelHost | null = null;
  const controller = createReaderController({ found, docId, settings, record, kept, url, epoch, host: () => host?.element ?? null });
  host = mountPanelHost(controller, () => controller.model());
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    controller.stop();
    host?.remove();
  };
  ctx.onInvalidated(remove);
  // Ready for the reader once the panel's page is connected (the benchmark's end point).
  host.ready.then(() => measure(READY_MEASURE, START_MARK), () => {});
  // Highlights, layout measuring and tracking start after the first paint; they need no panel.
  await nextFrame();
  if (removed) return { controller, remove };
  controller.start();
  // A bookmark opened from the popup: land on its section once the panel is up.
  const pending = await takePendingJump(docId).catch(() => null);
  if (pending) controller.jumpToId(pending);
  return { controller, remove };
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
