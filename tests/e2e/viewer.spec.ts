// Issue 23: the attachment viewer (viewer.html?src=…) in the shipped build — each format of a 公文
// shows its outline through the same reader, its progress is stored under the file's address,
// and a page or an error where the file should be gets a message and nothing stored.
import type { Locator, Page, Worker } from '@playwright/test';
import { test, expect } from './harness';
import { outline, panel, showOutline, storedRecords } from './helpers';

const WORK_POINTS = [
  '一、加强党的建设',
  '二、深化教育教学改革',
  '三、推进产教融合',
  '四、加强师资队伍建设',
  '五、提升管理服务水平',
];

async function storedUrls(worker: Worker): Promise<string[]> {
  return Object.values(await storedRecords(worker)).flatMap((record) => record.urls ?? []);
}

function viewerUrl(extensionId: string, src: string): string {
  return `chrome-extension://${extensionId}/viewer.html?src=${encodeURIComponent(src)}`;
}

/** Opens the viewer and waits until the file is read (a heading) or refused (an alert); pdf.js under load takes seconds. */
async function openViewer(page: Page, extensionId: string, src: string) {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(viewerUrl(extensionId, src));
  await expect(page.getByRole('heading', { level: 1 }).or(page.getByRole('alert'))).toBeVisible({ timeout: 60_000 });
}

// Downloading and parsing a file in the page, then the reader's start: longer than a portal page.
test.describe.configure({ timeout: 120_000 });

for (const ext of ['pdf', 'docx', 'doc']) {
  test(`a ${ext} 工作要点 shows its five parts in the outline and is stored under its address`, async ({
    page,
    extensionId,
    fixtureUrl,
    serviceWorker,
  }) => {
    const src = fixtureUrl(`attachments/work-points.${ext}`);
    await openViewer(page, extensionId, src);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('海棠职业学院2024年工作要点');
    await expect(page.getByRole('link', { name: '原文件' })).toHaveAttribute('href', src);
    const nav = await showOutline(page);
    for (const part of WORK_POINTS)
      await expect(nav.getByRole('link', { name: new RegExp(part) }).first()).toBeVisible();
    await expect(
      panel(page).getByRole('progressbar', { name: '阅读进度' }).or(panel(page).getByLabel('阅读进度')).first(),
    ).toBeAttached();
    await page.evaluate(() => window.scrollBy(0, 400));
    await expect.poll(() => storedUrls(serviceWorker), { timeout: 10_000 }).toContain(src);
  });
}

test('the 倡议书 PDF (three parts, 2 pages) reads as one document with no page numbers in its text', async ({
  page,
  extensionId,
  fixtureUrl,
}) => {
  await openViewer(page, extensionId, fixtureUrl('attachments/initiative.pdf'));
  const nav = await showOutline(page);
  await expect(nav.getByRole('link', { name: /^一、基层党组织/ }).first()).toBeVisible();
  await expect(nav.getByRole('link', { name: /^三、广大师生党员/ }).first()).toBeVisible();
  await expect(page.locator('article p', { hasText: /^—\s*\d+\s*—$/ })).toHaveCount(0);
});

const BAD: [string, string, RegExp][] = [
  ['an HTML page where the file should be', 'short-notice.html', /网页而不是文件/],
  ['a missing file (404)', 'attachments/no-such-file.pdf', /网站返回错误（404）/],
];
for (const [what, file, message] of BAD) {
  test(`${what}: a message, no outline, nothing stored`, async ({ page, extensionId, fixtureUrl, serviceWorker }) => {
    await openViewer(page, extensionId, fixtureUrl(file));
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.locator('gongwen-reader')).toHaveCount(0);
    await expect(outline(page)).toHaveCount(0);
    expect(await storedUrls(serviceWorker)).toEqual([]);
  });
}

/** Left and right edges of an element's box in the viewer's viewport. */
async function edges(locator: Locator): Promise<{ left: number; right: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return { left: box.x, right: box.x + box.width };
}

test('the panel sits beside the sheet at 1920 px, the rail and its panel beside it at 1366 px', async ({
  page,
  extensionId,
  fixtureUrl,
}) => {
  await openViewer(page, extensionId, fixtureUrl('attachments/work-points.docx'));
  const sheet = page.locator('#sheet');
  const frame = page.locator('gongwen-reader iframe');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await showOutline(page);
  // The panel follows the sheet's edge (margins included) once the layout settles after the resize.
  await expect.poll(async () => (await edges(frame)).left - (await edges(sheet)).right).toBeGreaterThanOrEqual(0);
  expect((await edges(frame)).right).toBeLessThanOrEqual(1920);
  // A laptop's window: the rail, and the panel opened from it, stay clear of the sheet too.
  await page.setViewportSize({ width: 1366, height: 768 });
  const open = panel(page).getByRole('button', { name: /打开完整目录|Open the full outline/ });
  await expect(open).toBeVisible();
  await expect.poll(async () => (await edges(frame)).left - (await edges(sheet)).right).toBeGreaterThanOrEqual(0);
  await open.click();
  await expect(outline(page)).toBeVisible();
  await expect.poll(async () => (await edges(frame)).left - (await edges(sheet)).right).toBeGreaterThanOrEqual(0);
  expect((await edges(frame)).right).toBeLessThanOrEqual(1366);
});
