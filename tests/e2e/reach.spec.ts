// Issue 5: documents in same-origin frames, single-page portals, and the toolbar button on other pages.
import { test, expect, startExtraServer } from './harness';
import { PARTS, expectNoReader, outline, partItems } from './helpers';

test('a document inside a same-origin frame gets its outline in that frame', async ({ page, fixtureUrl }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(fixtureUrl('frame-host.html'));
  const frame = page.frameLocator('iframe[title="正文"]');
  const nav = frame.locator('gongwen-reader iframe').contentFrame().getByRole('navigation', { name: '文档导航' });
  await expect(nav).toBeVisible({ timeout: 10_000 });
  await expect(partItems(nav)).toHaveCount(3);
  await expect(page.locator('gongwen-reader')).toHaveCount(0); // the frame set itself holds no document
});

test('a single-page portal that swaps the article in and out is followed', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(fixtureUrl('spa-portal.html'));
  await expectNoReader(page, serviceWorker);

  await page.locator('#open-article').click();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  await expect(outline(page).getByRole('link', { name: PARTS[2] })).toBeVisible();

  await page.locator('#back-to-list').click();
  await expect(outline(page)).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('gongwen-reader')).toHaveCount(0);
});

test('the popup runs the reader once on a page outside the portals', async ({ context, extensionId }) => {
  const other = await startExtraServer('127.0.0.2');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`${other.url}/cms-spans.html`);
    await page.waitForTimeout(800);
    await expect(outline(page)).toHaveCount(0);

    // Clicking the toolbar button grants activeTab for the tab; headless Chromium has no toolbar to
    // click, so the test grants the same one-host access through the browser's site-access setting.
    const pattern = `${other.url}/*`.replace(/:\d+\//, '/');
    const settings = await context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate(
      ([id, host]) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
          }
        ).chrome.developerPrivate.addHostPermission(id!, host!),
      [extensionId, pattern],
    );
    await settings.close();

    // With the site allowed in the browser's settings, the extension's own request is answered without a prompt.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const granted = await popup.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { permissions: { request(p: object): Promise<boolean> } } }
        ).chrome.permissions.request({ origins: [origin] }),
      pattern,
    );
    expect(granted).toBe(true);
    const sw = context.serviceWorkers()[0]!;
    const tabId = await sw.evaluate(async (url) => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
      ).chrome.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(url))?.id;
    }, other.url);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('region', { name: '当前页面' })).toContainText('致学院全体师生党员的疫情防控倡议书', {
      timeout: 15_000,
    });
    await expect(outline(page)).toBeVisible();
    // No shipped highlight sheet outside the portals: the reader adopts it once, and highlights are painted.
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-formula'))).toBe(true);
    expect(
      await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--gongwen-reader-highlights').trim(),
      ),
    ).toBe('1');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  } finally {
    await other.close();
  }
});
