// Content script: find an official document on the page, then mount the reader beside it.
// Runs on the portals (static and reader-added), and once on any tab the reader asks for.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readDocument } from '../../lib/document/detect';
import { isReaderMessage, type PageStatus } from '../../lib/messages';
import { getSiteSettings } from '../../lib/storage/settings';
import type { SiteSettings } from '../../lib/storage/schema';
import { watchForDocument } from './watch-document';
import { CHECK_MEASURE, DETECTED_MARK, START_MARK } from './marks';
import { offerHandoff } from './handoff';
import { readStoredState, restoreState, type RestoredState, type StoredState } from './restore-state';
import type { RunningReader } from './start-reader';
import type { Detected } from './watch-document';
import type { BackgroundMessage } from '../../lib/messages';
import { STATIC_PORTAL_MATCHES } from '../../lib/portals/static-matches';

/** Asks the background for the reader bundle; it refuses on sites where the reader is switched off. */
function requestReaderBundle(): Promise<boolean> {
  const message: BackgroundMessage = { type: 'gongwen:load-reader' };
  return browser.runtime.sendMessage(message).then((ok: unknown) => ok === true);
}

/** Hands `found` and its stored state to the reader bundle (asked for already, or now); resolves once the panel is up. */
function loadReader(
  ctx: Parameters<typeof offerHandoff>[0]['ctx'],
  found: Detected,
  restoring: Promise<RestoredState>,
  bundle: Promise<boolean>,
): Promise<RunningReader> {
  return new Promise((resolve, reject) => {
    restoring.catch(() => {}); // the reader bundle reports it; no unhandled rejection meanwhile
    offerHandoff({ ctx, found, restoring, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
    bundle.then((ok) => ok || reject(new Error('the reader bundle could not be injected')), reject);
  });
}

/** After a single-page portal changes its address: time for it to swap the article in. */
const AFTER_NAVIGATION_MS = 250;

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

    /**
     * The reader bundle, asked for once the cheap pre-check passes (watchForDocument only calls
     * detect() then), so the background injects it while the page is read. On a page that only
     * looks like a document it is injected and stays idle: no DOM change, no work.
     */
    let bundle: Promise<boolean> | null = null;
    /** Stored settings and documents, read from the first detect() on, while the page is read. */
    let stored: Promise<StoredState> | null = null;
    /** The stored state of the document the page first read as, resolved while the site's settings are read. */
    let early: { found: Detected; restoring: Promise<RestoredState> } | null = null;
    /** Counts the single-page portal's page changes; a reader started before the latest one is dropped. */
    let generation = 0;

    /** The site's settings once read: later checks (mutations) go by them without reading the page in vain. */
    let siteNow: SiteSettings | null = null;

    const detect = async () => {
      if (siteNow?.disabled) {
        status = { found: false, reason: 'disabled' };
        return null;
      }
      status = { found: false, reason: 'starting' };
      site ??= getSiteSettings(location.origin);
      if (!bundle) {
        bundle = requestReaderBundle();
        bundle.catch(() => {});
      }
      if (!stored) {
        stored = readStoredState();
        stored.catch(() => {});
      }
      // Read the page while storage answers: most sites have no chosen container, so this is the result.
      // (watchForDocument calls detect() only on pages that passed the pre-check.)
      const guess = siteNow?.selector ? null : readDocument(document);
      if (guess && !early) {
        performance.mark(DETECTED_MARK);
        early = { found: guess, restoring: restoreState(guess.document, location.href, stored) };
        early.restoring.catch(() => {});
      }
      const settings = (siteNow = await site);
      if (settings.disabled) {
        status = { found: false, reason: 'disabled' };
        return null;
      }
      const found = settings.selector ? readDocument(document, { rootSelector: settings.selector }) : guess;
      if (!found) status = { found: false, reason: 'no-parts' };
      return found;
    };
    const start = (found: Detected) => {
      const restoring = early?.found === found ? early.restoring : restoreState(found.document, location.href, stored ?? undefined);
      const injected = bundle ?? requestReaderBundle();
      early = null;
      bundle = null;
      stored = null; // the next document (single-page portals) reads storage afresh
      const startedIn = generation;
      loadReader(ctx, found, restoring, injected)
        .then((running) => {
          // The portal moved on to another page while the panel was loading: it belongs to no page now.
          if (startedIn !== generation) running.remove();
          else reader = running;
        })
        .catch((error: unknown) => console.error('[gongwen-reader]', error));
    };
    const watch = (firstCheckAfterMs = 0) => {
      stopWatching = watchForDocument(document, detect, start, { firstCheckAfterMs });
    };
    watch();
    // What the first check cost, on every page (documents or not), for the benchmark.
    performance.measure(CHECK_MEASURE, START_MARK);
    ctx.onInvalidated(() => stopWatching());

    // Single-page portals swap the article without a page load: start over on the new one.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      generation++;
      stopWatching();
      reader?.remove();
      reader = null;
      early = null; // a bundle asked for and not yet used stays: it serves the next document
      stored = null;
      status = { found: false, reason: 'no-parts' };
      watch(AFTER_NAVIGATION_MS);
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
