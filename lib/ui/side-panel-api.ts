// The browser's side panel, by feature test: Chrome's sidePanel API (the panel bound to one tab)
// or Firefox's sidebarAction. Both open only from a user gesture, so nothing here awaits first.
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}
interface SidebarAction {
  setPanel(details: { tabId: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | null {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel ?? null;
}
function sidebarAction(): SidebarAction | null {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction ?? null;
}

/** The browser command that docks the outline in the side panel (manifest `commands`). */
export const DOCK_COMMAND = 'dock-outline';

export function sidePanelAvailable(): boolean {
  return chromeSidePanel() !== null || sidebarAction() !== null;
}

/** The side panel's page for one tab: it talks to that tab's reader whatever tab is active. */
export function sidePanelPath(tabId: number): string {
  return `sidepanel.html?tab=${tabId}`;
}

export function openSidePanel(tabId: number): void {
  const chromeApi = chromeSidePanel();
  if (chromeApi) {
    void chromeApi.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true }).catch(() => {});
    chromeApi.open({ tabId }).catch((error: unknown) => console.error('[gongwen-reader] side panel', error));
    return;
  }
  const firefox = sidebarAction();
  if (firefox) {
    void firefox
      .setPanel({ tabId, panel: browser.runtime.getURL(`/${sidePanelPath(tabId)}` as '/sidepanel.html') })
      .catch(() => {});
    firefox.open().catch((error: unknown) => console.error('[gongwen-reader] sidebar', error));
  }
}
