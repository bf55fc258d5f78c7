// Finds the system Firefox and starts it with the built extension over WebDriver BiDi
// (puppeteer-core; no browser is ever downloaded). Shared by the Firefox e2e suite and the demo.
//
//   import { findFirefox, launchFirefox } from './firefox.mjs';
//   const ff = await launchFirefox({ extensionDir: '.output/firefox-mv2', hosts: ['www.example.edu.cn'] });
//   const page = await ff.browser.newPage();
//   await page.goto(ff.extensionUrl('popup.html'));   // moz-extension://<fixed uuid>/popup.html
//   await ff.close();
//
// Order: $FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox. Run directly (`node scripts/firefox.mjs`):
// exit 0 silently when found, else one line on stderr and exit 1.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIREFOX_INSTALL_HINT =
  'Firefox not found: install it with `sudo apt-get install firefox-esr firefox-esr-l10n-zh-cn` or set FIREFOX_PATH=/path/to/firefox';

/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'gongwen-reader@example.edu.cn';

/**
 * The internal UUID the extension gets in every test profile. Firefox gives each installed add-on a
 * random one (its moz-extension:// host) unless the `extensions.webextensions.uuids` pref already
 * names one for the add-on id; fixing it lets tests open popup.html and options.html directly.
 */
export const EXTENSION_UUID = '6f3a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of a usable Firefox, or null. */
export function findFirefox() {
  const explicit = process.env.FIREFOX_PATH?.trim();
  if (explicit) return isExecutableFile(explicit) ? path.resolve(explicit) : null;
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox'])
    if (isExecutableFile(candidate)) return candidate;
  return null;
}

/** One-line explanation of why findFirefox() returned null. */
export function firefoxNotFoundMessage() {
  const explicit = process.env.FIREFOX_PATH?.trim();
  if (explicit) return `Firefox not found: FIREFOX_PATH=${explicit} is not an executable file — fix or unset it`;
  return FIREFOX_INSTALL_HINT;
}

/**
 * Starts headless Firefox with the unpacked extension in `extensionDir` installed as a temporary add-on.
 * `hosts` resolve to 127.0.0.1 (so a local server can play a `*.edu.cn` portal); `locale` sets the UI
 * language (browser.i18n, _locales); reduced motion is on so jumps land without smooth scrolling.
 * @param {{ extensionDir: string, hosts?: string[], locale?: string, headless?: boolean, prefs?: Record<string, unknown> }} options
 */
export async function launchFirefox({ extensionDir, hosts = [], locale = 'zh-CN', headless = true, prefs = {} }) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(firefoxNotFoundMessage());
  // Loaded here, not at the top: .ci/run asks this file whether Firefox is installed before `npm ci`.
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless the remote agent is allowed
    // system access; tests and the demo open popup.html / options.html in a tab. A launch flag of the
    // test browser only: nothing in the extension build changes.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': hosts.join(','),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale === 'zh-CN' ? 'zh-CN, zh, en' : `${locale}, en`,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'ui.prefersReducedMotion': 1,
      // Content scripts' console output on stdout, for GONGWEN_FIREFOX_DEBUG=1 runs (dumpio).
      'devtools.console.stdout.content': true,
      ...prefs,
    },
    dumpio: process.env.GONGWEN_FIREFOX_DEBUG === '1',
  });
  try {
    const id = await browser.installExtension(path.resolve(extensionDir));
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
  return {
    browser,
    executablePath,
    openExtensionPage: (file) =>
      openExtensionPage(browser, `moz-extension://${EXTENSION_UUID}/${file.replace(/^\/+/, '')}`),
    /** moz-extension://<uuid>/<file> */
    extensionUrl: (file) => `moz-extension://${EXTENSION_UUID}/${file.replace(/^\/+/, '')}`,
    close: () => browser.close(),
  };
}

/**
 * Opens an extension page in a new tab. Firefox loads moz-extension:// documents in the extension
 * process, and over BiDi the navigation's load event never reaches the client (page.goto times out
 * although the page is up), so this starts the navigation and waits for the document itself.
 */
async function openExtensionPage(browser, url) {
  const page = await browser.newPage();
  page.goto(url, { timeout: 15_000 }).catch(() => {}); // see above: its completion is not observable
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page
      .evaluate((want) => location.href === want && document.readyState === 'complete', url)
      .catch(() => false); // the context is being replaced mid-navigation
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`extension page did not load: ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly && !findFirefox()) {
  console.error(firefoxNotFoundMessage());
  process.exit(1);
}
