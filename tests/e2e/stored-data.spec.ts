// Issue 13: what an open reader tab writes after the fact. "Clear all data" is not undone by a tab
// still open, and a single-page portal's article is not filed under the next page's address.
import type { Worker } from '@playwright/test';
import { test, expect } from './harness';
import { openPortal, outline, panel, stored } from './helpers';

/** Every stored document record (and a format-2 `documents` map, should one be written). */
async function storedDocs(worker: Worker): Promise<{ key: string; urls: string[]; furthest: number }[]> {
  return Object.entries(await stored(worker))
    .filter(([key]) => key.startsWith('doc:') || key === 'documents')
    .map(([key, value]) => ({
      key,
      urls: (value as { urls?: string[] }).urls ?? [],
      furthest: (value as { furthest?: number }).furthest ?? 0,
    }));
}

test('a reader tab still open does not write its progress back after "clear all data"', async ({
  page,
  context,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.evaluate(() => window.scrollBy(0, 600));
  await expect.poll(async () => (await storedDocs(serviceWorker)).length).toBe(1);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const data = options.getByRole('region', { name: '数据' });
  await data.getByRole('button', { name: '清除全部数据…' }).click();
  await expect(data.getByRole('button', { name: '确定清除' })).toHaveAttribute('data-confirm', 'ready');
  await data.getByRole('button', { name: '确定清除' }).click();
  await expect(data.getByRole('status').last()).toContainText('已清除全部数据');
  expect(await storedDocs(serviceWorker)).toEqual([]);

  // The reader keeps reading in its tab, past the save interval, and leaves.
  await page.bringToFront();
  await page.evaluate(() => window.scrollBy(0, 600));
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.scrollBy(0, 400));
  await page.waitForTimeout(1500);
  await expect(panel(page).getByRole('status').filter({ hasText: '数据已被清除' })).toHaveCount(1);
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  expect(await storedDocs(serviceWorker)).toEqual([]);
});

test('leaving a single-page portal article within the save interval files it under its own address', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(fixtureUrl('spa-portal.html'));
  await page.locator('#open-article').click();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  await expect.poll(async () => (await storedDocs(serviceWorker)).length).toBe(1);
  await page.waitForTimeout(300);

  // Read on, then leave for the list before the next save is due.
  await page.evaluate(() => window.scrollBy(0, 700));
  await page.waitForTimeout(150);
  await page.locator('#back-to-list').click();
  await expect(outline(page)).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(1500);

  const docs = await storedDocs(serviceWorker);
  expect(docs).toHaveLength(1);
  expect(docs[0]!.furthest).toBeGreaterThan(0);
  expect(docs[0]!.urls.length).toBeGreaterThan(0);
  for (const url of docs[0]!.urls) expect(url).toContain('article=1');
});

test('a bookmark that could not be saved goes back to unpressed and says why', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await expect.poll(async () => (await storedDocs(serviceWorker)).length).toBe(1);
  // Another version of the extension (say, a newer one synced in) stored this document's record meanwhile.
  const key = (await storedDocs(serviceWorker))[0]!.key;
  await serviceWorker.evaluate(async (k) => {
    const local = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } };
        };
      }
    ).chrome.storage.local;
    const value = (await local.get(k))[k]!;
    await local.set({
      [k]: {
        ...value,
        v: 99,
        bookmarks: { p1: { sectionId: 'p1', heading: 'kept', note: 'a newer note', createdAt: 1, updatedAt: 1 } },
      },
    });
  }, key);
  const before = await serviceWorker.evaluate(
    async (k) =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
        ).chrome.storage.local.get(k),
      ),
    key,
  );

  const toggle = nav.getByRole('button', { name: '收藏本节' }).nth(1);
  await toggle.click();
  // The failure is reported first; by then the toggle shows the stored state again.
  await expect(panel(page).getByRole('status').filter({ hasText: '无法读取' })).toHaveCount(1);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const after = await serviceWorker.evaluate(
    async (k) =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
        ).chrome.storage.local.get(k),
      ),
    key,
  );
  expect(after).toBe(before);
});

test('an import file over the stated size is refused with a message and changes nothing', async ({
  context,
  extensionId,
  serviceWorker,
}, testInfo) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const big = testInfo.outputPath('big.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    big,
    JSON.stringify({
      format: 'gongwen-reader-export',
      version: 1,
      documents: [],
      padding: 'x'.repeat(6 * 1024 * 1024),
    }),
  );
  await popup.locator('input[type=file]').setInputFiles(big);
  await expect(popup.getByRole('status')).toContainText('文件太大，未导入（上限 5 MB）');
  expect(await storedDocs(serviceWorker)).toEqual([]);
});
