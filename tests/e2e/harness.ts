// E2E harness: Playwright `test` with the built extension loaded into system Chromium.
//
//   import { test, expect } from './harness';
//   test.use({ uiLocale: 'en-US' });            // optional; default zh-CN
//   test('panel', async ({ page, fixtureUrl, openPopup, extensionId, serviceWorker }) => {
//     await page.goto(fixtureUrl('cms-spans.html'));
//     const popup = await openPopup();          // chrome-extension://<id>/popup.html in a new tab
//   });
//
// Every test gets a fresh temporary profile; `page` is the context's first tab. For persistence across
// browser restarts use the `profileDir` fixture with launchWithProfile(); for a second origin use
// startExtraServer('127.0.0.2').
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_PORTAL_HOST } from '../../scripts/find-chromium.mjs';
import { EXTENSION_DIR, extensionServiceWorker, launchChromiumWithExtension } from '../../scripts/launch-chromium.mjs';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';

export { expect };
export type { RunningServer };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { EXTENSION_DIR };
export const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures');
/**
 * Served by playwright.config.ts `webServer` on 127.0.0.1:4179 (or $E2E_PORT), opened under a `*.edu.cn` name that
 * Chromium resolves there (chromiumArgs), so the pages match the shipped manifest's portals.
 */
export const FIXTURE_PORT = Number(process.env.E2E_PORT ?? 4179);

/**
 * A long test's own time limit, doubled on CI like the config's default (playwright.config.ts): a
 * ceiling on waiting, never a claim about speed.
 */
export function testTime(ms: number): number {
  return process.env.CI ? ms * 2 : ms;
}
export const FIXTURE_ORIGIN = `http://${TEST_PORTAL_HOST}:${FIXTURE_PORT}`;

export interface LaunchOptions {
  /** Browser UI locale: drives chrome.i18n / _locales and navigator.language. Default zh-CN. */
  uiLocale?: string;
  /** Default true. */
  headless?: boolean;
  /** An executable started in Chromium's place (see launch-chromium.d.mts), e.g. tests/e2e/policy.spec.ts's. */
  wrapper?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/** The extension's background service worker (already running, or the next one to start). */
export async function getServiceWorker(context: BrowserContext, timeout = 10_000): Promise<Worker> {
  const worker = await extensionServiceWorker(context, timeout);
  if (!worker) {
    throw new Error(
      `Extension service worker did not start within ${timeout / 1000} s — check the build in ${path.relative(ROOT, EXTENSION_DIR)} ` +
        '(note: branded Google Chrome ≥ 137 ignores --load-extension; use Chromium)',
    );
  }
  return worker;
}

/**
 * Launches Chromium with the built extension on the given profile directory (scripts/launch-chromium.mjs,
 * the launcher the bench and the demo use too). Use it directly for tests that restart the browser on
 * the same profile (persistence); close the returned context yourself.
 */
export async function launchWithProfile(userDataDir: string, options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const { context, extensionId, serviceWorker } = await launchChromiumWithExtension({
    userDataDir,
    lang: options.uiLocale ?? 'zh-CN',
    headless: options.headless ?? true,
    ...(options.wrapper ? { wrapper: options.wrapper } : {}),
  });
  return { context, extensionId, serviceWorker };
}

/** Fresh empty profile directory under the OS temp dir. */
export function makeProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'gongwen-e2e-'));
}

export async function removeProfileDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/**
 * Serves tests/fixtures (or `root`) on another loopback address, e.g. 127.0.0.2, giving a second
 * origin. Port 0 = free port. Call `close()` when done (e.g. in test.afterAll / a finally block).
 */
export function startExtraServer(
  host = '127.0.0.2',
  options: { port?: number; root?: string } = {},
): Promise<RunningServer> {
  return startServer({ root: options.root ?? FIXTURES_DIR, port: options.port ?? 0, host });
}

interface HarnessOptions {
  /** Browser UI locale for the `context` fixture, e.g. test.use({ uiLocale: 'en-US' }). */
  uiLocale: string;
}

interface HarnessFixtures {
  /** The `context` launch result (extension id + service worker), shared by the fixtures below. */
  launched: LaunchedExtension;
  extensionId: string;
  serviceWorker: Worker;
  /** `fixtureUrl('cms-spans.html')` → http://www.example.edu.cn:4179/cms-spans.html */
  fixtureUrl: (name: string) => string;
  /** Opens chrome-extension://<id>/popup.html in `page` (or a new tab) and returns that page. */
  openPopup: (page?: Page) => Promise<Page>;
  /** Empty temp dir (removed after the test) for launchWithProfile() across restarts. */
  profileDir: string;
}

export const test = base.extend<HarnessFixtures & HarnessOptions>({
  uiLocale: ['zh-CN', { option: true }],

  launched: async ({ uiLocale, headless }, use) => {
    const userDataDir = await makeProfileDir();
    const launched = await launchWithProfile(userDataDir, { uiLocale, headless }).catch(async (error: unknown) => {
      await removeProfileDir(userDataDir);
      throw error;
    });
    try {
      await use(launched);
    } finally {
      await launched.context.close().catch(() => {});
      await removeProfileDir(userDataDir);
    }
  },

  context: async ({ launched }, use) => {
    await use(launched.context);
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  serviceWorker: async ({ launched }, use) => {
    await use(launched.serviceWorker);
  },

  extensionId: async ({ launched }, use) => {
    await use(launched.extensionId);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  fixtureUrl: async ({}, use) => {
    await use((name: string) => `${FIXTURE_ORIGIN}/${name.replace(/^\/+/, '')}`);
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(async (page?: Page) => {
      const target = page ?? (await context.newPage());
      await target.goto(`chrome-extension://${extensionId}/popup.html`);
      return target;
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  profileDir: async ({}, use) => {
    const dir = await makeProfileDir();
    try {
      await use(dir);
    } finally {
      await removeProfileDir(dir);
    }
  },
});
