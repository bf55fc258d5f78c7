// Content script: find an official document on the page, then mount the reader beside it.
// Runs on the portals (static and reader-added), and once on any tab the reader asks for.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readDocument, readDocumentSteps } from '../../lib/document/detect';
import { runInSlices } from '../../lib/startup/slices';
import { isLoadReaderLater, isReaderMessage, sendToBackground, type PageStatus } from '../../lib/messages';
import { handleWith } from '../../lib/messaging';
import { getSiteSettings } from '../../lib/storage/settings';
import type { SiteSettings } from '../../lib/storage/schema';
import { watchForDocument } from './watch-document';
import { CHECK_MEASURE, DETECTED_MARK, START_MARK, mark, measure, stageSince } from '../../lib/startup/marks';
import { offerHandoff } from '../../lib/startup/handoff';
import { readStoredState, restoreState, type RestoredState } from '../../lib/startup/restore-state';
import type { RunningReader } from '../../lib/startup/handoff';
import type { Detected } from './watch-document';
import { STATIC_PORTAL_MATCHES } from '../../lib/portals/static-matches';
import { admitOwnStartOnly } from './forged-events';
import { createPageSession, type PageSession } from './page-session';
import { offerAttachments } from './attachment-offers';
import { isLoginPage, loginPageFacts } from '../../lib/portals/login-page';

// Before WXT's context for this copy announces itself: a page's forged announcement must not stop the reader.
admitOwnStartOnly();

/** A tab that asked too often (a page forcing re-injections) is told when to ask again; this many times at most. */
const LOAD_READER_ATTEMPTS = 3;

/**
 * Asks the background for the reader bundle; it refuses on sites where the reader is switched off,
 * and says "later" to a tab that has had its share of injections for now (the latest page still
 * gets its reader once the limit allows, unless `wanted()` says it is gone by then).
 */
async function requestReaderBundle(wanted: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < LOAD_READER_ATTEMPTS; attempt++) {
    const answer = await sendToBackground({ type: 'gongwen:load-reader' });
    if (!isLoadReaderLater(answer)) return answer === true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(answer.retryInMs, 15_000) + 50));
    if (!wanted()) return false;
  }
  return false;
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
    offerHandoff({
      ctx,
      found,
      restoring,
      settle: (result) => (result instanceof Error ? reject(result) : resolve(result)),
    });
    bundle.then((ok) => ok || reject(new Error('the reader bundle could not be injected')), reject);
  });
}

/**
 * On a sign-in page nothing is read or offered; the page still answers the popup, which then says
 * there is no document here rather than that the page cannot be reached.
 */
function answerAsLoginPage(ctx: { onInvalidated(cb: () => void): unknown }): void {
  const onMessage = handleWith(isReaderMessage, {
    'gongwen:jump': () => false,
    'gongwen:run': () => false,
    'gongwen:command': () => false,
    'gongwen:resume': () => false,
    'gongwen:status': (): PageStatus => ({ found: false, reason: 'login' }),
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
  browser.runtime.onMessage.addListener(onMessage);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/** Detection's work between the page's turns (ms). */
const DETECT_SLICE_MS = 5;

/** After a single-page portal changes its address: time for it to swap the article in. */
const AFTER_NAVIGATION_MS = 250;

export default defineContentScript({
  matches: STATIC_PORTAL_MATCHES,
  // Portals that show the article in a frame: each frame checks its own page; the panel opens in
  // the frame that holds the document.
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // No window.postMessage at start-up: it told every page (and frame) the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Injected twice (portal match, then the toolbar button)? The first instance serves.
    const flag = '__gongwenReaderLoaded';
    const scope = globalThis as { [flag]?: boolean };
    if (scope[flag]) return;
    scope[flag] = true;
    ctx.onInvalidated(() => delete scope[flag]);

    // A CAS / 统一身份认证 sign-in page is never read, even with a notice beside the form
    // (lib/portals/login-page.ts). The service sends the browser back to the portal with
    // `?ticket=…`: a new page load, where this check passes and the page is read as usual.
    if (isLoginPage(loginPageFacts(document, location))) {
      answerAsLoginPage(ctx);
      return;
    }

    // A PDF open in the tab (Chromium's viewer runs in a page the content script sees), or a page that
    // only points to an attachment: the 在导读中打开 chip (entrypoints/content/attachment-offers.ts).
    const offers = offerAttachments(document, {
      readerHere: () =>
        page.reader() !== null || page.status.found || page.status.reason === 'disabled'
          ? 'yes'
          : page.status.reason === 'starting' || page.early
            ? 'pending'
            : 'no',
      disabled: async () => (await getSiteSettings(location.origin)).disabled,
    });
    ctx.onInvalidated(() => offers.remove());
    if (offers.pdf) return;

    mark(START_MARK);
    /** The page on screen; a single-page portal's navigation ends it and makes the next. */
    let page = createPageSession();
    let site: ReturnType<typeof getSiteSettings> | null = null;

    /**
     * The reader bundle, asked for once the cheap pre-check passes (watchForDocument only calls
     * detect() then), so the background injects it while the page is read. On a page that only
     * looks like a document it is injected and stays idle: no DOM change, no work. One asked for
     * and not yet used serves the next page of a single-page portal.
     */
    let bundle: Promise<boolean> | null = null;

    /** The site's settings once read: later checks (mutations) go by them without reading the page in vain. */
    let siteNow: SiteSettings | null = null;
    /** The user asked for the reader here (toolbar button): serve numbered pages without document signals too. */
    let requested = false;
    /** A page with numbered headings but too few document signals waits for the user's request (lib/document/signals.ts). */
    const served = (here: PageSession, found: Detected | null): Detected | null => {
      if (!found || requested || found.evidence.document) return found;
      here.status = { found: false, reason: 'no-signals', why: found.evidence };
      return null;
    };

    /** The automatic detection, each slice timed as a start-up stage; null if the article left the page meanwhile. */
    const readPageInSlices = async () => {
      // Slices of about 5 ms of work, the page's turn between them; each slice a 'detect' stage.
      const read = await runInSlices(readDocumentSteps(document, { prechecked: true }), {
        sliceMs: DETECT_SLICE_MS,
        onSlice: (began) => stageSince('detect', began),
      });
      const found = read?.value ?? null;
      return found?.root.isConnected ? found : null;
    };

    const detect = async () => {
      if (siteNow?.disabled) {
        page.status = { found: false, reason: 'disabled' };
        return null;
      }
      const here = page;
      here.status = { found: false, reason: 'starting' };
      site ??= getSiteSettings(location.origin);
      if (!bundle) {
        bundle = requestReaderBundle(() => ctx.isValid);
        bundle.catch(() => {});
      }
      if (!here.stored) {
        here.stored = readStoredState();
        here.stored.catch(() => {});
      }
      // Read the page while storage answers: most sites have no chosen container, so this is the result.
      // (watchForDocument calls detect() only on pages that passed the pre-check.)
      // In slices (lib/startup/yield-to-page.ts): a long page is read without freezing it.
      const guess = siteNow?.selector ? null : served(here, await readPageInSlices());
      if (guess && !here.early) {
        mark(DETECTED_MARK);
        here.early = { found: guess, restoring: restoreState(guess.document, location.href, here.stored) };
        here.early.restoring.catch(() => {});
      }
      const settings = (siteNow = await site);
      if (settings.disabled) {
        here.status = { found: false, reason: 'disabled' };
        return null;
      }
      const found = settings.selector
        ? served(here, readDocument(document, { rootSelector: settings.selector, prechecked: true }))
        : guess;
      if (!found && here.status.reason === 'starting') here.status = { found: false, reason: 'no-parts' };
      return found;
    };
    const start = (found: Detected) => {
      offers.remove(); // the page is a document after all: the reader serves it
      const here = page;
      const restoring =
        here.early?.found === found
          ? here.early.restoring
          : restoreState(found.document, location.href, here.stored ?? undefined);
      const injected = bundle ?? requestReaderBundle(() => ctx.isValid);
      here.early = null;
      bundle = null;
      here.stored = null; // a later document on this page reads storage afresh
      // A portal that moved on while the panel was loading: the reader belongs to no page and is taken off.
      loadReader(ctx, found, restoring, injected)
        .then((running) => here.adopt(running))
        .catch((error: unknown) => console.error('[gongwen-reader]', error));
    };
    const watch = (firstCheckAfterMs = 0) => {
      page.stopWatching();
      page.watching(watchForDocument(document, detect, start, { firstCheckAfterMs }));
    };
    watch();
    // What the first check cost, on every page (documents or not), for the benchmark.
    measure(CHECK_MEASURE, START_MARK);
    ctx.onInvalidated(() => page.stopWatching());

    // Single-page portals swap the article without a page load: start over on the new one. The
    // event's name can be learnt and dispatched by the page, so only a real change of address counts.
    let href = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (location.href === href) return;
      href = location.href;
      offers.remove();
      page.end();
      page = createPageSession();
      watch(AFTER_NAVIGATION_MS);
    });

    // The popup asks the active tab what it shows, and asks it to jump; the background relays commands.
    const onMessage = handleWith(isReaderMessage, {
      'gongwen:jump': ({ sectionId }) => page.reader()?.controller.jumpToId(sectionId) ?? false,
      'gongwen:resume': () => page.reader()?.controller.resumeReading() ?? false,
      'gongwen:run': () => {
        requested = true;
        // Only a page turned down for want of signals is read again; one being read or served stays as it is.
        if (!page.status.found && page.status.reason === 'no-signals') watch();
        return true;
      },
      'gongwen:command': ({ command }) => {
        const reader = page.reader();
        reader?.controller.command(command);
        return reader !== null;
      },
      'gongwen:status': (): PageStatus => page.reader()?.controller.status() ?? page.status,
    });
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
    browser.runtime.onMessage.addListener(onMessage);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
