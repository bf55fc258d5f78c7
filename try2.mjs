import { chromium } from '@playwright/test';
import { chromiumArgs } from '/work/main/scripts/find-chromium.mjs';
import { startServer } from '/work/main/scripts/serve.mjs';
import { mkdtempSync } from 'node:fs';
const server = await startServer({ root: '/work/main/tests/fixtures', port: 4299, host: '127.0.0.1' });
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/try/p-'), {
  executablePath: '/usr/bin/chromium', headless: true, locale: 'zh-CN', env: { ...process.env, LANGUAGE: 'zh_CN' },
  viewport: { width: 1600, height: 900 }, args: chromiumArgs({ extensionDir: '/work/main/.output/chrome-mv3', lang: 'zh-CN' }),
});
const page = ctx.pages()[0];
page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
await page.goto(`http://127.0.0.1:4299/cms-spans.html`);
const panel = page.locator('gongwen-reader iframe').contentFrame();
await panel.getByRole('tab', { name: /^关键词/ }).click();
const sw = panel.getByRole('switch', { name: '高亮关键词' });
const hl = () => page.evaluate(() => CSS.highlights.has('gongwen-formula'));
console.log('checked', await sw.isChecked(), await hl());
await sw.click(); await page.waitForTimeout(500);
console.log('checked', await sw.isChecked(), await hl());
await sw.click(); await page.waitForTimeout(500);
console.log('checked', await sw.isChecked(), await hl());
await page.reload(); await panel.getByRole('tab', { name: /^关键词/ }).click();
console.log('after reload checked', await sw.isChecked(), await hl());
await sw.click(); await page.waitForTimeout(500);
console.log('checked', await sw.isChecked(), await hl());
await ctx.close(); await server.close();
