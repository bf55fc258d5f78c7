// Puts the reader's panel on the page and keeps it in the margin: the panel is an extension page
// (entrypoints/sidepanel) in a cross-origin frame, so page script can neither read it nor click
// it, and it takes its port only with a nonce the page never sees. The shadow root holds nothing
// but that frame and its position; frame-guard.ts keeps the page from restyling, hiding, moving,
// navigating or removing it. The same page serves the browser's
// side panel; both talk to this reader through `servePanel`. The frame is placed by lib/ui/layout
// from where the article's text lies.
import { browser } from 'wxt/browser';
import type { ReaderController } from './reader-controller';
import type { TextModel } from '../../lib/document/types';
import { boundsWithSheet, measureTextBoundsSteps } from '../../lib/dom/text-bounds';
import { fixedHeaderOffset } from '../../lib/dom/scroll';
import { createMeasureScheduler, windowClock } from '../../lib/dom/measure-scheduler';
import { placeReader, type Placement, type TextBounds } from '../../lib/ui/layout';
import { FRAME_CONNECT, SIDE_PANEL_PORT } from '../../lib/ui/panel-protocol';
import { servePanel, type PanelChannel } from './serve-panel';
import { sendToBackground } from '../../lib/messages';
import { t } from '../../lib/i18n';
import { stage, stageSince } from '../../lib/startup/marks';
import { runInSlices } from '../../lib/startup/slices';
import { GUARDED_CSS, guardFrame, REPORT_IN_MS } from './frame-guard';

export interface PanelHost {
  /** The reader's element on the page (left out of measuring and scrolling). */
  readonly element: Element;
  /** The frame's page is up and connected. */
  readonly ready: Promise<void>;
  remove(): void;
}

const PANEL_PAGE = '/sidepanel.html';
/** Until the rail says how tall it is: room for a few parts. */
const RAIL_HEIGHT_GUESS = 220;

/** 128 random bits as hex. (crypto.randomUUID exists only in secure contexts, and many portals are plain http.) */
function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The origin the frame's page really has, so the port goes to it and nowhere else. Chrome loads a
 * `use_dynamic_url` resource from a per-session address but commits it under the extension's own
 * origin (chrome-extension://<id>); Firefox's moz-extension://<uuid> address is the origin itself.
 */
function panelOrigin(src: string): string {
  const url = new URL(src);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

/** The panel's frame, put on the page (hidden) and loading before the reader is set up. */
export interface PanelFrame {
  readonly element: Element;
  readonly frame: HTMLIFrameElement;
  /** The frame's page has loaded; resolves with the nonce it will take its port with (null once removed). */
  readonly loaded: Promise<{ nonce: string; src: string } | null>;
  readonly signal: AbortSignal;
  remove(): void;
}

/**
 * Starts the panel's page loading now: loading an extension page is most of the time to `ready`,
 * so it runs while the stored state is read and the reader is set up (start-reader.ts).
 */
export function preloadPanelFrame(): PanelFrame {
  const doc = window.document;
  const element = doc.createElement('gongwen-reader');
  const shadow = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = GUARDED_CSS;
  const frame = doc.createElement('iframe');
  frame.setAttribute('allowtransparency', 'true');
  // Out of sight until placed, so the first paint never covers the text.
  frame.style.visibility = 'hidden';
  const aborter = new AbortController();
  const { signal } = aborter;
  // The frame's page asks the background for this nonce, then takes the port only with it
  // (lib/ui/frame-handshake.ts). The page starts loading at once, while the background is told: a
  // frame that asked before the nonce arrived asks again when the port comes with a nonce it does
  // not know, and the port is posted only once the background has the nonce. (Waiting for the
  // background before loading cost a round trip, often far longer: its answer queued behind the
  // page's and our own start-up work on this thread.)
  const nonce = randomNonce();
  const src = browser.runtime.getURL(PANEL_PAGE);
  const done = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true, signal }));
  // The address is set before the frame is on the page, so it navigates there straight away
  // instead of first making and loading an about:blank document.
  frame.src = src;
  shadow.append(style, frame);
  doc.body.append(element);
  const loaded = (async () => {
    await Promise.all([sendToBackground({ type: 'gongwen:panel-nonce', nonce }), done]);
    return signal.aborted ? null : { nonce, src };
  })();
  loaded.catch(() => {}); // reported by the host that awaits it (mountPanelHost's `ready`)
  return {
    element,
    frame,
    loaded,
    signal,
    remove() {
      aborter.abort();
      element.remove();
    },
  };
}

export function mountPanelHost(
  controller: ReaderController,
  model: () => TextModel,
  preloaded: PanelFrame = preloadPanelFrame(),
): PanelHost {
  const win = window;
  const doc = win.document;
  const { element, frame, signal } = preloaded;
  // Named here, a stage after the frame went in: a page's first message lookup can take a few ms
  // (tens on a slow PC), and neither the navigation nor the frame's stage need wait for it.
  frame.title = t('panelLabel');
  const store = controller.store;
  let placement: Placement | null = null;
  let railHeight = RAIL_HEIGHT_GUESS;
  let layoutFrame = 0;

  const applyPlacement = () => {
    if (!placement) return;
    const state = store.get();
    const showPanel = state.open && !state.docked;
    const box = showPanel ? placement.panel : placement.rail;
    const height = showPanel ? box.maxHeight : Math.min(box.maxHeight, railHeight);
    guard.ownStyle(() =>
      Object.assign(frame.style, {
        left: `${box.left}px`,
        top: `${box.top}px`,
        width: `${box.width}px`,
        height: `${Math.max(0, height)}px`,
        visibility: 'visible',
      }),
    );
  };

  /** The extension's own page (the attachment viewer), whose sheet the UI keeps clear of. */
  const ownPage = win.location.href.startsWith(browser.runtime.getURL('/'));
  /** Where the article's text lies, from the last measure (null: none yet, or no text). */
  let text: TextBounds | null = null;
  let measured = false;
  /** The measure under way, and the one queued after it (a change came while it ran). */
  let measuring: Promise<number> | null = null;
  let queued: Promise<number> | null = null;

  /** Places the rail and panel from the last measure, with the reader's current side and width. */
  const placeNow = () => {
    if (!measured) return;
    const state = store.get();
    placement = placeReader({
      viewportWidth: doc.documentElement.clientWidth || win.innerWidth,
      viewportHeight: win.innerHeight,
      top: fixedHeaderOffset(doc, element),
      text,
      side: state.side,
      sideFixed: state.sideFixed,
      panelWidth: state.width,
    });
    controller.placed(placement.panel.beside, placement.panel.side);
    applyPlacement();
  };
  /**
   * Measures where the text lies, in slices of a few ms with the page's turns between them (a long
   * page's lines would otherwise be one long task), then places. Resolves with the work's ms.
   */
  const measureText = (): Promise<number> => {
    if (measuring) return (queued ??= measuring.then(() => ((queued = null), measureText())));
    // Layout the page still owes (a long page just parsed) is brought up to date first, timed apart
    // from our own measuring (the benchmark tells the two apart).
    stage('layout', () => doc.documentElement.getBoundingClientRect());
    const run = runInSlices(measureTextBoundsSteps(model()), {
      signal,
      onSlice: (began) => stageSince('place', began),
    }).then(
      (result) => {
        measuring = null;
        if (!result || signal.aborted) return 0;
        text = ownPage ? boundsWithSheet(model().root, result.value) : result.value;
        measured = true;
        stage('place', placeNow);
        return result.workMs;
      },
      () => {
        // The page's text nodes changed under the measure (the <mark> fallback painted meanwhile): again, later.
        measuring = null;
        if (!signal.aborted) layoutChanges.changed();
        return 0;
      },
    );
    measuring = run;
    return run;
  };
  /** The reader's own choices (side, width) move the UI at the next frame; the text has not moved. */
  const schedule = () => {
    if (!layoutFrame)
      layoutFrame = win.requestAnimationFrame(() => {
        layoutFrame = 0;
        placeNow();
      });
  };
  // Layout changes move the text: measured as the scroll tracker measures, gathered and spaced by
  // their cost, so an article resized every frame is not measured every frame.
  const layoutChanges = createMeasureScheduler(windowClock(win), measureText);
  // Before the first measure (queued below) a change needs none of its own: that one sees it. The
  // observer's first report, which it makes for every element it starts observing, comes then.
  const onLayout = () => {
    if (measured || measuring) layoutChanges.changed();
  };
  win.addEventListener('resize', onLayout, { passive: true, signal });
  const observer = new ResizeObserver(onLayout);
  observer.observe(model().root);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    layoutChanges.stop();
  });
  let last = store.get();
  const unsubscribe = store.subscribe((state) => {
    if (state.side !== last.side || state.sideFixed !== last.sideFixed || state.width !== last.width) schedule();
    else if (state.open !== last.open || state.docked !== last.docked) applyPlacement();
    last = state;
  });
  signal.addEventListener('abort', unsubscribe);

  const onHeight = (height: number) => {
    railHeight = Math.max(0, Math.ceil(height));
    applyPlacement();
  };

  // The frame (loading since preloadPanelFrame): once its page is up, it gets its port, and it
  // must report in over it in time — a look-alike the page put in the frame never gets a nonce.
  let connection: AbortController | null = null;
  const connect = (nonce: string, src: string): Promise<boolean> => {
    connection?.abort();
    const local = new AbortController();
    connection = local;
    const both = AbortSignal.any([signal, local.signal]);
    if (!frame.contentWindow) return Promise.resolve(false);
    const channel = new MessageChannel();
    frame.contentWindow.postMessage({ type: FRAME_CONNECT, nonce }, panelOrigin(src), [channel.port2]);
    const port = channel.port1;
    let reported: (ok: boolean) => void = () => {};
    const reportedIn = new Promise<boolean>((resolve) => (reported = resolve));
    const timer = win.setTimeout(() => reported(false), REPORT_IN_MS);
    const portChannel: PanelChannel = {
      post: (m) => port.postMessage(m),
      listen: (cb) => {
        port.onmessage = (event) => {
          if ((event.data as { type?: unknown } | null)?.type === 'gongwen:hello') {
            win.clearTimeout(timer);
            reported(true);
          }
          cb(event.data);
        };
      },
      close: () => port.close(),
    };
    servePanel(controller, portChannel, { signal: both, onHeight });
    both.addEventListener('abort', () => {
      win.clearTimeout(timer);
      reported(false);
      port.close();
    });
    return reportedIn;
  };
  let reloads = false;
  const panelSrc = browser.runtime.getURL(PANEL_PAGE);
  const guard = guardFrame({
    host: element as HTMLElement,
    frame,
    src: panelSrc,
    parent: () => doc.body ?? doc.documentElement,
    restyle: () => {
      frame.style.visibility = 'hidden';
      applyPlacement();
    },
    // The frame loaded again (its host was taken off and put back, or it was sent back to the
    // panel): a fresh nonce, told to the background before the port goes.
    reconnect: async () => {
      if (!reloads) return true;
      const nonce = randomNonce();
      await sendToBackground({ type: 'gongwen:panel-nonce', nonce });
      return signal.aborted ? true : connect(nonce, panelSrc);
    },
    signal,
  });
  const ready = (async () => {
    const page = await preloaded.loaded;
    if (!page || signal.aborted || !frame.contentWindow) return;
    reloads = true;
    void connect(page.nonce, page.src).then((ok) => {
      if (!ok && !signal.aborted) guard.resetSrc();
    });
  })();
  ready.catch((error: unknown) => console.error('[gongwen-reader] panel frame', error));

  // The browser's side panel (docked outline) connects to this tab's reader.
  let docked = 0;
  const onConnect = (port: ReturnType<typeof browser.runtime.connect>) => {
    if (port.name !== SIDE_PANEL_PORT || port.sender?.id !== browser.runtime.id) return;
    docked++;
    controller.actions.setDocked(true);
    const local = new AbortController();
    const sideChannel: PanelChannel = {
      post: (m) => {
        try {
          port.postMessage(m);
        } catch {
          local.abort(); // the side panel went away
        }
      },
      listen: (cb) => port.onMessage.addListener(cb),
      close: () => port.disconnect(),
    };
    servePanel(controller, sideChannel, { signal: AbortSignal.any([signal, local.signal]) });
    port.onDisconnect.addListener(() => {
      local.abort();
      docked = Math.max(0, docked - 1);
      if (docked === 0 && !signal.aborted) controller.actions.setDocked(false);
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(onConnect));

  // The first placement waits until the browser has rendered a frame, so layout the page still owes
  // is done in the browser's rendering step rather than forced inside our task.
  win.requestAnimationFrame(() => {
    win.setTimeout(() => {
      if (!signal.aborted && !measured && !measuring) void measureText();
    }, 0);
  });

  return {
    element,
    ready,
    remove() {
      preloaded.remove();
      if (layoutFrame) win.cancelAnimationFrame(layoutFrame);
    },
  };
}
