// Content script: find an official document on the page, then mount the reader beside it.
// Runs on the portals (static and reader-added), and once on any tab the reader asks for.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectDocument } from '../../lib/document/detect';
import { isReaderMessage, type PageStatus } from '../../lib/messages';
import { getSiteSettings } from '../../lib/storage/repository';
import { watchForDocument } from './watch-document';
import { CHECK_MEASURE, DETECTED_MARK, START_MARK } from './marks';
import { offerHandoff } from './handoff';
import { restoreState } from './restore-state';
import type { RunningReader } from './start-reader';
import type { Detected } from './watch-document';
import type { BackgroundMessage } from '../../lib/messages';
import { STATIC_PORTAL_MATCHES } from '../../lib/portals/static-matches';

/** Asks the background to inject the reader bundle, which takes the document over from here. */
function loadReader(ctx: Parameters<typeof offerHandoff>[0]['ctx'], found: Detected): Promise<RunningReader> {
  return new Promise((resolve, reject) => {
    const restoring = restoreState(found.document, location.href);
    restoring.catch(() => {}); // the reader bundle reports it; no unhandled rejection meanwhile
    offerHandoff({ ctx, found, restoring, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
    const message: BackgroundMessage = { type: 'gongwen:load-reader' };
    browser.runtime.sendMessage(message).then(
      (ok: unknown) => ok !== true && reject(new Error('the reader bundle could not be injected')),
      reject,
    );
  });
}

export default defineContentScript({
  matches: STATIC_PORTAL_MATCHES,
  // Portals that show the article in a frame: each frame checks its own page; the panel opens in
  // the frame that holds the document.
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Injected twice (portal match, then the toolbar button)? The first instance serves.
    const flag = '__gongwenReaderLoaded';
    const scope = globalThis as { [flag]?: boolean };
    if (scope[flag]) return;
    scope[flag] = true;
    ctx.onInvalidated(() => delete scope[flag]);

    performance.mark(START_MARK);
    let reader: RunningReader | null = null;
    let status: PageStatus = { found: false, reason: 'no-parts' };
    let stopWatching = () => {};
    let site: ReturnType<typeof getSiteSettings> | null = null;

    const detect = async () => {
      status = { found: false, reason: 'starting' };
      site ??= getSiteSettings(location.origin);
      const settings = await site;
      if (settings.disabled) {
        status = { found: false, reason: 'disabled' };
        return null;
      }
      const found = detectDocument(document, { rootSelector: settings.selector });
      if (!found) status = { found: false, reason: 'no-parts' };
      else performance.mark(DETECTED_MARK);
      return found;
    };
    const watch = () => {
      stopWatching = watchForDocument(document, detect, (found) => {
        loadReader(ctx, found)
          .then((running) => {
            reader = running;
          })
          .catch((error: unknown) => console.error('[gongwen-reader]', error));
      });
    };
    watch();
    // What the first check cost, on every page (documents or not), for the benchmark.
    performance.measure(CHECK_MEASURE, START_MARK);
    ctx.onInvalidated(() => stopWatching());

    // Single-page portals swap the article without a page load: start over on the new one.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      stopWatching();
      reader?.remove();
      reader = null;
      status = { found: false, reason: 'no-parts' };
      watch();
    });

    // The popup asks the active tab what it shows, and asks it to jump; the background relays commands.
    const onMessage = (message: unknown): Promise<PageStatus | boolean> | undefined => {
      if (!isReaderMessage(message)) return undefined;
      if (message.type === 'gongwen:jump') return Promise.resolve(reader?.controller.jumpToId(message.sectionId) ?? false);
      if (message.type === 'gongwen:command') {
        reader?.controller.command(message.command);
        return Promise.resolve(reader !== null);
      }
      return Promise.resolve(reader ? reader.controller.status() : status);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
