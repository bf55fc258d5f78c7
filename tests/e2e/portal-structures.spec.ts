// Issue 22: structures of real portal pages in the built extension — a covering note is a group of
// its own that the rail, keys and part count leave out, so key n lands on the n-th numeral.
import { test, expect } from './harness';
import { openPortal, panel } from './helpers';

const BANFA_PARTS = ['一、检查目的', '二、检查范围', '三、检查内容', '四、检查方式', '五、整改要求', '六、附则'];

test('on an 印发 note + 办法 page, key n lands on the n-th numeral and the rail starts at 一', async ({
  page,
  fixtureUrl,
}) => {
  const nav = await openPortal(page, fixtureUrl('real/note-banfa.html'));
  // The note is a list item holding its heading, then its own entry, named by its first sentence.
  const note = nav.locator('li.outline-group[data-group="note"]');
  await expect(note.getByRole('heading', { name: '印发说明' })).toBeVisible();
  await expect(note.getByRole('link', { name: '为落实实验室安全责任' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /全校各单位/ })).toHaveCount(0);
  const main = nav.locator('li.outline-group[data-group="main"]');
  await expect(main.getByRole('heading', { name: '实验室安全检查办法' })).toBeVisible();

  await page.keyboard.press('2');
  await expect(nav.getByRole('link', { name: BANFA_PARTS[1] })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('6');
  await expect(nav.getByRole('link', { name: BANFA_PARTS[5] })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('1');
  await expect(nav.getByRole('link', { name: BANFA_PARTS[0] })).toHaveAttribute('aria-current', 'location');

  // "已读 n/N" counts the 办法's six parts, not the note.
  await expect(panel(page).getByRole('main', { name: '公文导读' })).toContainText('/6');
  await panel(page).getByRole('button', { name: '收起导读面板' }).click();
  const rail = panel(page).getByRole('navigation', { name: '快速跳转' });
  await expect(rail.getByRole('list').getByRole('button')).toHaveCount(6);
  await expect(rail.getByRole('list').getByRole('button').first()).toContainText('一');
});

test('a VSB 工作计划 and a WebPlus 制度 are served by themselves', async ({ page, fixtureUrl }) => {
  const plan = await openPortal(page, fixtureUrl('real/vsb-plan.html'));
  await expect(plan.getByRole('link', { name: /^一、工作思路/ })).toBeVisible();
  // Items numbered straight through the parts (1、2、 under 二、, 3、4、 under 三、) are each part's items.
  await expect(plan.locator('[data-section-id="p3.0.3"]').getByRole('link', { name: /^3、上半年/ })).toBeVisible();
  const system = await openPortal(page, fixtureUrl('real/webplus-system.html'));
  await expect(system.getByRole('link', { name: /^二、\s*课代表的职责/ })).toBeVisible();
});
