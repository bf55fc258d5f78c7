// The popup's 在此网站启用 on a site off the portals (an IP-and-port host, as OA systems are): one
// click asks for the host and registers the reader there; after a reload the page gets its outline.
import { test, expect, startExtraServer } from './harness';
import { outline, showOutline } from './helpers';

test('在此网站启用 in the popup makes an IP-and-port host a portal', async ({ context, extensionId }) => {
  const other = await startExtraServer('127.0.0.2');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`${other.url}/cms-spans.html`);

    // The toolbar click that grants activeTab (and lets the popup read the tab's address) has no
    // headless equivalent: the browser's site-access setting allows the same host, so the
    // extension's own requests are then answered without a prompt (as in reach.spec.ts).
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
    await expect(outline(page)).toHaveCount(0);
    // Granted as activeTab would be (the popup may read the tab's address); still no portal, no reader.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 1366, height: 768 });
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
    const registered = () =>
      sw.evaluate(async () =>
        (
          await (
            globalThis as unknown as {
              chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
            }
          ).chrome.scripting.getRegisteredContentScripts()
        ).map((script) => script.id),
      );
    expect(await registered()).not.toContain('portal:http://127.0.0.2');
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const enable = popup.getByRole('button', { name: '在此网站启用' });
    await expect(enable).toBeVisible();
    await expect(popup.getByText(other.url, { exact: true })).toBeVisible();
    if (process.env.POPUP_SHOT) await popup.screenshot({ path: process.env.POPUP_SHOT });
    await enable.click();
    await expect(popup.getByRole('status')).toContainText(`已在 ${other.url} 上启用`);
    await expect(enable).toHaveCount(0);
    // The content script is registered for the host (all ports share the pattern), so every page there gets it.
    expect(await registered()).toContain('portal:http://127.0.0.2');

    await page.reload();
    await showOutline(page);
  } finally {
    await other.close();
  }
});
