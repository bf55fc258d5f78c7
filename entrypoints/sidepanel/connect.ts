// How the panel page reaches its reader. On a page (in the reader's frame) it takes a
// MessagePort posted by the reader, and only one carrying a nonce the background gave for this
// tab, so page script cannot pose as the reader. In the browser's side panel it connects to the
// reader of its tab (named in the address, or the window's active tab, followed as it changes).
import { browser } from 'wxt/browser';
import { SIDE_PANEL_PORT, type FromPanel } from '../../lib/ui/panel-protocol';
import { createFrameHandshake } from '../../lib/ui/frame-handshake';
import { PANEL_MARKS, mark } from '../../lib/ui/panel-marks';
import { sendToBackground } from '../../lib/messages';

export interface ReaderLink {
  send(message: FromPanel): void;
}

export interface LinkEvents {
  /** A message from the reader (checked by the caller). */
  receive(message: unknown): void;
  /** Connected to a reader (true) or not, or no longer (false). */
  connected(on: boolean): void;
}

/** In the reader's frame on a page. Resolves with the tab's id (for docking). */
export function linkFrame(events: LinkEvents): { link: ReaderLink; tabId: Promise<number | null> } {
  let port: MessagePort | null = null;
  let resolveTab: (id: number | null) => void = () => {};
  const tabId = new Promise<number | null>((resolve) => (resolveTab = resolve));
  // Asked as soon as this script runs, while the reader is still waiting for the frame's load event.
  const askNonces = async () => {
    const identity = await sendToBackground({ type: 'gongwen:panel-identity' }).catch(() => ({
      tabId: null,
      nonces: [],
    }));
    resolveTab(identity.tabId);
    return identity.nonces;
  };
  const handshake = createFrameHandshake(askNonces, (taken) => {
    // A newer port from the reader replaces the last (its end of that one is closed already).
    port?.close();
    port = taken;
    mark(PANEL_MARKS.connected);
    port.onmessage = (message) => events.receive(message.data);
    // Reports in, so the reader knows its frame shows this page and not a look-alike.
    port.postMessage({ type: 'gongwen:hello' } satisfies FromPanel);
    events.connected(true);
  });
  window.addEventListener('message', (event) => handshake.receive(event));
  return { link: { send: (message) => port?.postMessage(message) }, tabId };
}

/** How often, and how long, the side panel looks again for a reader that is not (yet) running. */
const RETRY_MS = 1000;
const RETRIES = 30;

/** In the browser's side panel. */
export function linkSidePanel(events: LinkEvents, fixedTab: number | null): ReaderLink & { tabId(): number | null } {
  let port: ReturnType<typeof browser.tabs.connect> | null = null;
  let tabId: number | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let tries = 0;

  const connect = (id: number) => {
    clearTimeout(retry);
    port?.disconnect();
    tabId = id;
    const current = browser.tabs.connect(id, { name: SIDE_PANEL_PORT });
    port = current;
    let answered = false;
    current.onMessage.addListener((message: unknown) => {
      if (!answered) {
        answered = true;
        tries = 0;
        events.connected(true);
      }
      events.receive(message);
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = null;
      events.connected(false);
      // The page is loading, or the reader is still starting: look again for a while.
      if (tries++ < RETRIES) retry = setTimeout(() => connect(id), RETRY_MS);
    });
  };

  const follow = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) connect(tab.id);
    else events.connected(false);
  };

  if (fixedTab !== null) connect(fixedTab);
  else {
    void follow();
    void browser.windows.getCurrent().then((win) => {
      browser.tabs.onActivated.addListener((info) => {
        if (info.windowId !== win.id) return;
        tries = 0;
        connect(info.tabId);
      });
    });
  }
  // A reload of the tab starts a new reader: connect to it once the page has loaded.
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && change.status === 'complete') {
      tries = 0;
      connect(id);
    }
  });

  return {
    send: (message) => {
      try {
        port?.postMessage(message);
      } catch {
        // Disconnected meanwhile; the retry reconnects.
      }
    },
    tabId: () => tabId,
  };
}
