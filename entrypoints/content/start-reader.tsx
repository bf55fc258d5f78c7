// Mounts the reader for a detected document: restores saved state, shows the panel, starts tracking.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Detected } from './watch-document';
import { createReaderController, NARROW_WINDOW, type ReaderController } from './reader-controller';
import { Panel } from '../../components/Panel';
import { fixedHeaderOffset } from '../../lib/dom/scroll';
import { phraseColors } from '../../lib/phrases/highlight-styles';
import { takePendingJump } from '../../lib/storage/pending-jump';
import type { RestoredState } from './restore-state';
import panelCss from '../../components/panel.css?inline';
import { READY_MEASURE, RESTORED_MARK, START_MARK } from './marks';


const PANEL_MIN = 224;
const PANEL_MAX = 340;

const swatches = Object.fromEntries(Object.entries(phraseColors).map(([key, pair]) => [key, pair.light.background]));

export interface RunningReader {
  readonly controller: ReaderController;
  /** Takes the panel and highlights off the page (the article changed under a single-page portal). */
  remove(): void;
}

export async function startReader(ctx: ContentScriptContext, found: Detected, restoring: Promise<RestoredState>): Promise<RunningReader> {
  const { settings, docId, record, kept, url, epoch } = await restoring;
  performance.mark(RESTORED_MARK);
  const frame = panelFrame(found.root, settings.panelSide);
  let host: Element | null = null;
  const controller = createReaderController({ found, docId, settings, record, kept, url, epoch, frame, host: () => host });

  const ui = await createShadowRootUi(ctx, {
    name: 'gongwen-reader',
    // Styles travel inside the script: no web-accessible files, so pages cannot probe for the extension.
    css: panelCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      render(<Panel store={controller.store} actions={controller.actions} swatches={swatches} />, container);
      return container;
    },
    onRemove(container) {
      controller.stop();
      if (container) render(null, container);
    },
  });
  ui.mount();
  host = ui.shadowHost;
  performance.measure(READY_MEASURE, START_MARK);
  // Highlights, layout measuring and tracking start once the panel has been painted.
  await nextFrame();
  controller.start();
  // A bookmark opened from the popup: land on its section once the panel is up.
  const pending = await takePendingJump(docId).catch(() => null);
  if (pending) controller.jumpToId(pending);
  ctx.onInvalidated(() => ui.remove());
  return { controller, remove: () => ui.remove() };
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Panel size and place: as wide as the margin beside the article allows, below any fixed header. */
function panelFrame(root: Element, side: 'left' | 'right') {
  const win = root.ownerDocument.defaultView ?? window;
  const rect = root.getBoundingClientRect();
  const room = side === 'right' ? win.innerWidth - rect.right : rect.left;
  const width = Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, room - 20)));
  const top = fixedHeaderOffset(root.ownerDocument) + 12;
  return { width, top, roomy: room - 20 >= PANEL_MIN && win.innerWidth >= NARROW_WINDOW };
}
