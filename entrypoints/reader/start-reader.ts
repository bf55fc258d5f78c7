// Mounts the reader for a detected document, in stages that each give the main thread back to the
// page (lib/startup/yield-to-page.ts), so no stage of ours runs as one long task on a slow PC:
//   1. the panel's frame starts loading at once (its page load is most of the wait), while the
//      stored state is read;
//   2. the controller, from the detector's result (outline, stored progress; no phrase work yet);
//   3. the host on the page: the frame connects and draws the outline, placed at the next frame;
//   4. once the panel is connected (or a second has passed): the page's key phrases for the panel,
//      found in slices of a few ms (lib/startup/slices.ts);
//   5. the page's palette and tracking (controller.start()); the layout measure for tracking runs
//      in slices after it, and the first highlights follow its first report.
// Each synchronous stage is timed for the benchmark (lib/startup/marks.ts, `stage`).
import type { DetectedDocument as Detected } from '../../lib/document/detect';
import { createReaderController, type ReaderController } from './reader-controller';
import { mountPanelHost, preloadPanelFrame, type PanelHost } from './panel-host';
import { takePendingJump } from '../../lib/storage/pending-jump';
import type { RestoredState } from '../../lib/startup/restore-state';
import type { ReaderContext, RunningReader } from '../../lib/startup/handoff';
import { READY_MEASURE, RESTORED_MARK, START_MARK, mark, measure, stage, stageSince } from '../../lib/startup/marks';
import { yieldToPage } from '../../lib/startup/yield-to-page';

export interface StartedReader extends RunningReader {
  readonly controller: ReaderController;
}

export async function startReader(
  ctx: ReaderContext,
  found: Detected,
  restoring: Promise<RestoredState>,
): Promise<StartedReader> {
  const frame = stage('frame', preloadPanelFrame);
  let restored: RestoredState;
  try {
    restored = await restoring;
  } catch (error) {
    frame.remove();
    throw error;
  }
  const { settings, organisation, docId, record, kept, url, epoch } = restored;
  mark(RESTORED_MARK);
  let host: PanelHost | null = null;
  let controller: ReaderController | null = null;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    controller?.stop();
    if (host) host.remove();
    else frame.remove();
  };
  ctx.onInvalidated(remove);
  await yieldToPage();
  const reader: ReaderController = (controller = stage('controller', () =>
    createReaderController({
      found,
      docId,
      settings,
      organisation,
      record,
      kept,
      url,
      epoch,
      host: () => host?.element ?? frame.element,
    }),
  ));
  if (removed) {
    reader.stop();
    return { controller: reader, remove };
  }
  host = stage('host', () => mountPanelHost(reader, () => reader.model(), frame));
  // Ready for the reader once the panel's page is connected (the benchmark's end point).
  host.ready.then(
    () => measure(READY_MEASURE, START_MARK),
    () => {},
  );
  // Highlights, layout measuring and tracking start after the first paint; they need no panel.
  await nextFrame();
  if (removed) return { controller: reader, remove };
  // The outline first: the panel's frame finishes loading and connects through this page's thread
  // (its load event, the port), which our later slices would hold up (bench: load → connected 56 /
  // 171 ms at 30× / 100× behind them, 14 / 23 ms with this wait). Highlights come a frame load later.
  await Promise.race([host.ready.catch(() => {}), delay(PANEL_FIRST_MAX_MS)]);
  if (removed) return { controller: reader, remove };
  await yieldToPage();
  if (removed) return { controller: reader, remove };
  // In slices of a few ms, each its own 'phrases' stage.
  await reader.showPhrases({ onSlice: (began) => stageSince('phrases', began) });
  if (removed) return { controller: reader, remove };
  await yieldToPage();
  if (removed) return { controller: reader, remove };
  stage('start', () => reader.start());
  // A bookmark opened from the popup: land on its section once the panel is up.
  const pending = await takePendingJump(docId).catch(() => null);
  if (pending) reader.jumpToId(pending);
  return { controller: reader, remove };
}

/** The longest the phrases wait for the panel to connect (a frame that never loads holds nothing up for long). */
const PANEL_FIRST_MAX_MS = 1000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
