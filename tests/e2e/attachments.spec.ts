// Attachment entry points: the 附件 group's 在导读中打开 opens the viewer in a new tab at the
// contract's address (viewer.html?src=<encoded absolute URL>); the original link still downloads.
import type { Worker } from '@playwright/test';
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
  return serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url ?? (tab as { pendingUrl?: string }).pendingUrl ?? ''));
}

test('附件 lists the article\'s files by name and type and opens a document in the viewer', async ({ page, fixtureUrl, extensionId, serviceWorker }) => {
  await openPortal(page, fixtureUrl('notice-attachments.html'));
  const files = panel(page).getByRole('list', { name: '附件文件' });
  await expect(files).toBeVisible();
  const rows = files.getByRole('listitem');
  await expect(rows).toHaveCount(3);
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
  expect(page.context().pages()).toHaveLength(2);
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
