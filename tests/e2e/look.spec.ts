// Issue 5: the reader speaks the browser's language, stays out of print, and folds on narrow windows.
import { test, expect } from './harness';
import { openPortal, outline, panel, panelTab, PARTS } from './helpers';

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });

  test('the panel uses the English names of the contract', async ({ page, fixtureUrl }) => {
    const nav = await openPortal(page, fixtureUrl('cms-spans.html'), 'Document outline');
    await expect(nav.getByRole('link', { name: PARTS[0] })).toBeVisible();
    await expect(panel(page).getByRole('progressbar', { name: 'Reading progress' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Bookmark section' }).first()).toBeVisible();
    await expect(panel(page).getByRole('main', { name: 'Gongwen Reader' })).toBeVisible();
    await panelTab(page, /^Phrases/);
    await expect(panel(page).getByRole('list', { name: 'Key phrases' })).toBeVisible();
    await expect(outline(page, '文档导航')).toHaveCount(0);
  });
});

test('print media hides the panel', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.emulateMedia({ media: 'print' });
  await expect(nav).toBeHidden();
  await expect(page.locator('gongwen-reader iframe')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(nav).toBeVisible();
});

test('a narrow window starts with the panel folded into the rail, which still opens it', async ({
  page,
  fixtureUrl,
}) => {
  // A 1366×768 laptop and a portal with a 1200 px article column: no room for the panel beside the text.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(fixtureUrl('portal-wide.html'));
  const tab = panel(page).getByRole('button', { name: '打开完整目录' });
  await expect(tab).toBeVisible({ timeout: 10_000 });
  await expect(outline(page)).toHaveCount(0);
  await tab.click();
  await expect(outline(page)).toBeVisible();
});

test('the panel is usable by keyboard with visible focus', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  const link = nav.getByRole('link', { name: PARTS[1] });
  // Reach the link by keyboard (Tab away and back), as a keyboard user would.
  await link.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(link).toBeFocused();
  const outlineStyle = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outlineStyle).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'location');
});
