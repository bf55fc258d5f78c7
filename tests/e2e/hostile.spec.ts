// Issue 6: hostile page content shows as plain text in the panel; hostile page CSS leaves it usable.
import { test, expect } from './harness';
import type { Page } from '@playwright/test';
import { panel, panelTab, partItems, showOutline } from './helpers';

/** The hostile page leaves no margin beside its text, so the panel starts folded: open it. */
async function openHostile(page: Page, url: string) {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  return showOutline(page);
}

test('markup in headings and phrases is shown as text, never run', async ({ page, fixtureUrl }) => {
  const nav = await openHostile(page, fixtureUrl('hostile.html'));
  const third = partItems(nav).nth(2).getByRole('link').first();
  await expect(third).toHaveAccessibleName(
    /^三、广大师生党员<img src=x onerror="window.__pwned=1">作行动表率的旗帜<\/style>/,
  );
  await panelTab(page, /^关键词/);
  await expect(
    panel(page)
      .getByRole('list', { name: '关键词' })
      .getByRole('button', { name: /^<\/style>安全网，/ }),
  ).toBeVisible();
  // The panel page renders the page's text as text: no element made from it, nothing run.
  await expect(panel(page).locator('#app img, #app b, #app script')).toHaveCount(0);
  const injected = { img: 0, pwned: await page.evaluate(() => (window as { __pwned?: number }).__pwned ?? 0) };
  expect(injected).toEqual({ img: 0, pwned: 0 });
});

test('hostile page CSS leaves the panel visible and clickable', async ({ page, fixtureUrl }) => {
  const nav = await openHostile(page, fixtureUrl('hostile.html'));
  const link = partItems(nav).nth(1).getByRole('link').first();
  await expect(link).toBeVisible();
  // The top-most element under the link's centre is the reader's own host, not the page's overlay.
  const box = (await link.boundingBox())!;
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(),
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toBe('gongwen-reader');
  const fontSize = await link.evaluate((el) => getComputedStyle(el).fontSize);
  await link.click();
  // No room beside the text here: the panel lay over the page on request, and gives it back after the jump.
  await expect(nav).toBeHidden();
  await expect(
    panel(page).getByRole('navigation', { name: '快速跳转' }).getByRole('button', { name: /^二、/ }),
  ).toHaveAttribute('aria-current', 'location');
  expect(fontSize).not.toBe('15px');
});
