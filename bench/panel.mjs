// The reader's panel on the page, found as a reader finds it: the outline navigation by its role
// and accessible name (scripts/panel-names.mjs: from the locales, the e2e contract), opened from
// the rail if needed.
import { READY_MEASURE } from '../lib/startup/marks';
import { EXPAND_NAME, NAV_NAME } from '../scripts/panel-names.mjs';
import { sleep } from './browser.mjs';

/**
 * Waits for the reader panel. First, cheaply, for the 'ready' measure (a tiny evaluate every 25 ms):
 * Playwright's role locators poll every animation frame and each poll walks the whole DOM computing
 * ARIA roles — on the 100× page that competes with the content script for the main thread and
 * inflated 'ready' by seconds. Then the outline navigation itself, by role, which is up by then.
 */
export async function waitForPanel(page, timeout) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, READY_MEASURE, {
    timeout,
    polling: 25,
  });
  // The reader's panel is an extension page in a frame: role queries there stay off the page's big DOM.
  const scope = page.locator('gongwen-reader iframe').contentFrame();
  const nav = scope.getByRole('navigation', { name: NAV_NAME });
  const expand = scope.getByRole('button', { name: EXPAND_NAME });
  await nav.or(expand).first().waitFor({ state: 'visible', timeout });
  if (!(await nav.isVisible())) {
    await expand.click();
    await nav.waitFor({ state: 'visible', timeout });
  }
  return nav;
}

/** Parts in the outline once it stops growing (or reaches `expected`), polled for up to `timeoutMs`. */
export async function outlineParts(nav, expected, timeoutMs = 15_000) {
  const items = nav.locator(':scope > ul > li');
  const until = Date.now() + timeoutMs;
  let count = await items.count();
  while (count < expected && Date.now() < until) {
    await sleep(100);
    count = await items.count();
  }
  return count;
}
