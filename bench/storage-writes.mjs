// Storage writes: storage.local writes of stored documents while scrolling a document for ~10 s,
// counted in the service worker with the bytes they wrote.
import { clearStorage, sleep, waitForQuiet } from './browser.mjs';
import { waitForPanel } from './panel.mjs';
import { wheelScroll } from './scroll.mjs';

const STORAGE_WINDOW_MS = 10_000;

/**
 * storage.local writes of stored documents (each its own 'doc:' key since issue 13), counted in the
 * service worker during ~10 s of scrolling, with the bytes they wrote.
 */
export async function storageWritesWhileScrolling(worker, page, url, prepare = () => clearStorage(worker)) {
  await page.goto('about:blank');
  await prepare();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitForPanel(page, 60_000);
  await waitForQuiet(page, 500);
  await worker.evaluate(() => {
    const g = globalThis;
    g.__benchWrites = [];
    if (!g.__benchListening) {
      g.__benchListening = true;
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local') return;
        const keys = Object.keys(changes).filter((key) => key.startsWith('doc:') || key === 'documents');
        if (keys.length === 0) return;
        const bytes = keys.reduce((sum, key) => sum + JSON.stringify(changes[key].newValue ?? null).length, 0);
        g.__benchWrites.push({ at: Date.now(), bytes, keys: Object.keys(changes).length });
      });
    }
  });
  const t0 = Date.now();
  const scroll = await wheelScroll(page, { untilMs: STORAGE_WINDOW_MS });
  const t1 = Date.now();
  await sleep(2_000); // the trailing save after the last scroll
  const writes = await worker.evaluate(() => globalThis.__benchWrites);
  const inWindow = writes.filter((w) => w.at >= t0 && w.at <= t1);
  const during = inWindow.length;
  const seconds = (t1 - t0) / 1000;
  const kB = inWindow.reduce((sum, w) => sum + w.bytes, 0) / 1024;
  const keysPerWrite = during ? inWindow.reduce((sum, w) => sum + w.keys, 0) / during : 0;
  return {
    during,
    trailing: writes.filter((w) => w.at > t1).length,
    seconds,
    perSecond: during / seconds,
    kB,
    keysPerWrite,
    steps: scroll.steps,
  };
}
