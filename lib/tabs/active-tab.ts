// Talks to the content script of the tab the popup or the review page is about.
import { browser } from 'wxt/browser';
import { sendToTab, type PageStatus } from '../messages';
import { CONTENT_SCRIPT_FILE } from '../background/registrations';

/** The tab the popup is about: `?tab=ID` when opened as a page (tests, options), else the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The page's reading status, or null when no reader runs in that tab (page outside the portals). */
export async function askStatus(tabId: number): Promise<PageStatus | null> {
  try {
    return (await sendToTab(tabId, { type: 'gongwen:status' })) ?? null;
  } catch {
    return null;
  }
}

export async function askJump(tabId: number, sectionId: string): Promise<boolean> {
  try {
    return (await sendToTab(tabId, { type: 'gongwen:jump', sectionId })) ?? false;
  } catch {
    return false;
  }
}

/** Takes the tab back to its stored reading position (继续阅读); false when none is offered. */
export async function askResume(tabId: number): Promise<boolean> {
  try {
    return (await sendToTab(tabId, { type: 'gongwen:resume' })) ?? false;
  } catch {
    return false;
  }
}

/** Tells the tab's content script that the user asks for the reader (serve the outline without document signals). */
async function askRun(tabId: number): Promise<boolean> {
  try {
    return (await sendToTab(tabId, { type: 'gongwen:run' })) ?? false;
  } catch {
    return false;
  }
}

/**
 * Runs the reader once on a tab, on the user's request: outside the portals the script is injected
 * (opening the popup granted activeTab for this tab, so no host permission is needed); on a page that
 * showed too few document signals it is asked to serve the outline anyway. Answers status once it has looked.
 */
export async function runReaderOnce(tabId: number): Promise<PageStatus | null> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}` as const] });
  for (let i = 0; i < 5 && !(await askRun(tabId)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 0; i < 20; i++) {
    const status = await askStatus(tabId);
    if (status && !(status.found === false && status.reason === 'starting')) return status;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return askStatus(tabId);
}
