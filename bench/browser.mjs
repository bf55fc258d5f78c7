// What the benchmark and the profiler both do in the browser: launch Chromium with the built
// extension (and wait for its service worker), wait for the page to go quiet, take medians.
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../scripts/find-chromium.mjs';

export const VIEWPORT = { width: 1600, height: 900 };

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Persistent context with the extension in `extensionDir` (zh-CN UI, as tests/e2e/harness.ts), and
 * its service worker; throws `makeError(message)` when the worker does not start. `extraArgs`: more
 * Chromium flags (the corpus run maps *.edu.cn to the local server).
 */
export async function launchWithExtension({ executablePath, userDataDir, extensionDir, makeError = (m) => new Error(m), extraArgs = [] }) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: 'zh-CN',
    viewport: VIEWPORT,
    env: { ...process.env, LANGUAGE: 'zh_CN' },
    args: [...chromiumArgs({ extensionDir, lang: 'zh-CN' }), ...extraArgs],
  });
  const isExtensionWorker = (worker) => worker.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }).catch(() => null));
  if (!worker) {
    await context.close().catch(() => {});
    throw makeError(`the extension service worker did not start — check the build in ${extensionDir}`);
  }
  await askForMarks(worker);
  return { context, worker, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * What the benchmark asks of the extension (lib/storage/diagnostics.ts, in extension storage where no page
 * can set it): its timing marks in the page's timeline, and the panel's shadow root open for the
 * role locators. Set again after every storage clear.
 */
export function askForMarks(worker) {
  return worker.evaluate(() => chrome.storage.local.set({ diagnostics: { marks: true, openPanelRoot: true } }));
}

/** Waits until the main thread has answered timers promptly for `quietMs` (content-script work included), at most `maxMs`. */
export async function waitForQuiet(page, quietMs = 300, maxMs = 10_000) {
  await page.evaluate(
    ([quiet, max]) =>
      new Promise((resolve) => {
        const begin = performance.now();
        let last = begin;
        let calm = 0;
        const tick = () => {
          const now = performance.now();
          calm = now - last < 30 ? calm + (now - last) : 0;
          last = now;
          if (calm >= quiet || now - begin > max) resolve(undefined);
          else setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      }),
    [quietMs, maxMs],
  );
}
