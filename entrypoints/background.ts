// Background: keeps the content-script registrations for added portals in line with the portal
// list and the granted host permissions, forwards keyboard commands to the active tab, and shows
// each tab's reading progress on the toolbar badge.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Browser } from 'wxt/browser';
import { isBackgroundMessage, sendToTab, type BackgroundProtocol, type PortalRefreshResult } from '../lib/messages';
import { handleWith, type Handlers } from '../lib/messaging';
import { serialQueue } from '../lib/serial-queue';
import {
  CONTENT_SCRIPT_FILE,
  portalsLosing,
  refreshRegistrations,
  type RegistrationApi,
} from '../lib/background/registrations';
import { showProgress, type BadgeApi } from '../lib/background/badge';
import { forwardCommand } from '../lib/background/commands';
import { listPortals } from '../lib/storage/settings';
import { installWriter, runOp } from '../lib/storage/writer';
import { installSync } from '../lib/storage/sync/install-sync';
import { createReaderGate } from '../lib/background/reader-allowed';
import { createPanelNonces } from '../lib/background/panel-nonces';
import { DOCK_COMMAND, openSidePanel } from '../lib/ui/side-panel-api';
import { createInjectionLimit } from '../lib/background/injection-limit';
import { openViewer } from '../lib/background/open-viewer';
import { t } from '../lib/i18n';
import { installAttachmentMenu } from '../lib/background/attachment-menu';

/** The reader bundle (entrypoints/reader.ts), injected only where a document was found. */
const READER_SCRIPT_FILE = '/reader.js';

const registrationApi: RegistrationApi = {
  getRegistered: () => browser.scripting.getRegisteredContentScripts(),
  register: (scripts) =>
    browser.scripting.registerContentScripts(
      scripts.map((s) => ({
        id: s.id,
        matches: [...s.matches],
        js: [CONTENT_SCRIPT_FILE],
        css: [...s.css],
        runAt: 'document_idle' as const,
        allFrames: true,
        persistAcrossSessions: true,
      })),
    ),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids: [...ids] }),
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
};

/** One refresh at a time: two overlapping ones could both register the same id. */
const portalQueue = serialQueue();
function refreshPortalScripts(): Promise<PortalRefreshResult> {
  const run = portalQueue(async () => refreshRegistrations(await listPortals(), registrationApi));
  run.catch((error: unknown) => console.error('[gongwen-reader] portal scripts', error));
  return run;
}

/** MV3 `action`, Firefox MV2 `browserAction`. */
function badgeApi(): BadgeApi | null {
  const api = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction) as
    typeof browser.action | undefined;
  return api ?? null;
}

export default defineBackground(() => {
  // The one writer of stored reading data: every tab, the popup and the options page send it operations.
  installWriter();
  // Off by default: a replica in the browser's own sync storage, when the reader turns it on.
  installSync();
  const readerAllowed = createReaderGate();
  const panelNonces = createPanelNonces();
  // A page forcing re-injections (pushState over and over) gets a few, not one each time; each
  // page load has its own few (lib/background/injection-limit.ts).
  const injections = createInjectionLimit();
  browser.tabs.onRemoved.addListener((tabId) => injections.forget(tabId));
  browser.runtime.onInstalled.addListener(() => void refreshPortalScripts());
  browser.runtime.onStartup.addListener(() => void refreshPortalScripts());

  // The reader took a site's access away in the browser's own settings: forget that portal too.
  browser.permissions.onRemoved.addListener((removed) => {
    void (async () => {
      const lost = portalsLosing(await listPortals(), removed.origins ?? []);
      for (const origin of lost) await runOp('portal.remove', { origin });
      await refreshPortalScripts();
    })();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    // Docking opens the browser's side panel, which must happen inside the command's user gesture.
    if (command === DOCK_COMMAND) {
      if (tab?.id !== undefined) openSidePanel(tab.id);
      return;
    }
    void forwardCommand(command, tab?.id, {
      activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
      sendToTab,
    });
  });

  /** The sender's tab, when it is a real tab (not an extension page of its own). */
  const tabOf = (sender: Browser.runtime.MessageSender): number | null => {
    const tabId = sender.tab?.id;
    return tabId === undefined || tabId < 0 ? null : tabId;
  };

  const handlers: Handlers<BackgroundProtocol, Browser.runtime.MessageSender> = {
    'gongwen:refresh-portals': () => refreshPortalScripts(),
    'gongwen:panel-nonce': ({ nonce }, sender) => {
      const tabId = tabOf(sender);
      if (tabId === null) return false;
      panelNonces.add(tabId, nonce);
      return true;
    },
    'gongwen:panel-identity': (_, sender) => {
      const tabId = tabOf(sender);
      // Only the extension's own pages ask (a panel frame); content scripts have no use for nonces.
      const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
      return tabId === null || !fromExtensionPage
        ? { tabId: null, nonces: [] }
        : { tabId, nonces: panelNonces.of(tabId) };
    },
    'gongwen:load-reader': async (_, sender) => {
      const tabId = tabOf(sender);
      if (tabId === null) return false;
      if (!injections.take(tabId, sender.documentId))
        return { retryInMs: injections.retryIn(tabId, sender.documentId) };
      try {
        if (!(await readerAllowed(sender.url))) return false;
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: [READER_SCRIPT_FILE],
        });
        return true;
      } catch (error) {
        console.error('[gongwen-reader] reader injection', error);
        return false;
      }
    },
    'gongwen:open-viewer': ({ src }, sender) => openViewer(browser.tabs, src, sender.tab),
    'gongwen:progress': async ({ percent }, sender) => {
      const tabId = tabOf(sender);
      const api = badgeApi();
      if (tabId === null || !api) return false;
      return showProgress(api, tabId, percent).then(
        () => true,
        () => false, // the tab closed meanwhile
      );
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill: the listener's promise is its reply
  browser.runtime.onMessage.addListener(handleWith(isBackgroundMessage, handlers));
  // 在导读中打开 on attachment links (contextMenus / Firefox menus).
  installAttachmentMenu(browser, t('attachmentMenuOpen'), (src, tab) => openViewer(browser.tabs, src, tab));
});
