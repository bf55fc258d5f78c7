// Issue 13: two tabs bookmarking at the same moments lose nothing. Every click in either tab goes
// to the one writer in the background; after a reload all bookmarks are in storage and in both panels.
import type { Locator, Page, Worker } from '@playwright/test';
import { test, expect } from './harness';
import { liveBookmarkIds, openPortal, outline, storedRecords } from './helpers';

const TOGGLE = '收藏本节';

/** Every bookmark toggle of the panel, parts and sub-points, in outline order (10 on these fixtures). */
function toggles(nav: Locator): Locator {
  return nav.getByRole('button', { name: TOGGLE });
}

/** Live bookmarks per stored document. */
async function storedBookmarks(worker: Worker): Promise<Record<string, string[]>> {
  const records = await storedRecords(worker);
  return Object.fromEntries(Object.entries(records).map(([key, record]) => [key, liveBookmarkIds(record)]));
}

async function pressedCount(page: Page): Promise<number> {
  const nav = outline(page);
  await expect(nav).toBeVisible({ timeout: 10_000 });
  return toggles(nav).evaluateAll((buttons) => buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').length);
}

async function reloadBoth(a: Page, b: Page) {
  for (const page of [a, b]) {
    await page.bringToFront();
    await page.reload();
    await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  }
}

test('same document: two tabs clicking at the same moments keep 10 of 10 bookmarks', async ({
  page,
  context,
  fixtureUrl,
  serviceWorker,
}) => {
  const other = await context.newPage();
  const navA = await openPortal(page, fixtureUrl('cms-spans.html'));
  const navB = await openPortal(other, `${fixtureUrl('cms-spans.html')}?from=list`);
  await expect(toggles(navA)).toHaveCount(10);
  await expect(toggles(navB)).toHaveCount(10);
  // The fixture has ten sections: each round, tab A bookmarks one of the first five and tab B one
  // of the last five at the same moment (five rounds, ten bookmarks of one document).
  for (let round = 0; round < 5; round++) {
    await Promise.all([
      toggles(navA).nth(round).click(),
      toggles(navB)
        .nth(9 - round)
        .click(),
    ]);
  }
  await expect.poll(async () => Object.values(await storedBookmarks(serviceWorker)).flat().length).toBe(10);

  await reloadBoth(page, other);
  const stored = await storedBookmarks(serviceWorker);
  expect(Object.keys(stored)).toHaveLength(1);
  expect(Object.values(stored)[0]).toHaveLength(10);
  expect(await pressedCount(page)).toBe(10);
  expect(await pressedCount(other)).toBe(10);
});

test('two documents: two tabs clicking at the same moments keep 10 of 10 bookmarks each', async ({
  page,
  context,
  fixtureUrl,
  serviceWorker,
}) => {
  const other = await context.newPage();
  const navA = await openPortal(page, fixtureUrl('cms-spans.html'));
  const navB = await openPortal(other, fixtureUrl('cms-spans-second.html'));
  await expect(toggles(navA)).toHaveCount(10);
  await expect(toggles(navB)).toHaveCount(10);
  for (let round = 0; round < 10; round++) {
    await Promise.all([toggles(navA).nth(round).click(), toggles(navB).nth(round).click()]);
  }
  await expect
    .poll(async () => Object.values(await storedBookmarks(serviceWorker)).map((ids) => ids.length))
    .toEqual([10, 10]);

  await reloadBoth(page, other);
  expect(Object.values(await storedBookmarks(serviceWorker)).map((ids) => ids.length)).toEqual([10, 10]);
  expect(await pressedCount(page)).toBe(10);
  expect(await pressedCount(other)).toBe(10);
});
