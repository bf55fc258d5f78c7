// Issue 10: the reader on the screens people use. On a portal with a 1200 px centred article, the
// parts are one-click targets on every window from 1024 px up, the reader's UI never covers a line of
// the article's text (closed, and open where it fits), and its layout choices survive a reload.
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { PARTS, confirmClick, landedAtTop, openFromRail, outline, panel, showOutline, storedSettings } from './helpers';

const WIDE = 'portal-wide.html';
const HEADER = 64;

const ARTICLE = '.arti_title, .v_news_content';

/** The article text's line boxes in view, in viewport px (the document's own text, not the reader's). */
function textRects(
  page: Page,
  selector = ARTICLE,
): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate((roots) => {
    const out: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const root of document.querySelectorAll(roots)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!(n as Text).data.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
            out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        }
      }
    }
    return out;
  }, selector);
}

/** Text line boxes that the reader's frame covers. */
async function coveredText(page: Page, selector = ARTICLE) {
  const box = await page.locator('gongwen-reader iframe').boundingBox();
  if (!box) throw new Error('no reader frame');
  const ui = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  return (await textRects(page, selector)).filter(
    (r) => r.left < ui.right && r.right > ui.left && r.top < ui.bottom && r.bottom > ui.top,
  );
}

const railPart = (page: Page, index: number) =>
  panel(page)
    .getByRole('navigation', { name: '快速跳转' })
    .getByRole('button', { name: new RegExp(`^${PARTS[index]}`) });

const SIZES = [
  { name: '1366×768', width: 1366, height: 768 },
  { name: '1280×720', width: 1280, height: 720 },
  // 1366×768 at 125 % browser zoom: the page lays out in a 1093×614 CSS-px viewport.
  { name: '1366×768 at 125 %', width: 1093, height: 614 },
  { name: '1024×768', width: 1024, height: 768 },
  { name: '1920×1080', width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`${size.name}: parts one click away without a prior click, no article text covered`, async ({
    page,
    fixtureUrl,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(fixtureUrl(WIDE));
    const wide = size.width >= 1920;
    // No click before: on a laptop the rail of parts, on a wide screen the panel (its parts row) beside the text.
    const partTwo = wide
      ? panel(page)
          .getByRole('navigation', { name: '快速跳转' })
          .getByRole('button', { name: new RegExp(`^${PARTS[1]}`) })
      : railPart(page, 1);
    await expect(partTwo).toBeVisible({ timeout: 10_000 });
    if (wide) await expect(outline(page)).toBeVisible();
    else await expect(outline(page)).toHaveCount(0);
    await page.waitForTimeout(300); // fonts and the last placement settle
    expect(await coveredText(page)).toEqual([]);

    await partTwo.click();
    await expect.poll(() => landedAtTop(page, PARTS[1], HEADER)).toBe(true);
    await expect(partTwo).toHaveAttribute('aria-current', 'location');
    expect(await coveredText(page)).toEqual([]);
  });
}

test('1366×768: the full outline opens from the rail in one action, over the margin, and gives the page back after a jump', async ({
  page,
  fixtureUrl,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl(WIDE));
  const nav = await showOutline(page);
  await expect(nav.getByRole('link', { name: PARTS[2] })).toBeVisible();
  await nav.getByRole('link', { name: PARTS[2] }).click();
  await expect.poll(() => landedAtTop(page, PARTS[2], HEADER)).toBe(true);
  await expect(outline(page)).toHaveCount(0);
  await expect(railPart(page, 2)).toHaveAttribute('aria-current', 'location');
  expect(await coveredText(page)).toEqual([]);
  // Escape closes it too.
  await showOutline(page);
  await page.keyboard.press('Escape');
  await expect(outline(page)).toHaveCount(0);
});

test("1366×768: opened beside a portal's side column, the panel leaves a 工作计划's right-aligned 落款 uncovered", async ({
  page,
  fixtureUrl,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('work-plan-signature.html'));
  const article = '.content h1, .wp_articlecontent';
  const signature = '.wp_articlecontent p.right';
  const frame = page.locator('gongwen-reader iframe');
  await expect(panel(page).getByRole('button', { name: '打开完整目录' })).toBeVisible({ timeout: 10_000 });
  // The end of the plan in view: its issuer and date, right-aligned at the text's edge.
  await page.locator(signature).last().scrollIntoViewIfNeeded();
  await expect.poll(async () => (await textRects(page, signature)).length).toBe(2);
  const rail = (await frame.boundingBox())!;
  await openFromRail(page);
  // Over the side column's margin, which holds it whole, on the rail's side: no line of the plan covered.
  await expect.poll(() => coveredText(page, article)).toEqual([]);
  const opened = (await frame.boundingBox())!;
  expect(opened.x < 1366 / 2).toBe(rail.x < 1366 / 2);
  expect(opened.width).toBeGreaterThanOrEqual(240);
});

test('1920×1080: open or folded, side, width and text size are kept after a reload', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl(WIDE));
  const nav = await showOutline(page);
  const frame = page.locator('gongwen-reader iframe');
  const before = (await frame.boundingBox())!;
  expect(before.x).toBeGreaterThan(1920 / 2); // on the right by default

  await panel(page).getByRole('button', { name: '面板移到左侧' }).click();
  await expect.poll(async () => (await frame.boundingBox())!.x).toBeLessThan(1920 / 2);
  const size = panel(page).getByRole('button', { name: '增大字号' });
  await size.click();
  await size.click();
  await expect(panel(page).getByRole('group', { name: '字号 18' })).toBeVisible();
  const handle = panel(page).getByRole('separator', { name: '调整面板宽度' });
  for (let i = 0; i < 3; i++) await handle.press('ArrowRight'); // the left panel's edge moves right: wider
  await expect(handle).toHaveAttribute('aria-valuenow', String(300 + 60));
  await expect.poll(async () => Math.round((await frame.boundingBox())!.width)).toBe(360);
  expect(await coveredText(page)).toEqual([]);
  // The width is saved once the drag rests: reload only once all four choices are stored.
  await expect
    .poll(async () => {
      const { panelSide, panelWidth, textSize } = await storedSettings(serviceWorker);
      return [panelSide, panelWidth, textSize];
    })
    .toEqual(['left', 360, 18]);

  await page.reload();
  await expect(nav).toBeVisible({ timeout: 10_000 });
  await expect(panel(page).getByRole('group', { name: '字号 18' })).toBeVisible();
  await expect.poll(async () => (await frame.boundingBox())!.x).toBeLessThan(1920 / 2);
  await expect.poll(async () => Math.round((await frame.boundingBox())!.width)).toBe(360);

  // Folded stays folded.
  await panel(page).getByRole('button', { name: '收起导读面板' }).click();
  await expect(outline(page)).toHaveCount(0);
  await expect.poll(async () => (await storedSettings(serviceWorker)).panelOpen).toBe(false);
  await page.reload();
  await expect(railPart(page, 0)).toBeVisible({ timeout: 10_000 });
  await expect(outline(page)).toHaveCount(0);
  expect(await coveredText(page)).toEqual([]);
});

test('the keyboard hint shows the first time and stays away once dismissed', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(fixtureUrl(WIDE));
  await showOutline(page);
  // Folded behind the header's ⓘ, marked new until seen (issue 24: the outline keeps the room).
  const about = panel(page).getByRole('button', { name: '文档信息与快捷键' });
  await expect(about).toHaveClass(/fresh/);
  await about.click();
  const hint = panel(page).getByRole('region', { name: '快捷键提示' });
  await expect(hint).toContainText('1–9');
  await hint.getByRole('button', { name: '知道了' }).click();
  await expect(hint).toHaveCount(0);
  await expect.poll(async () => (await storedSettings(serviceWorker)).keysHintDismissed).toBe(true);
  await page.reload();
  await showOutline(page);
  // Seen: no longer marked new, and the folded disclosure keeps it out of the way.
  await expect(about).not.toHaveClass(/fresh/);
  await expect(panel(page).getByRole('region', { name: '快捷键提示' })).toHaveCount(0);
});

test('one current row and no stray focus ring after a click and then a key', async ({ page, fixtureUrl }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl(WIDE));
  const nav = await showOutline(page);
  await nav.getByRole('link', { name: PARTS[1] }).click();
  await page.keyboard.press('3');
  await expect(nav.getByRole('link', { name: PARTS[2] })).toHaveAttribute('aria-current', 'location');
  await expect(nav.locator('[aria-current="location"]')).toHaveCount(1);
  // The clicked row keeps no focus (so no ring can show on it once keys are used).
  expect(await nav.getByRole('link', { name: PARTS[1] }).evaluate((el) => el.matches(':focus'))).toBe(false);
});

test('bookmarking confirms it, and 我的收藏 lists the section with its note and a jump', async ({
  page,
  fixtureUrl,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl(WIDE));
  const nav = await showOutline(page);
  const third = nav.locator(':scope > ul > li').nth(2);
  await third.getByRole('button', { name: '收藏本节' }).first().click();
  await expect(panel(page).getByRole('status')).toContainText(`已收藏：${PARTS[2]}`);
  await third.getByRole('button', { name: '添加备注' }).click();
  await third.getByRole('textbox', { name: '备注' }).fill('周三组织生活会要讲');
  await third.getByRole('button', { name: '保存备注' }).click();
  await expect(panel(page).getByRole('status')).toContainText('备注已保存');

  await panel(page)
    .getByRole('tab', { name: /^我的收藏/ })
    .click();
  const mine = panel(page).getByRole('list', { name: '我的收藏' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('周三组织生活会要讲');
  await mine.getByRole('button', { name: PARTS[2], exact: true }).click();
  await expect.poll(() => landedAtTop(page, PARTS[2], HEADER)).toBe(true);
  await confirmClick(mine.getByRole('button', { name: `取消收藏：${PARTS[2]}` }));
  await expect(panel(page).getByRole('status')).toContainText(`已取消收藏：${PARTS[2]}`);
  await expect(mine).toHaveCount(0);
});
