// Smoke: the built extension loads in Chromium (service worker up, manifest localized per UI locale).
// Deliberately nothing about the UI — feature specs live in their own files.
import { readFileSync } from 'node:fs';
import type { Browser } from 'webextension-polyfill';
import path from 'node:path';
import { EXTENSION_DIR, test, expect } from './harness';

// `chrome` inside serviceWorker.evaluate() is the worker's global; typed with the polyfill's API shapes.
declare const chrome: Browser;

function localizedName(locale: 'zh_CN' | 'en'): string {
  const file = path.join(EXTENSION_DIR, '_locales', locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  const name = messages.extName?.message;
  if (!name) throw new Error(`extName missing from ${file}`);
  return name;
}

test('extension loads with a running MV3 service worker (zh-CN)', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/${manifest.background?.service_worker}`);
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions ?? []).toContain('storage');
  expect(manifest.name).toBe(localizedName('zh_CN'));

  expect(await serviceWorker.evaluate(() => chrome.i18n.getMessage('extName'))).toBe(localizedName('zh_CN'));
});

test.describe('en-US UI', () => {
  test.use({ uiLocale: 'en-US' });

  test('manifest name follows the browser UI language', async ({ serviceWorker }) => {
    expect(await serviceWorker.evaluate(() => chrome.runtime.getManifest().name)).toBe(localizedName('en'));
    expect(await serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^en/);
  });
});

test('fixture server is reachable from the browser under the portal name', async ({ page, fixtureUrl }) => {
  // The name resolves to 127.0.0.1 only inside Chromium (--host-resolver-rules), so the browser opens it.
  expect(fixtureUrl('__health')).toMatch(/^http:\/\/[^/]+\.edu\.cn:\d+\//);
  expect((await page.goto(fixtureUrl('__health')))?.status()).toBe(200);
  expect((await page.goto(fixtureUrl('definitely-missing.html')))?.status()).toBe(404);
});
