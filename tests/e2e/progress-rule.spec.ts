// Issue 10, "progress a reader can trust": a section is read only when its text has been on screen
// long enough to read half of it at 500 characters a minute; a jump reads nothing; 继续阅读 goes
// back to where reading last happened; a reset can be undone. On a short notice (parts of ~170
// characters, so reading half of one takes about 11 s).
import type { Locator, Page } from '@playwright/test';
import { test, expect, testTime } from './harness';
import { confirmClick, panel, showOutline, textTop } from './helpers';

const FIXTURE = 'short-notice.html';
const PARTS = [
  '一、加强组织领导，压实安全责任',
  '二、开展安全检查，消除各类隐患',
  '三、严格值班值守，做好应急处置',
  '四、关心留校学生，加强安全教育',
] as const;
/** Height of the portal's fixed top bar. */
const HEADER = 60;

function outline(page: Page): Locator {
  return panel(page).getByRole('navigation', { name: '文档导航' });
}

/** The outline entry (link) of part `index` (0-based). */
function partLink(page: Page, index: number): Locator {
  return outline(page).locator(':scope > ul > li').nth(index).getByRole('link').first();
}

async function percent(page: Page): Promise<number> {
  return Number(await panel(page).getByRole('progressbar', { name: '阅读进度' }).getAttribute('aria-valuenow'));
}

async function open(page: Page, url: string) {
  // Wide enough for the panel to sit beside the 1200 px portal column, so it stays open after jumps.
  await page.setViewportSize({ width: 1760, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await showOutline(page);
}

/** Scrolls the page (not the panel) so `text` sits just below the fixed bar. */
async function bringToTop(page: Page, text: string) {
  const top = await textTop(page, text);
  await page.evaluate((dy) => window.scrollBy(0, dy), (top ?? 0) - HEADER - 8);
}

async function expectRead(page: Page, index: number, read: boolean) {
  const link = partLink(page, index);
  if (read) await expect(link).toHaveAccessibleName(/（已读）$/, { timeout: 20_000 });
  else await expect(link).not.toHaveAccessibleName(/已读/);
}

test('a jump to the last part reads nothing', async ({ page, fixtureUrl }) => {
  await open(page, fixtureUrl(FIXTURE));
  await partLink(page, 3).click();
  await expect.poll(async () => (await textTop(page, PARTS[3])) ?? 9999).toBeLessThan(HEADER + 40);
  // Right after landing: nothing read, neither the part jumped to nor the parts jumped past.
  expect(await percent(page)).toBe(0);
  for (let i = 0; i < 4; i++) await expectRead(page, i, false);
  await expect(panel(page).getByText('已读 0/4 部分')).toBeVisible();
  // A few seconds there are a start on part 四, not reading it.
  await page.waitForTimeout(3000);
  await expectRead(page, 3, false);
  expect(await percent(page)).toBeLessThan(4);
});

test('scrolling through a part slowly enough marks it read; passing it quickly does not', async ({
  page,
  fixtureUrl,
}) => {
  test.setTimeout(testTime(60_000));
  await open(page, fixtureUrl(FIXTURE));
  // Quickly past part 一 and 二 to part 三: a screen a second is no reading.
  for (const part of PARTS.slice(0, 3)) {
    await bringToTop(page, part);
    await page.waitForTimeout(400);
  }
  await bringToTop(page, PARTS[1]);
  await page.waitForTimeout(300);
  // Now part 二 slowly, a few lines' worth of scrolling over ~15 s, as a reader does.
  const started = Date.now();
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.scrollBy(0, 6));
        return partLink(page, 1).getAttribute('aria-label');
      },
      { timeout: 25_000, intervals: [1000] },
    )
    .toMatch(/（已读）$/);
  // Half of ~170 characters at 500 a minute is about 10 s: it cannot have come sooner.
  expect(Date.now() - started).toBeGreaterThan(9000);
  await expectRead(page, 0, false);
  await expectRead(page, 2, false);
  await expect(panel(page).getByText('已读 1/4 部分')).toBeVisible();
  expect(await percent(page)).toBeGreaterThanOrEqual(8);
});

test('继续阅读 after a jump returns to the place read last, also after a reload', async ({ page, fixtureUrl }) => {
  test.setTimeout(testTime(45_000));
  await open(page, fixtureUrl(FIXTURE));
  await bringToTop(page, PARTS[1]);
  // Reading here for some seconds (RESUME_RUN_MS, 6 s, after the first tick) makes it the place to come back to.
  await page.waitForTimeout(9000);
  await partLink(page, 3).click();
  await expect.poll(async () => (await textTop(page, PARTS[3])) ?? 9999).toBeLessThan(HEADER + 40);

  const resume = panel(page).getByRole('button', { name: '继续阅读' });
  await expect(resume).toBeVisible();
  await resume.click();
  await expect.poll(async () => (await textTop(page, PARTS[1])) ?? 9999).toBeLessThan(HEADER + 80);
  expect((await textTop(page, PARTS[1])) ?? -1).toBeGreaterThan(HEADER - 40);
  await expect(resume).toBeHidden();

  // Jump away again, let the save run, reload: the stored place is where reading was, not the jump.
  await partLink(page, 3).click();
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const again = panel(page).getByRole('button', { name: '继续阅读' });
  await expect(again).toBeVisible();
  await again.click();
  await expect.poll(async () => (await textTop(page, PARTS[1])) ?? 9999).toBeLessThan(HEADER + 80);
  expect((await textTop(page, PARTS[1])) ?? -1).toBeGreaterThan(HEADER - 40);
});

test('reset is undoable: read marks, percent and 继续阅读 come back, also after a reload', async ({
  page,
  fixtureUrl,
}) => {
  test.setTimeout(testTime(60_000));
  await open(page, fixtureUrl(FIXTURE));
  await bringToTop(page, PARTS[0]);
  await expectRead(page, 0, true);
  const before = await percent(page);
  expect(before).toBeGreaterThan(0);

  await confirmClick(panel(page).getByRole('button', { name: '重置进度' }));
  await expect(panel(page).getByText('已重置')).toBeVisible();
  expect(await percent(page)).toBe(0);
  await expectRead(page, 0, false);
  const undo = panel(page).getByRole('button', { name: '撤销' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(panel(page).getByRole('status')).toContainText('已恢复本文的阅读进度');
  await expectRead(page, 0, true);
  expect(await percent(page)).toBeGreaterThanOrEqual(before);
  await expect(panel(page).getByRole('button', { name: '重置进度' })).toBeVisible();

  await page.waitForTimeout(1500); // past the save throttle
  const kept = await percent(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.reload();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  await expectRead(page, 0, true);
  expect(await percent(page)).toBeGreaterThanOrEqual(kept);
  // The resume point came back with the rest.
  await panel(page).getByRole('button', { name: '继续阅读' }).click();
  await expect.poll(async () => (await textTop(page, PARTS[0])) ?? 9999).toBeLessThan(HEADER + 120);
});

test('a reset left alone stays done once the undo offer ends', async ({ page, fixtureUrl }) => {
  test.setTimeout(testTime(45_000));
  await open(page, fixtureUrl(FIXTURE));
  await bringToTop(page, PARTS[1]);
  await page.waitForTimeout(9000);
  expect(await percent(page)).toBeGreaterThan(0);
  await confirmClick(panel(page).getByRole('button', { name: '重置进度' }));
  // Off the article text at once, so nothing is read after the reset.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const undo = panel(page).getByRole('button', { name: '撤销' });
  await expect(undo).toBeVisible();
  await expect(undo).toBeHidden({ timeout: 10_000 });
  await expect(panel(page).getByRole('button', { name: '重置进度' })).toBeVisible();
  await page.reload();
  await expect(outline(page)).toBeVisible({ timeout: 10_000 });
  expect(await percent(page)).toBe(0);
  await expect(panel(page).getByText('已读 0/4 部分')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: '继续阅读' })).toHaveCount(0);
});

test('the popup and the toolbar badge show the same percent as the panel', async ({
  page,
  context,
  fixtureUrl,
  serviceWorker,
  extensionId,
}) => {
  test.setTimeout(testTime(45_000));
  await open(page, fixtureUrl(FIXTURE));
  await bringToTop(page, PARTS[1]);
  await page.waitForTimeout(9000);
  // Off the article (footer only), so the percent holds still; then past the save throttle.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(2500);
  const shown = await percent(page);
  expect(shown).toBeGreaterThan(0);

  const tabId = await serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
      .chrome;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  const badge = await serviceWorker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
  expect(badge).toBe(`${shown}%`);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const current = popup.getByRole('region', { name: '当前页面' });
  await expect(current.getByRole('progressbar', { name: '阅读进度' })).toHaveAttribute('aria-valuenow', String(shown));
  await expect(current).toContainText('已读 0/4 部分');
  // The recent list reads the stored record: its percent comes from the same rule.
  await expect(popup.getByRole('region', { name: '最近阅读' })).toContainText(`${shown}%`);
});
