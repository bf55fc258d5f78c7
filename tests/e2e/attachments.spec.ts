// Attachment entry points: the 附件 group's 在导读中打开 opens the viewer in a new tab at the
// contract's address (viewer.html?src=<encoded absolute URL>); the original link still downloads.
import type { Frame, Page, Worker } from '@playwright/test';
import type { Browser } from 'webextension-polyfill';
import { FIXTURE_ORIGIN, test, expect } from './harness';
import { openPortal, panel } from './helpers';

function viewerAddress(extensionId: string, src: string): string {
  return `chrome-extension://${extensionId}/viewer.html?src=${encodeURIComponent(src)}`;
}

declare const chrome: Browser;

/**
 * The addresses of the browser's tabs, as the tabs API gives them: the viewer page is another
 * helper's work and may be missing from this build, and a missing page shows Chrome's error page
 * to Playwright while the tab keeps the address it was opened at.
 */
function tabUrls(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(async () =>
    (await chrome.tabs.query({})).map((tab) => tab.url ?? (tab as { pendingUrl?: string }).pendingUrl ?? ''),
  );
}

test("附件 lists the article's files by name and type and opens a document in the viewer", async ({
  page,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  const nav = await openPortal(page, fixtureUrl('notice-attachments.html'));
  const files = panel(page).getByRole('list', { name: '附件文件' });
  await expect(files).toBeVisible();
  const rows = files.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  // Each file once: the 附件 lines that only link a file are no outline entries beside the list.
  await expect(panel(page).getByRole('heading', { name: '附件' })).toHaveCount(1);
  await expect(nav.getByRole('link', { name: /值班安排表/ })).toHaveCount(0);
  await expect(rows.nth(0)).toContainText('附件1：寒假安全检查工作方案.pdf');
  await expect(rows.nth(0)).toContainText('PDF');
  await expect(rows.nth(1)).toContainText('值班安排表.xls');
  await expect(rows.nth(1)).toContainText('仅可下载');
  await expect(rows.nth(2)).toContainText('留校学生安全承诺书');
  await expect(rows.nth(2)).toContainText('DOCX');
  // Documents only: the spreadsheet has no 在导读中打开.
  const opens = panel(page).getByRole('button', { name: /^在导读中打开/ });
  await expect(opens).toHaveCount(2);
  await expect(rows.nth(1).getByRole('button')).toHaveCount(0);

  await panel(page).getByRole('button', { name: '在导读中打开：附件1：寒假安全检查工作方案.pdf' }).click();
  const src = `${FIXTURE_ORIGIN}/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1391370217&wbfileid=4410021`;
  await expect.poll(() => tabUrls(serviceWorker)).toContain(viewerAddress(extensionId, src));
  // The browser lists the tab before Playwright has attached to it: wait for both, not one look.
  await expect.poll(() => page.context().pages().length).toBe(2);
  // The portal's page stays where it was.
  expect(page.url()).toBe(fixtureUrl('notice-attachments.html'));
});

test.describe('en-US UI', () => {
  test.use({ uiLocale: 'en-US' });

  test('the control is named Open in the reader', async ({ page, fixtureUrl, extensionId, serviceWorker }) => {
    await openPortal(page, fixtureUrl('notice-attachments.html'), 'Document outline');
    await panel(page).getByRole('button', { name: 'Open in the reader: 留校学生安全承诺书' }).click();
    const src = `${FIXTURE_ORIGIN}/_upload/article/files/3a/7c/1f0e2b6d4a5c/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.docx`;
    await expect.poll(() => tabUrls(serviceWorker)).toContain(viewerAddress(extensionId, src));
  });
});

test('a document without attachments shows no 附件 files', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('short-notice.html'));
  await expect(panel(page).getByRole('button', { name: /^在导读中打开/ })).toHaveCount(0);
  await expect(panel(page).getByRole('list', { name: '附件文件' })).toHaveCount(0);
});

/** The offer chip's frame (an extension page in a closed shadow root: found among the page's frames by its address). */
function offerFrame(page: Page): Frame | null {
  return page.frames().find((frame) => frame.url().includes('/offer.html?')) ?? null;
}

test('a page that only points to its attachment gets the 在导读中打开 chip, not a panel', async ({
  page,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(fixtureUrl('pointer-only.html'));
  await expect.poll(() => offerFrame(page) !== null, { timeout: 10_000 }).toBe(true);
  const chip = offerFrame(page)!;
  const open = chip.getByRole('button', { name: '在导读中打开：江州理工学院2026年工作要点.pdf' });
  await expect(open).toBeVisible();
  // No reader panel over the page, and the page cannot reach the chip's frame element.
  await expect(page.locator('gongwen-reader')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('gongwen-offer')?.shadowRoot ?? null)).toBeNull();
  await open.click();
  const src = `${FIXTURE_ORIGIN}/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1391370217&wbfileid=5520017`;
  await expect.poll(() => tabUrls(serviceWorker)).toContain(viewerAddress(extensionId, src));
  // 关闭 takes the chip away.
  await chip.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('gongwen-offer')).toHaveCount(0);
});

test('news with a PDF link and no 见附件 stays untouched', async ({ page, fixtureUrl }) => {
  await page.goto(fixtureUrl('news-with-pdf.html'));
  // No sleep: a pointer page loaded after it gets its chip, and the news page's own check (the same
  // delay after its start, which came first) has had its turn by then.
  const later = await page.context().newPage();
  await later.goto(fixtureUrl('pointer-only.html'));
  await expect.poll(() => offerFrame(later) !== null, { timeout: 10_000 }).toBe(true);
  expect(offerFrame(page)).toBeNull();
  await expect(page.locator('gongwen-offer, gongwen-reader')).toHaveCount(0);
});

test('a PDF opened in a tab offers to open it in the reader', async ({
  page,
  fixtureUrl,
  extensionId,
  serviceWorker,
}) => {
  await page.goto(fixtureUrl('work-plan.pdf'));
  await expect.poll(() => offerFrame(page) !== null, { timeout: 10_000 }).toBe(true);
  const open = offerFrame(page)!.getByRole('button', { name: '在导读中打开此 PDF' });
  await expect(open).toBeVisible();
  await open.click();
  await expect.poll(() => tabUrls(serviceWorker)).toContain(viewerAddress(extensionId, fixtureUrl('work-plan.pdf')));
});
