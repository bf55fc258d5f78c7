// Issue 12: settings have one owner. A key phrase added in the options page while a panel is open
// shows in that panel at once, and one added in the panel afterwards does not drop it: both are
// listed without a reload and both are still there after one.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect } from './harness';
import { confirmClick, openPortal, panel, panelTab, showOutline } from './helpers';

const FROM_OPTIONS = '组织引领';
const FROM_PANEL = '守护好校园安全稳定';

function phraseItem(page: Page, term: string) {
  return panel(page)
    .getByRole('list', { name: '关键词' })
    .getByRole('button', { name: new RegExp(`^${term}，我的关键词`) });
}

/** Opens the options page in a tab of its own and adds `phrase` there; returns its 我的关键词 region. */
async function addInOptions(context: BrowserContext, extensionId: string, phrase: string): Promise<Locator> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const mine = options.getByRole('region', { name: '我的关键词' });
  await mine.getByRole('textbox', { name: '新关键词' }).fill(phrase);
  await mine.getByRole('button', { name: '添加关键词' }).click();
  await expect(mine.getByRole('list', { name: '我的关键词' }).getByRole('listitem')).toHaveText([new RegExp(phrase)]);
  return mine;
}

/** Selects the first occurrence of `text` in the page's own text. */
async function selectInPage(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${wanted}`);
  }, text);
}

test('a phrase added in the options page and one added in the panel both show without reload and survive one', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
}) => {
  await openPortal(page, fixtureUrl('br-lines.html'));
  await panelTab(page, /^关键词/);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(0);

  // The options page in its own tab of the same browser, while the panel stays open.
  const mine = await addInOptions(context, extensionId, FROM_OPTIONS);

  // The open panel follows the stored settings: listed and painted with no reload. (The page's tab
  // is not brought to the front: in headless Chromium that stops clicks reaching the panel's frame.)
  await expect(phraseItem(page, FROM_OPTIONS)).toContainText('1 处');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-user')?.size ?? 0)).toBe(1);

  // Then one from a selection in the panel: the first is kept beside it.
  await selectInPage(page, FROM_PANEL);
  const add = panel(page).getByRole('button', { name: '添加选中文字' });
  await expect(add).toBeEnabled();
  await add.click();
  await expect(phraseItem(page, FROM_PANEL)).toContainText('1 处');
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-user')?.size ?? 0)).toBe(2);

  // The options page lists both too, without a reload of its own.
  await expect(mine.getByRole('list', { name: '我的关键词' }).getByRole('listitem')).toHaveText([
    new RegExp(FROM_OPTIONS),
    new RegExp(FROM_PANEL),
  ]);

  await page.reload();
  await showOutline(page);
  await panelTab(page, /^关键词/);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(1);
  await expect(phraseItem(page, FROM_PANEL)).toHaveCount(1);
});

test('a phrase removed in the options page leaves the open panel, and the panel adding another does not bring it back', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
}) => {
  const mine = await addInOptions(context, extensionId, FROM_OPTIONS);

  await openPortal(page, fixtureUrl('br-lines.html'));
  await panelTab(page, /^关键词/);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(1);

  await confirmClick(mine.getByRole('button', { name: new RegExp(`删除.*${FROM_OPTIONS}`) }));
  await expect(mine.getByRole('list', { name: '我的关键词' }).getByRole('listitem')).toHaveCount(0);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(0);

  await selectInPage(page, FROM_PANEL);
  await panel(page).getByRole('button', { name: '添加选中文字' }).click();
  await expect(phraseItem(page, FROM_PANEL)).toHaveCount(1);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(0);

  await page.reload();
  await showOutline(page);
  await panelTab(page, /^关键词/);
  await expect(phraseItem(page, FROM_PANEL)).toHaveCount(1);
  await expect(phraseItem(page, FROM_OPTIONS)).toHaveCount(0);
});
