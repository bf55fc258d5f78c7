// Issue 5: the options page — portals added at runtime (host permission + registered content
// script), per-site switch, own key phrases, panel side — and its effect on portal pages.
//
// Granting a host permission: Chromium shows permissions.request()'s prompt as native browser UI,
// which neither Playwright nor CDP can answer (headless or not; microsoft/playwright#32755 was
// closed as out of scope), so a click on 添加门户 for an ungranted host just waits. The honest way
// round it is the one a reader has too: grant the site on the extension's page in the browser's
// own settings (chrome://extensions → details → Site access → "On specific sites"), which calls
// chrome.developerPrivate.addHostPermission. Chromium then answers the options page's own
// permissions.request() with true without a prompt, and everything after it — the portal list,
// scripting.registerContentScripts, the panel on the new origin — runs for real.
import type { Page } from '@playwright/test';
import { test, expect, startExtraServer, FIXTURE_ORIGIN, FIXTURE_PORT, type RunningServer, testTime } from './harness';
import { expectNoReader, openPortal, outline, panel, panelTab, storedRecords, storedSettings } from './helpers';

/** The extension APIs as seen inside the service worker or chrome://extensions (evaluated there). */
declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  developerPrivate: {
    addHostPermission(id: string, host: string): Promise<void>;
    removeHostPermission(id: string, host: string): Promise<void>;
  };
};

const EXTRA_ORIGIN = `http://127.0.0.2:${FIXTURE_PORT}`;
const EXTRA_PATTERN = 'http://127.0.0.2/*';

async function openOptions(page: Page, extensionId: string): Promise<Page> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1, name: '公文导读设置' })).toBeVisible();
  return page;
}

function region(page: Page, name: string) {
  return page.getByRole('region', { name });
}

/** No reader on the page: nothing mounted after the content script would have had time to look. */
async function expectNoPanel(page: Page, url: string) {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(url);
  await page.waitForTimeout(2500);
  await expect(outline(page)).toHaveCount(0);
  await expect(page.locator('gongwen-reader')).toHaveCount(0);
}

/** The user's own grant in the browser's extension settings (see the top of this file). */
async function grantSiteAccessInBrowserSettings(page: Page, extensionId: string, pattern: string) {
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(([id, host]) => chrome.developerPrivate.addHostPermission(id!, host!), [extensionId, pattern]);
}

test('the options page renders in Chinese with a region per section, all controls labelled', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await expect(page).toHaveTitle('公文导读设置');
  await expect(page.getByRole('main')).toHaveCount(1);
  for (const name of ['门户网站', '按站点设置', '我的关键词', '面板', '高亮', '数据']) {
    await expect(region(page, name), name).toBeVisible();
    await expect(region(page, name).getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  await expect(region(page, '门户网站').getByRole('textbox', { name: '门户网址' })).toBeVisible();
  await expect(region(page, '面板').getByRole('radio', { name: '左侧' })).not.toBeChecked();
  await expect(region(page, '面板').getByRole('radio', { name: '右侧' })).toBeChecked();
  await expect(region(page, '面板').getByRole('radio', { name: '展开面板' })).toBeChecked();
  await expect(region(page, '高亮').getByRole('switch', { name: '在公文中高亮关键词' })).toBeChecked();
  await expect(region(page, '面板').getByText('Alt+Shift+O')).toBeVisible();
  // Every form control has an accessible name.
  const unnamed = await page.evaluate(
    () =>
      [...document.querySelectorAll('input, button, select, textarea')].filter((el) => {
        const input = el as HTMLInputElement;
        const labelled =
          (input.labels?.length ?? 0) > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      }).length,
  );
  expect(unnamed).toBe(0);

  // Validation messages for what cannot be added.
  const portals = region(page, '门户网站');
  const input = portals.getByRole('textbox', { name: '门户网址' });
  await input.fill('www.pku.edu.cn');
  await portals.getByRole('button', { name: '添加门户' }).click();
  await expect(portals.getByRole('alert')).toHaveText('这个网站已自动支持，无需添加。');
  await input.fill('ftp://files.example.com');
  await portals.getByRole('button', { name: '添加门户' }).click();
  await expect(portals.getByRole('alert')).toHaveText('只支持 http 和 https 网址。');
  await input.fill('not a host');
  await portals.getByRole('button', { name: '添加门户' }).click();
  await expect(portals.getByRole('alert')).toHaveText('请输入有效的网址，例如 oa.example.com。');
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  // Clearing asks inside the page first.
  const data = region(page, '数据');
  await data.getByRole('button', { name: '清除全部数据…' }).click();
  await expect(data.getByRole('button', { name: '确定清除' })).toBeFocused();
  await data.getByRole('button', { name: '取消' }).click();
  await expect(data.getByRole('button', { name: '清除全部数据…' })).toBeFocused();
});

test('the popup opens the options page', async ({ context, openPopup, extensionId }) => {
  const popup = await openPopup();
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: '设置' }).click(),
  ]);
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1, name: '公文导读设置' })).toBeVisible();
});

test('turning the reader off for a site keeps the panel away after a reload', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  const url = fixtureUrl('cms-spans.html');
  await openPortal(page, url);
  // Read a little, so the site is known (its document is recorded).
  await page.evaluate(() => window.scrollBy(0, 400));
  await expect.poll(async () => Object.keys(await storedRecords(serviceWorker)).length).toBeGreaterThan(0);

  const options = await openOptions(await context.newPage(), extensionId);
  const site = region(options, '按站点设置').getByRole('group', { name: FIXTURE_ORIGIN });
  await expect(site).toBeVisible({ timeout: 10_000 });
  const toggle = site.getByRole('switch', { name: '在此网站停用导读' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(site.getByRole('status')).toHaveText(/已保存/);

  await page.bringToFront();
  await page.goto(url);
  await expectNoReader(page, serviceWorker, ['disabled']);

  await options.bringToFront();
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await page.bringToFront();
  await openPortal(page, url);
});

test('a bad container selector is refused, a good one is kept', async ({
  page,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.evaluate(() => window.scrollBy(0, 400));
  await expect.poll(async () => Object.keys(await storedRecords(serviceWorker)).length).toBeGreaterThan(0);
  await openOptions(page, extensionId);
  const site = region(page, '按站点设置').getByRole('group', { name: FIXTURE_ORIGIN });
  const selector = site.getByRole('textbox', { name: '正文容器选择器' });
  await selector.fill('div[');
  await site.getByRole('button', { name: '保存选择器' }).click();
  await expect(site.getByRole('alert')).toHaveText('这不是有效的 CSS 选择器。');
  await selector.fill('#vsb_content');
  await site.getByRole('button', { name: '保存选择器' }).click();
  await expect(site.getByRole('alert')).toHaveCount(0);
  await expect(site.getByRole('status')).toHaveText(/已保存/);
  await page.reload();
  await expect(
    region(page, '按站点设置')
      .getByRole('group', { name: FIXTURE_ORIGIN })
      .getByRole('textbox', { name: '正文容器选择器' }),
  ).toHaveValue('#vsb_content');
});

test('a key phrase added in the options page is listed in the panel', async ({ page, extensionId, fixtureUrl }) => {
  await openOptions(page, extensionId);
  const phrases = region(page, '我的关键词');
  await phrases.getByRole('textbox', { name: '新关键词' }).fill('“组织引领”');
  await phrases.getByRole('button', { name: '添加关键词' }).click();
  await expect(phrases.getByRole('list', { name: '我的关键词' }).getByRole('listitem')).toHaveText([/组织引领/]);
  await phrases.getByRole('textbox', { name: '新关键词' }).fill('组织引领');
  await phrases.getByRole('button', { name: '添加关键词' }).click();
  await expect(phrases.getByRole('alert')).toHaveText('这个关键词已经有了。');

  await openPortal(page, fixtureUrl('cms-spans.html'));
  await panelTab(page, /^关键词/);
  const item = panel(page)
    .getByRole('list', { name: '关键词' })
    .getByRole('button', { name: /^组织引领，我的关键词，/ });
  await expect(item).toHaveCount(1);
});

test('panel side left puts the panel on the left', async ({ page, extensionId, fixtureUrl, serviceWorker }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  expect((await nav.boundingBox())!.x).toBeGreaterThan(1000);
  await openOptions(page, extensionId);
  await region(page, '面板').getByRole('radio', { name: '左侧' }).check();
  await expect(region(page, '面板').getByRole('radio', { name: '左侧' })).toBeChecked();
  await expect.poll(async () => (await storedSettings(serviceWorker)).panelSide).toBe('left');
  const navAgain = await openPortal(page, fixtureUrl('cms-spans.html'));
  await expect.poll(async () => (await navAgain.boundingBox())?.x ?? 9999).toBeLessThan(300);
});

test("the toolbar badge shows the tab's reading progress", async ({ page, fixtureUrl, serviceWorker }) => {
  const url = fixtureUrl('cms-spans.html');
  await openPortal(page, url);
  const badge = () =>
    serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true }); // the test's only tab
      return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
    });
  await expect.poll(badge).toMatch(/^\d{1,3}%$/);
  const before = Number.parseInt((await badge())!, 10);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(async () => Number.parseInt((await badge()) ?? '0', 10), { timeout: 10_000 })
    .toBeGreaterThan(before);
});

test.describe('portals', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startExtraServer('127.0.0.2', { port: FIXTURE_PORT });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('adding a portal origin registers the reader there; removing it takes it away again', async ({
    page,
    context,
    extensionId,
    serviceWorker,
  }) => {
    test.setTimeout(testTime(90_000));
    const url = `${EXTRA_ORIGIN}/cms-spans.html`;
    const contains = () => serviceWorker.evaluate((p) => chrome.permissions.contains({ origins: [p] }), EXTRA_PATTERN);
    const registered = () =>
      serviceWorker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${s.matches?.join(',')}`),
      );

    // Before: the origin matches nothing.
    await expectNoPanel(page, url);

    // The reader allows the site in the browser's settings; still nothing runs there until it is a portal.
    const settingsTab = await context.newPage();
    await grantSiteAccessInBrowserSettings(settingsTab, extensionId, EXTRA_PATTERN);
    await expectNoPanel(page, url);
    expect(await registered()).toEqual([]);

    // Add it in the options page: permissions.request (answered without a prompt now), list, registration.
    const options = await openOptions(await context.newPage(), extensionId);
    const portals = region(options, '门户网站');
    await portals.getByRole('textbox', { name: '门户网址' }).fill(`${EXTRA_ORIGIN}/some/page.html`);
    await portals.getByRole('button', { name: '添加门户' }).click();
    await expect(portals.getByRole('status')).toHaveText(`已添加 ${EXTRA_ORIGIN}。重新打开该网站的页面即可使用。`);
    await expect(portals.getByRole('list', { name: '已添加的门户' }).getByRole('listitem')).toHaveText([
      new RegExp(EXTRA_ORIGIN),
    ]);
    expect(await contains()).toBe(true);
    expect(await registered()).toEqual([`portal:http://127.0.0.2 ${EXTRA_PATTERN}`]);
    // The new portal is offered per-site settings too.
    await expect(region(options, '按站点设置').getByRole('group', { name: EXTRA_ORIGIN })).toBeVisible();

    // After: the panel appears on that origin, and the highlight sheet came in with the page (registered css).
    await page.bringToFront();
    await openPortal(page, url);
    expect(
      await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--gongwen-reader-highlights').trim(),
      ),
    ).toBe('1');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-formula'))).toBe(true);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    // Adding it again is refused.
    await options.bringToFront();
    await portals.getByRole('textbox', { name: '门户网址' }).fill(`${EXTRA_ORIGIN}/`);
    await portals.getByRole('button', { name: '添加门户' }).click();
    await expect(portals.getByRole('alert')).toHaveText('这个门户已经添加过了。');

    // Removing it unregisters the script and gives the permission back.
    await portals.getByRole('button', { name: `移除 ${EXTRA_ORIGIN}` }).click();
    await expect(portals.getByRole('status')).toHaveText(`已移除 ${EXTRA_ORIGIN}。`);
    await expect(portals.getByText('还没有添加门户。')).toBeVisible();
    await expect.poll(registered).toEqual([]);
    await expect.poll(contains).toBe(false);
    await page.bringToFront();
    await expectNoPanel(page, url);
  });

  test('taking the site access away in the browser drops the portal and its registration', async ({
    page,
    context,
    extensionId,
    serviceWorker,
  }) => {
    test.setTimeout(testTime(90_000));
    const url = `${EXTRA_ORIGIN}/cms-spans.html`;
    const settingsTab = await context.newPage();
    await grantSiteAccessInBrowserSettings(settingsTab, extensionId, EXTRA_PATTERN);
    const options = await openOptions(await context.newPage(), extensionId);
    const portals = region(options, '门户网站');
    await portals.getByRole('textbox', { name: '门户网址' }).fill(EXTRA_ORIGIN);
    await portals.getByRole('button', { name: '添加门户' }).click();
    await expect(portals.getByRole('status')).toHaveText(/^已添加/);
    await openPortal(page, url);

    await settingsTab.bringToFront();
    await settingsTab.evaluate(
      ([id, host]) => chrome.developerPrivate.removeHostPermission(id!, host!),
      [extensionId, EXTRA_PATTERN],
    );
    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
      .toBe(0);
    await options.bringToFront();
    await expect(portals.getByText('还没有添加门户。')).toBeVisible();
    await page.bringToFront();
    await expectNoPanel(page, url);
  });
});
