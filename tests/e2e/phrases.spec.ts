// Issue 3: key phrases are highlighted on the page without touching its text, listed with counts and glosses.
import { chromium } from '@playwright/test';
import { test, expect } from './harness';
import { LAYOUTS, openPortal, pageText } from './helpers';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

const SEED_COUNTS: Record<string, number> = {
  四个意识: 1,
  四个自信: 1,
  两个维护: 1,
  两个确立: 1,
  第一责任人: 1,
  一把手: 1,
  早快准严细实: 1,
  我为师生办实事: 1,
  我是党员我担当: 1,
  戴口罩: 1,
  不聚集: 1,
  勤消毒: 1,
  常通风: 1,
  安全网: 1,
};

function phraseList(page: import('@playwright/test').Page) {
  return page.getByRole('list', { name: '关键词' });
}

for (const layout of LAYOUTS) {
  test(`the 关键词 list names the seed's formulae with counts on ${layout}`, async ({ page, fixtureUrl }) => {
    await openPortal(page, fixtureUrl(layout));
    const list = phraseList(page);
    for (const [term, count] of Object.entries(SEED_COUNTS)) {
      const item = list.getByRole('button', { name: new RegExp(`^${term}，`) });
      await expect(item, term).toHaveCount(1);
      await expect(item).toContainText(`${count} 处`);
    }
    const registered = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gongwen-')).sort());
    expect(registered).toEqual(expect.arrayContaining(['gongwen-formula', 'gongwen-measure', 'gongwen-quoted', 'gongwen-requirement']));
  });
}

test('the page text and markup are identical with and without the extension', async ({ page, fixtureUrl }) => {
  test.setTimeout(90_000);
  const plain = await chromium.launch({ executablePath: findChromium() ?? undefined, args: chromiumArgs() /* resolves the portal name as the extension's browser does */ });
  try {
    for (const layout of LAYOUTS) {
      const url = fixtureUrl(layout);
      const bare = await plain.newPage();
      await bare.goto(url);
      await bare.waitForTimeout(layout === 'late-content.html' ? 2500 : 200);
      const bareText = await pageText(bare);
      const bareHtml = await bare.evaluate(() => document.body.innerHTML);
      await bare.close();

      await openPortal(page, url);
      expect(await pageText(page), layout).toBe(bareText);
      const html = await page.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('gongwen-reader').forEach((el) => el.remove());
        return clone.innerHTML;
      });
      expect(html.replace(/\s+$/, ''), layout).toBe(bareHtml.replace(/\s+$/, ''));
    }
  } finally {
    await plain.close();
  }
});

test('glosses show on keyboard focus; activating a phrase scrolls to it', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  const item = phraseList(page).getByRole('button', { name: /^四个意识，/ });
  await item.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: '政治意识、大局意识、核心意识、看齐意识' })).toBeVisible();
  await expect(item).toHaveAccessibleDescription('政治意识、大局意识、核心意识、看齐意识');

  await phraseList(page).getByRole('button', { name: /^早快准严细实，/ }).click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const flash = CSS.highlights.get('gongwen-flash');
        const range = flash ? ([...flash][0] as Range | undefined) : undefined;
        if (!range) return null;
        const rect = range.getBoundingClientRect();
        return rect.top > 0 && rect.bottom < window.innerHeight ? range.toString() : null;
      }),
    )
    .toBe('早快准严细实');
});

test('the highlight toggle and key h are remembered across a reload', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  const sw = page.getByRole('switch', { name: '高亮关键词' });
  await expect(sw).toBeChecked();
  await page.keyboard.press('h');
  await expect(sw).not.toBeChecked();
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gongwen-')).length)).toBe(0);

  await page.reload();
  await expect(page.getByRole('switch', { name: '高亮关键词' })).not.toBeChecked();
  expect(await page.evaluate(() => CSS.highlights.has('gongwen-formula'))).toBe(false);

  await page.getByRole('switch', { name: '高亮关键词' }).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-formula'))).toBe(true);
});

test("the reader's own phrase is added from a selection, survives a reload and can be removed", async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('br-lines.html'));
  const add = page.getByRole('button', { name: '添加选中文字' });
  await expect(add).toBeDisabled();
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('守护好校园安全稳定');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + '守护好校园安全稳定'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await expect(add).toBeEnabled();
  await add.click();
  const mine = phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，我的关键词/ });
  await expect(mine).toContainText('1 处');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gongwen-user')?.size ?? 0)).toBe(1);

  await page.reload();
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '删除“守护好校园安全稳定”' }).click();
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toHaveCount(0);
  await page.reload();
  await expect(phraseList(page)).toBeVisible({ timeout: 10_000 });
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toHaveCount(0);
});
