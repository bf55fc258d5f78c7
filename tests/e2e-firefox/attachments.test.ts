// Attachment entry points in real Firefox: the 附件 group's 在导读中打开 and the toolbar popup's
// offer on a PDF tab open the viewer in a new tab at the contract's address
// (viewer.html?src=<encoded absolute URL>); the viewer itself shows the outline (文档导航) of a PDF
// (pdf.js and its worker as Firefox loads them from the add-on) and of a .docx.
import type { Page } from 'puppeteer-core';
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { NAV, panelFrame, useFirefox } from './harness';

declare const browser: Browser;

const ff = useFirefox();

/** Every tab's address, read from an extension page (the viewer may be missing from this build: its tab keeps the address). */
async function tabUrls(ext: Page): Promise<string[]> {
  return ext.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.url ?? ''));
}

async function viewerAddress(ext: Page, src: string): Promise<string> {
  return ext.evaluate((file) => `${browser.runtime.getURL('/viewer.html')}?src=${encodeURIComponent(file)}`, src);
}

/** The buttons named 在导读中打开… in a frame, as [accessible name, element]. */
async function openButtons(frame: Awaited<ReturnType<typeof panelFrame>>) {
  const buttons = await frame.$$('button[aria-label^="在导读中打开"]');
  return Promise.all(
    buttons.map(async (b) => [await b.evaluate((el) => el.getAttribute('aria-label') ?? ''), b] as const),
  );
}

const WORK_POINTS = [
  '一、加强党的建设',
  '二、深化教育教学改革',
  '三、推进产教融合',
  '四、加强师资队伍建设',
  '五、提升管理服务水平',
];

describe('attachment entry points in Firefox', () => {
  for (const ext of ['pdf', 'docx']) {
    it(`the viewer shows the 工作要点 .${ext} with its outline`, async () => {
      const src = ff().fixtureUrl(`attachments/work-points.${ext}`);
      const page = await ff().openExtensionPage(`viewer.html?src=${encodeURIComponent(src)}`);
      await page.setViewport({ width: 1600, height: 900 });
      // The panel's frame is the viewer's own origin: read through it (WebDriver BiDi lists no
      // child frame of an extension page, so the harness's panelFrame cannot find it here).
      const outline = () =>
        page.evaluate((nav) => {
          const frame = document.querySelector('gongwen-reader')?.shadowRoot?.querySelector('iframe');
          const found = frame?.contentDocument?.querySelector(nav);
          if (!found) return null;
          const parts = Array.from(found.querySelectorAll(':scope > ul > li > .outline-row .outline-heading'));
          return { name: found.getAttribute('aria-label'), headings: parts.map((h) => h.textContent ?? '') };
        }, NAV);
      // Polled whole: the panel draws its outline in steps (rail, then parts).
      await expect
        .poll(async () => (await outline()) ?? {}, { timeout: 30_000 })
        .toEqual({ name: '文档导航', headings: WORK_POINTS.map((part) => expect.stringContaining(part)) });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('海棠职业学院2024年工作要点');
      expect(await page.$eval('#original', (a) => (a as HTMLAnchorElement).href)).toBe(src);
      await page.close();
    });
  }

  it('the 附件 group lists the files and 在导读中打开 opens the viewer in a new tab', async () => {
    const page = await ff().openPortal('notice-attachments.html');
    const frame = await panelFrame(page);
    const names = await frame.$$eval('.attachment-file', (rows) => rows.map((row) => row.textContent ?? ''));
    expect(names).toHaveLength(3);
    expect(names[0]).toContain('附件1：寒假安全检查工作方案.pdf');
    expect(names[1]).toContain('值班安排表.xls');
    const buttons = await openButtons(frame);
    expect(buttons.map(([name]) => name)).toEqual([
      '在导读中打开：附件1：寒假安全检查工作方案.pdf',
      '在导读中打开：留校学生安全承诺书',
    ]);
    await buttons[1]![1].click();
    const ext = await ff().openExtensionPage('popup.html');
    const src = ff().fixtureUrl('_upload/article/files/3a/7c/1f0e2b6d4a5c/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.docx');
    const want = await viewerAddress(ext, src);
    await expect.poll(() => tabUrls(ext), { timeout: 10_000 }).toContain(want);
    await ext.close();
    await page.close();
  });

  it('the toolbar popup on a PDF tab offers 在导读中打开此 PDF', async () => {
    const page = await ff().browser.newPage();
    const pdf = ff().fixtureUrl('work-plan.pdf');
    await page.goto(pdf).catch(() => {}); // Firefox's own PDF viewer takes the tab over
    const ext = await ff().openExtensionPage('popup.html');
    let tabId = -1;
    await expect
      .poll(
        async () =>
          (tabId = await ext.evaluate(
            async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
            pdf,
          )),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const want = await viewerAddress(ext, pdf);
    const popup = await ff().openExtensionPage(`popup.html?tab=${tabId}`);
    const offer = await popup.waitForSelector('::-p-aria(在导读中打开此 PDF)', { timeout: 10_000 });
    await offer!.click();
    await expect.poll(() => tabUrls(ext), { timeout: 10_000 }).toContain(want);
    await ext.close();
    await page.close().catch(() => {});
  });

  it('a portal page without a PDF gets no offer in the popup', async () => {
    const page = await ff().openPortal('short-notice.html');
    const ext = await ff().openExtensionPage('popup.html');
    const tabId = await ext.evaluate(
      async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
      page.url(),
    );
    const popup = await ff().openExtensionPage(`popup.html?tab=${tabId}`);
    // The tab's status came back over the content script (its title shows); the offer's tabs.get, asked at the same time, answers sooner.
    await popup.waitForFunction(
      () => document.querySelector('section.card')?.textContent?.includes('寒假期间校园安全稳定工作') ?? false,
      { timeout: 10_000 },
    );
    expect(await popup.$('#pdf-offer-heading')).toBeNull();
    await popup.close();
    await ext.close();
    await page.close();
  });
});
