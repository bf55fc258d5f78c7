// Issue 5: the reader speaks the browser's language, stays out of print, and folds on narrow windows.
import { test, expect } from './harness';
import { openPortal, outline, PARTS } from './helpers';

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });

  test('the panel uses the English names of the contract', async ({ page, fixtureUrl }) => {
    const nav = await openPortal(page, fixtureUrl('cms-spans.html'), 'Document outline');
    await expect(nav.getByRole('link', { name: PARTS[0] })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Key phrases' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Bookmark section' }).first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Gongwen Reader' })).toBeVisible();
    await expect(outline(page, '文档导航')).toHaveCount(0);
  });
});

test('print media hides the panel', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.emulateMedia({ media: 'print' });
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: '展开导读面板' })).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });
  await expect(nav).toBeVisible();
});

test('a narrow window starts with the panel folded into a tab, which still opens', async ({ page, fixtureUrl }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(fixtureUrl('cms-spans.html'));
  const tab = page.getByRole('button', { name: '展开导读面板' });
  await expect(tab).toBeVisible({ timeout: 10_000 });
  await expect(outline(page)).toHaveCount(0);
  await tab.click();
  await expect(outline(page)).toBeVisible();
});

test('the panel is usable by keyboard with visible focus', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  const link = nav.getByRole('link', { name: PARTS[1] });
  await link.focus();
  const outlineStyle = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outlineStyle).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'location');
});
