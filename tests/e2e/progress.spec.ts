// Issue 4: reading progress, bookmarks and resume survive reloads; the popup lists them; export/import round-trips.
import type { Page } from '@playwright/test';
import { test, expect, launchWithProfile, makeProfileDir, removeProfileDir, testTime } from './harness';
import {
  LAYOUTS,
  PARTS,
  SUB_POINTS,
  confirmClick,
  openPortal,
  outline,
  panel,
  partItems,
  liveBookmarkIds,
  storedRecords,
  textTop,
} from './helpers';

/** The extension API as seen inside the service worker (evaluated there, not here). */
declare const chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };

function progressBar(page: Page) {
  return panel(page).getByRole('progressbar', { name: '阅读进度' });
}

async function progressValue(page: Page): Promise<number> {
  return Number(await progressBar(page).getAttribute('aria-valuenow'));
}

/**
 * Scrolls so `text` is at the top of the reading area and reads there for 9 s: long enough to
 * earn credit (about 70 characters at 500 a minute) and to make it the resume point (after 6 s
 * of steady reading), far too short to read a whole part of this long document.
 */
async function readUpTo(page: Page, text: string) {
  const top = await textTop(page, text);
  // scrollBy, not the wheel: the pointer may rest over the panel, which scrolls on its own.
  await page.evaluate((dy) => window.scrollBy(0, dy), (top ?? 0) - 100);
  await page.waitForTimeout(9000);
}

for (const layout of LAYOUTS) {
  test(`progress, bookmark and resume survive a reload on ${layout}`, async ({ page, fixtureUrl, serviceWorker }) => {
    const nav = await openPortal(page, fixtureUrl(layout));
    const start = await progressValue(page);
    await readUpTo(page, PARTS[2]);
    await expect.poll(() => progressValue(page)).toBeGreaterThan(start);
    const reached = await progressValue(page);
    // Looking at part 三 for a few seconds reads neither it nor the parts scrolled past.
    await expect(panel(page).getByText('已读 0/3 部分')).toBeVisible();

    const second = partItems(nav).nth(1);
    await second.getByRole('button', { name: '收藏本节' }).first().click();
    await expect(second.getByRole('button', { name: '收藏本节' }).first()).toHaveAttribute('aria-pressed', 'true');
    // Reload once the progress shown and the bookmark are stored (saves are throttled).
    await expect
      .poll(async () => {
        const [record] = Object.values(await storedRecords(serviceWorker));
        return (record?.percent ?? 0) >= reached && liveBookmarkIds(record).length > 0;
      })
      .toBe(true);

    await page.reload();
    await page.evaluate(() => window.scrollTo(0, 0));
    const navAgain = outline(page);
    await expect(navAgain).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => progressValue(page)).toBeGreaterThanOrEqual(reached);
    await expect(partItems(navAgain).nth(1).getByRole('button', { name: '收藏本节' }).first()).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(partItems(navAgain).nth(0).getByRole('button', { name: '收藏本节' }).first()).toHaveAttribute(
      'aria-pressed',
      'false',
    );

    const resume = panel(page).getByRole('button', { name: '继续阅读' });
    await expect(resume).toBeVisible();
    await resume.click();
    await expect.poll(async () => (await textTop(page, PARTS[2])) ?? 9999).toBeLessThan(260);
    await expect(resume).toBeHidden();
  });
}

test('a short sub-point read on screen is marked read; its long part and the count wait for half the part', async ({
  page,
  fixtureUrl,
}) => {
  test.setTimeout(testTime(45_000));
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  // 要主动率先垂范 is about 140 characters: half of it takes about 9 s at 500 a minute.
  const top = await textTop(page, SUB_POINTS[1]![0]);
  await page.evaluate((dy) => window.scrollBy(0, dy), (top ?? 0) - 100);
  const point = partItems(nav).nth(1).locator(':scope > ul > li').nth(0).getByRole('link');
  await expect(point).toHaveAccessibleName(/（已读）$/, { timeout: 20_000 });
  await expect(partItems(nav).nth(1).getByRole('link').first()).not.toHaveAccessibleName(/已读/);
  await expect(partItems(nav).nth(0).getByRole('link').first()).not.toHaveAccessibleName(/已读/);
  await expect(panel(page).getByText('已读 0/3 部分')).toBeVisible();
  expect(await progressValue(page)).toBeGreaterThan(0);
});

test('reset clears progress but keeps bookmarks, once its undo offer has passed', async ({ page, fixtureUrl }) => {
  test.setTimeout(testTime(60_000));
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await partItems(nav).nth(0).getByRole('button', { name: '收藏本节' }).first().click();
  await readUpTo(page, PARTS[1]);
  await readUpTo(page, PARTS[2]);
  const before = await progressValue(page);
  expect(before).toBeGreaterThan(4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await confirmClick(panel(page).getByRole('button', { name: '重置进度' }));
  await expect(panel(page).getByRole('status')).toContainText('已清除本文的阅读进度');
  expect(await progressValue(page)).toBe(0);
  // The offer to undo ends after a few seconds; the reset stays.
  await expect(panel(page).getByRole('button', { name: '撤销' })).toBeHidden({ timeout: 10_000 });
  await page.reload();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  await expect(panel(page).getByRole('button', { name: '继续阅读' })).toHaveCount(0);
  await expect(partItems(outline(page)).nth(0).getByRole('button', { name: '收藏本节' }).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Only what was read at the top in the seconds since the reset counts.
  expect(await progressValue(page)).toBeLessThan(before);
  await expect(panel(page).getByText('已读 0/3 部分')).toBeVisible();
});

test('the popup lists the tab’s document, recent documents and bookmarks, and jumps', async ({
  page,
  context,
  fixtureUrl,
  serviceWorker,
  openPopup,
}) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await partItems(nav).nth(2).getByRole('button', { name: '收藏本节' }).first().click();
  await partItems(nav).nth(1).locator(':scope > ul > li').nth(0).getByRole('button', { name: '收藏本节' }).click();
  await page.waitForTimeout(500);

  // As the toolbar popup sees it: the active tab of the window (no tabs permission needed).
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(serviceWorker.url()).host}/popup.html?tab=${tabId}`);

  const current = popup.getByRole('region', { name: '当前页面' });
  await expect(current).toContainText('致学院全体师生党员的疫情防控倡议书');
  await expect(current.getByRole('progressbar', { name: '阅读进度' })).toBeVisible();
  await expect(current.getByRole('button', { name: PARTS[1] })).toBeVisible();

  const recent = popup.getByRole('region', { name: '最近阅读' });
  await expect(recent.getByRole('link', { name: '致学院全体师生党员的疫情防控倡议书' })).toBeVisible();

  // This document's bookmarks are in its card (the popup's first screen); no other document has any.
  const bookmarks = current.getByRole('region', { name: '本文收藏' });
  await expect(popup.getByRole('region', { name: '收藏', exact: true })).toHaveCount(0);
  const links = bookmarks.getByRole('link');
  await expect(links).toHaveCount(2);
  // Newest first.
  await expect(links.nth(0)).toHaveText(SUB_POINTS[1]![0]);
  await expect(links.nth(1)).toHaveText(PARTS[2]);
  await expect(links.nth(1)).toHaveAttribute('href', /#:~:text=/);

  await current.getByRole('button', { name: PARTS[1] }).click();
  await expect.poll(async () => (await textTop(page, PARTS[1])) ?? 9999).toBeLessThan(104);
  void openPopup;
});

test('opening a bookmark from the popup opens its page at that section', async ({
  page,
  context,
  fixtureUrl,
  extensionId,
}) => {
  const nav = await openPortal(page, fixtureUrl('table-layout.html'));
  await partItems(nav).nth(2).getByRole('button', { name: '收藏本节' }).first().click();
  await page.waitForTimeout(300);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const opened = context.waitForEvent('page');
  await popup.getByRole('region', { name: '收藏' }).getByRole('link', { name: PARTS[2] }).click();
  const tab = await opened;
  await tab.setViewportSize({ width: 1600, height: 900 });
  // The reader may start before the resize, in a window too narrow for the open panel (it folds
  // into its tab then): wait for the reader itself, not for the open outline.
  await expect(tab.locator('gongwen-reader')).toBeAttached({ timeout: 10_000 });
  await expect.poll(async () => (await textTop(tab, PARTS[2])) ?? 9999, { timeout: 10_000 }).toBeLessThan(300);
});

test('export then import into a fresh profile restores the same state; bad files change nothing', async ({
  page,
  context,
  fixtureUrl,
  extensionId,
}, testInfo) => {
  test.setTimeout(testTime(45_000));
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await partItems(nav).nth(1).getByRole('button', { name: '收藏本节' }).first().click();
  await readUpTo(page, PARTS[1]);
  await page.waitForTimeout(1200);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: '导出 JSON' }).click();
  const file = testInfo.outputPath('export.json');
  await (await download).saveAs(file);
  const markdown = popup.waitForEvent('download');
  await popup.getByRole('button', { name: '导出 Markdown' }).click();
  const md = testInfo.outputPath('export.md');
  await (await markdown).saveAs(md);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(md, 'utf8')).toContain('致学院全体师生党员的疫情防控倡议书');
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  const percent = exported.documents[0].percent as number;

  const dir = await makeProfileDir();
  const fresh = await launchWithProfile(dir);
  try {
    const p = await fresh.context.newPage();
    await p.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    await expect(p.getByRole('region', { name: '收藏' })).toContainText('还没有收藏');

    const bad = testInfo.outputPath('bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{"hello": "world"}');
    await p.locator('input[type=file]').setInputFiles(bad);
    await expect(p.getByRole('status')).toContainText('这不是公文导读的导出文件');
    await expect(p.getByRole('region', { name: '收藏' })).toContainText('还没有收藏');

    await p.locator('input[type=file]').setInputFiles(file);
    await expect(p.getByRole('status')).toContainText('已导入 1 篇');
    await expect(p.getByRole('region', { name: '收藏' }).getByRole('link', { name: PARTS[1] })).toBeVisible();
    await expect(p.getByRole('region', { name: '最近阅读' })).toContainText(`${percent}%`);

    const doc = await fresh.context.newPage();
    await openPortal(doc, fixtureUrl('cms-spans.html'));
    await expect(partItems(outline(doc)).nth(1).getByRole('button', { name: '收藏本节' }).first()).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(panel(doc).getByRole('button', { name: '继续阅读' })).toBeVisible();
  } finally {
    await fresh.context.close();
    await removeProfileDir(dir);
  }
});

test('two tabs on one document end with the union of their bookmarks', async ({
  page,
  context,
  fixtureUrl,
  extensionId,
}) => {
  const second = await context.newPage();
  const navA = await openPortal(page, fixtureUrl('cms-spans.html'));
  // The same document at a noisy URL: tracking parameters and a fragment.
  const navB = await openPortal(second, `${fixtureUrl('cms-spans.html')}?utm_source=wechat&spm=1.2#top`);
  await partItems(navA).nth(0).getByRole('button', { name: '收藏本节' }).first().click();
  await partItems(navB).nth(2).getByRole('button', { name: '收藏本节' }).first().click();
  await page.waitForTimeout(500);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const links = popup.getByRole('region', { name: '收藏' }).getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(popup.getByRole('region', { name: '收藏' }).getByRole('heading', { level: 3 })).toHaveCount(1);
});

test('a damaged stored record is reported and the others stay', async ({
  page,
  context,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await partItems(nav).nth(0).getByRole('button', { name: '收藏本节' }).first().click();
  await page.waitForTimeout(500);
  await serviceWorker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
      .chrome.storage.local;
    await storage.set({ 'doc:fp:broken': { id: 'fp:broken', title: 42, bookmarks: 'nope' } });
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const alert = popup.getByRole('alert').filter({ hasText: '有 1 条记录无法读取' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('fp:broken');
  // Kept as it was, and offered for export.
  const download = popup.waitForEvent('download');
  await alert.getByRole('button', { name: '导出无法读取的记录' }).click();
  const { readFileSync } = await import('node:fs');
  const kept = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    kept: { key: string; value: unknown }[];
  };
  expect(kept.kept).toEqual([
    expect.objectContaining({ key: 'doc:fp:broken', value: { id: 'fp:broken', title: 42, bookmarks: 'nope' } }),
  ]);
  await expect(popup.getByRole('region', { name: '收藏' }).getByRole('link', { name: PARTS[0] })).toBeVisible();
});
