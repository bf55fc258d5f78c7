// The one way this project starts Chromium with the built extension: the e2e harness
// (tests/e2e/harness.ts), the benchmark (bench/), the demo and the corpus run all call
// launchChromiumWithExtension(). Plain ESM (no TypeScript loader in `node scripts/…`); the
// harness gets its types from launch-chromium.d.mts.
//
//   const { context, serviceWorker, extensionId, page } = await launchChromiumWithExtension({ userDataDir });
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumNotFoundMessage, findChromium } from './find-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The Chromium build of the extension (`npm run build`). */
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');

/** Debian ships Chromium's UI translations separately; without them the browser silently runs in English. */
function assertUiLocaleInstalled(executablePath, lang) {
  const localesDir = '/usr/lib/chromium/locales';
  if (executablePath !== '/usr/bin/chromium' || !existsSync(localesDir) || /^en(-US)?$/.test(lang)) return;
  if (!existsSync(path.join(localesDir, `${lang}.pak`))) {
    throw new Error(
      `Chromium has no ${lang} UI translation (${localesDir}/${lang}.pak) — install it with \`sudo apt-get install chromium-l10n\``,
    );
  }
}

/** The extension's background service worker (already running, or the next one to start), or null. */
export async function extensionServiceWorker(context, timeout = 10_000) {
  const isExtensionWorker = (worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout }).catch(() => null);
}

/**
 * A persistent Chromium context on `userDataDir` with the extension in `extensionDir` loaded, and its
 * service worker. `lang` is the browser's UI language (chrome.i18n, navigator.language; Chromium on
 * Linux reads LANGUAGE as well as --lang). `viewport: null` with a headed window keeps the window's
 * size. Throws (and closes the browser) when Chromium, the build or the worker is missing.
 */
export async function launchChromiumWithExtension({
  userDataDir,
  extensionDir = EXTENSION_DIR,
  lang = 'zh-CN',
  headless = true,
  viewport,
  args = [],
  executablePath = findChromium(),
  wrapper,
  workerTimeoutMs = 15_000,
}) {
  if (!executablePath) throw new Error(chromiumNotFoundMessage());
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `Extension build not found: ${path.relative(ROOT, extensionDir) || extensionDir}/manifest.json is missing — run npm run build first`,
    );
  }
  assertUiLocaleInstalled(executablePath, lang);
  // A wrapper is started in Chromium's place and finds the real browser in GONGWEN_CHROMIUM, since
  // Playwright puts its own flags first and a path among them would be taken for a URL.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: wrapper ?? executablePath,
    headless,
    locale: lang,
    ...(viewport === undefined ? {} : { viewport }),
    env: {
      ...process.env,
      LANGUAGE: lang.replace('-', '_'),
      ...(wrapper ? { GONGWEN_CHROMIUM: executablePath } : {}),
    },
    args: [...chromiumArgs({ extensionDir, lang }), ...args],
  });
  const serviceWorker = await extensionServiceWorker(context, workerTimeoutMs);
  if (!serviceWorker) {
    await context.close().catch(() => {});
    throw new Error(
      `Extension service worker did not start within ${workerTimeoutMs / 1000} s — check the build in ${path.relative(ROOT, extensionDir) || extensionDir} ` +
        '(note: branded Google Chrome ≥ 137 ignores --load-extension; use Chromium)',
    );
  }
  const extensionId = new URL(serviceWorker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, serviceWorker, extensionId, page };
}
