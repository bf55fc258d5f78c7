// Issue 10: the outline docked in the browser's own side panel. The dock button (in the panel on the
// page, and in the popup) binds the side panel to the tab and opens it; the side panel lists the tab's
// outline, follows its reading, and a click there scrolls the tab. While docked, the page keeps only
// the rail of parts, so nothing covers the text.
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './harness';
import { PARTS, landedAtTop, outline, panel, showOutline } from './helpers';

/** The extension API as seen inside the service worker (evaluated there, not here). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  sidePanel: { getOptions(options: { tabId: number }): Promise<{ path?: string; enabled?: boolean }> };
};

const HEADER = 64;

async function tabIdOf(page: Page, worker: Worker): Promise<number> {
  return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
}

test('docking binds the side panel to the tab; the side panel lists its outline, follows it, and jumps in it', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('portal-wide.html'));
  await showOutline(page);
  const tabId = await tabIdOf(page, serviceWorker);
  expect(tabId).toBeGreaterThan(0);

  // The dock button, clicked for real (the browser opens its side panel only on a user gesture).
  await panel(page).getByRole('button', { name: '停靠到浏览器侧边栏' }).click();
  await expect
    .poll(() => serviceWorker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId))
    .toMatchObject({ path: `sidepanel.html?tab=${tabId}`, enabled: true });

  // The side panel's page, as the browser opens it for this tab (headless Chromium has no side panel
  // area to show it in, so the test opens the same page, bound to the same tab, in a tab of its own).
  const side = await context.newPage();
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  const sideNav = side.getByRole('navigation', { name: '文档导航' });
  await expect(sideNav).toBeVisible({ timeout: 10_000 });
  await expect(sideNav.locator(':scope > ul > li')).toHaveCount(3);
  await expect(side.getByRole('progressbar', { name: '阅读进度' })).toBeVisible();

  // Docked: the page keeps the rail only.
  await expect(outline(page)).toHaveCount(0);
  await expect(
    panel(page)
      .getByRole('navigation', { name: '快速跳转' })
      .getByRole('button', { name: new RegExp(`^${PARTS[0]}`) }),
  ).toBeVisible();

  // A click in the side panel scrolls the tab, and the side panel follows the reading.
  await sideNav.getByRole('link', { name: PARTS[2] }).click();
  await expect.poll(() => landedAtTop(page, PARTS[2], HEADER)).toBe(true);
  await expect(sideNav.getByRole('link', { name: PARTS[2] })).toHaveAttribute('aria-current', 'location');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(sideNav.getByRole('link', { name: PARTS[0] })).toHaveAttribute('aria-current', 'location');

  // Bookmarks made in the side panel are the tab's bookmarks.
  await sideNav.locator(':scope > ul > li').nth(1).getByRole('button', { name: '收藏本节' }).first().click();
  await expect(side.getByRole('status')).toContainText(`已收藏：${PARTS[1]}`);

  // The browser's own side panel (opened by the dock click) stays docked after our copy closes:
  // the page keeps the rail, and the bookmark made in the side panel is stored for the tab.
  await side.close();
  await expect(outline(page)).toHaveCount(0);
  await expect(
    panel(page).getByRole('navigation', { name: '快速跳转' }).getByRole('list').getByRole('button'),
  ).toHaveCount(3);
});

test('the popup offers docking for the tab it shows', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(fixtureUrl('cms-spans.html'));
  await showOutline(page);
  const tabId = await tabIdOf(page, serviceWorker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('button', { name: '停靠到浏览器侧边栏' }).click();
  await expect
    .poll(() => serviceWorker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId))
    .toMatchObject({ path: `sidepanel.html?tab=${tabId}`, enabled: true });
});

test('a side panel with no reader in its tab says so', async ({
  context,
  extensionId,
  serviceWorker,
  page,
  fixtureUrl,
}) => {
  await page.goto(fixtureUrl('not-news-story.html'));
  const tabId = await tabIdOf(page, serviceWorker);
  const side = await context.newPage();
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(side.getByText('当前标签页没有识别出公文')).toBeVisible({ timeout: 10_000 });
});
