// What the benchmark and the profiler both do in the browser: launch Chromium with the built
// extension (and wait for its service worker), wait for the page to go quiet, take medians.
import { launchChromiumWithExtension } from '../scripts/launch-chromium.mjs';

export const VIEWPORT = { width: 1600, height: 900 };

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Chromium with the extension in `extensionDir` through the project's one launcher
 * (scripts/launch-chromium.mjs; zh-CN UI, as the e2e harness), the bench's viewport, and the
 * benchmark's marks switched on; throws `makeError(message)` when it cannot start. `extraArgs`:
 * more Chromium flags.
 */
export async function launchWithExtension({
  executablePath,
  userDataDir,
  extensionDir,
  makeError = (m) => new Error(m),
  extraArgs = [],
}) {
  const launched = await launchChromiumWithExtension({
    userDataDir,
    extensionDir,
    executablePath,
    lang: 'zh-CN',
    viewport: VIEWPORT,
    args: extraArgs,
  }).catch((error) => {
    throw makeError(error instanceof Error ? error.message : String(error));
  });
  await askForMarks(launched.serviceWorker);
  return { context: launched.context, worker: launched.serviceWorker, page: launched.page };
}

/**
 * What the benchmark asks of the extension (lib/storage/diagnostics.ts, in extension storage where no page
 * can set it): its timing marks in the page's timeline, and the panel's shadow root open for the
 * role locators. Set again after every storage clear.
 */
export function askForMarks(worker) {
  return worker.evaluate(() => chrome.storage.local.set({ diagnostics: { marks: true, openPanelRoot: true } }));
}

/** Empties the extension's storage (a first visit) and asks for the marks again. */
export async function clearStorage(worker) {
  await worker.evaluate(() => chrome.storage.local.clear());
  await askForMarks(worker);
}

/** Puts storage back to `snapshot` (everything stored, the benchmark's switch included). */
export async function restoreStorage(worker, snapshot) {
  await worker.evaluate((all) => chrome.storage.local.clear().then(() => chrome.storage.local.set(all)), snapshot);
  await askForMarks(worker);
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
