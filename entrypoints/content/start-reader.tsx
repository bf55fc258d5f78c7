// Mounts the reader for a detected document: restores saved state, shows the panel, starts tracking.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Detected } from './watch-document';
import { createReaderController, NARROW_WINDOW, type ReaderController } from './reader-controller';
import { Panel } from '../../components/Panel';
import { fixedHeaderOffset } from '../../lib/dom/scroll';
import { phraseColors } from '../../lib/phrases/highlight-styles';
import { takePendingJump } from '../../lib/storage/repository';
import type { RestoredState } from './restore-state';
import panelCss from '../../components/panel.css?inline';
import { readDiagnostics } from '../../lib/storage/diagnostics';
import { READY_MEASURE, RESTORED_MARK, START_MARK, mark, measure } from './marks';


const PANEL_MIN = 224;
const PANEL_MAX = 340;

const swatches = Object.fromEntries(Object.entries(phraseColors).map(([key, pair]) => [key, pair.light.background]));

export interface RunningReader {
  readonly controller: ReaderController;
  /** Takes the panel and highlights off the page (the article changed under a single-page portal). */
  remove(): void;
}

export async function startReader(ctx: ContentScriptContext, found: Detected, restoring: Promise<RestoredState>): Promise<RunningReader> {
  const diagnostics = readDiagnostics(); // read meanwhile
  const { settings, docId, record } = await restoring;
  mark(RESTORED_MARK);
  const frame = panelFrame(found.root, settings.panelSide);
  let host: Element | null = null;
  const controller = createReaderController({ found, docId, settings, record, frame, host: () => host });

  const ui = await createShadowRootUi(ctx, {
    name: 'gongwen-reader',
    // Closed: page script cannot reach the panel's text (notes, phrases) or its controls. Only the
    // e2e tests open it, through extension storage, because Playwright cannot pierce closed roots.
    mode: (await diagnostics).openPanelRoot ? 'open' : 'closed',
    // Styles travel inside the script: no web-accessible files, so pages cannot probe for the extension.
    css: panelCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      keepTypingInside(container);
      controller.watchPanel(container);
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
  measure(READY_MEASURE, START_MARK);
  // Highlights, layout measuring and tracking start once the panel has been painted.
  await nextFrame();
  controller.start();
  // A bookmark opened from the popup: land on its section once the panel is up.
  const pending = await takePendingJump(docId);
  if (pending) controller.jumpToId(pending);
  ctx.onInvalidated(() => ui.remove());
  return { controller, remove: () => ui.remove() };
}

/** Events that carry what is typed; composed, so they would bubble out of the shadow root to the page. */
const TYPING_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'];

/**
 * What the reader types into the panel (a bookmark note) stops at the panel's edge, so the page's
 * listeners never see it bubble past. Keys on the panel's buttons still reach the reader's shortcuts.
 * (A page's capture-phase listener on window runs before the event enters the panel: see README.)
 */
function keepTypingInside(container: HTMLElement): void {
  const stop = (event: Event) => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) event.stopPropagation();
  };
  for (const type of TYPING_EVENTS) container.addEventListener(type, stop);
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
