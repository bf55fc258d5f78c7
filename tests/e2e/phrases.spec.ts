// Issue 3: key phrases are highlighted on the page without touching its text, listed with counts and glosses.
import { chromium, type Page } from '@playwright/test';
import { test, expect, testTime } from './harness';
import {
  LAYOUTS,
  adoptedSheetCount,
  confirmClick,
  highlightPaint,
  openPortal,
  pageText,
  panel,
  panelTab,
  showOutline,
} from './helpers';
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

function phraseList(page: Page) {
  return panel(page).getByRole('list', { name: '关键词' });
}

/** Opens the portal page with the panel's 关键词 tab showing. */
async function openPhrases(page: Page, url?: string) {
  if (url) await openPortal(page, url);
  else await showOutline(page);
  await panelTab(page, /^关键词/);
}

for (const layout of LAYOUTS) {
  test(`the 关键词 list names the seed's formulae with counts on ${layout}`, async ({ page, fixtureUrl }) => {
    await openPhrases(page, fixtureUrl(layout));
    const list = phraseList(page);
    for (const [term, count] of Object.entries(SEED_COUNTS)) {
      const item = list.getByRole('button', { name: new RegExp(`^${term}，`) });
      await expect(item, term).toHaveCount(1);
      await expect(item).toContainText(`${count} 处`);
    }
    const registered = await page.evaluate(() =>
      [...CSS.highlights.keys()].filter((k) => k.startsWith('gongwen-')).sort(),
    );
    expect(registered).toEqual(
      expect.arrayContaining([
        'gongwen-light-formula',
        'gongwen-light-measure',
        'gongwen-light-quoted',
        'gongwen-light-requirement',
      ]),
    );
  });
}

test('the page text and markup are identical with and without the extension', async ({ page, fixtureUrl }) => {
  test.setTimeout(testTime(90_000));
  const plain = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: chromiumArgs() /* resolves the portal name as the extension's browser does */,
  });
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
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  const item = phraseList(page).getByRole('button', { name: /^四个意识，/ });
  await item.focus();
  await expect(
    panel(page).getByRole('tooltip').filter({ hasText: '政治意识、大局意识、核心意识、看齐意识' }),
  ).toBeVisible();
  await expect(item).toHaveAccessibleDescription('政治意识、大局意识、核心意识、看齐意识');

  await phraseList(page)
    .getByRole('button', { name: /^早快准严细实，/ })
    .click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const flash = CSS.highlights.get('gongwen-light-flash');
        const range = flash ? ([...flash][0] as Range | undefined) : undefined;
        if (!range) return null;
        const rect = range.getBoundingClientRect();
        return rect.top > 0 && rect.bottom < window.innerHeight ? range.toString() : null;
      }),
    )
    .toBe('早快准严细实');
});

test('the highlight toggle and key h are remembered across a reload', async ({ page, fixtureUrl }) => {
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  const sw = panel(page).getByRole('switch', { name: '高亮关键词' });
  await expect(sw).toBeChecked();
  await page.keyboard.press('h');
  await expect(sw).not.toBeChecked();
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gongwen-')).length)).toBe(0);

  await page.reload();
  await openPhrases(page);
  await expect(panel(page).getByRole('switch', { name: '高亮关键词' })).not.toBeChecked();
  expect(await page.evaluate(() => CSS.highlights.has('gongwen-light-formula'))).toBe(false);

  await panel(page).getByRole('switch', { name: '高亮关键词' }).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-formula'))).toBe(true);
});

test("the reader's own phrase is added from a selection, survives a reload and can be removed", async ({
  page,
  fixtureUrl,
}) => {
  await openPhrases(page, fixtureUrl('br-lines.html'));
  const add = panel(page).getByRole('button', { name: '添加选中文字' });
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
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-user')?.size ?? 0)).toBe(1);

  await page.reload();
  await openPhrases(page);
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toBeVisible({
    timeout: 10_000,
  });
  await confirmClick(panel(page).getByRole('button', { name: '删除“守护好校园安全稳定”' }));
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toHaveCount(0);
  await page.reload();
  await openPhrases(page);
  await expect(phraseList(page)).toBeVisible({ timeout: 10_000 });
  await expect(phraseList(page).getByRole('button', { name: /^守护好校园安全稳定，/ })).toHaveCount(0);
});

// Issue 10: highlight colours follow the page's own background, not the browser's dark mode.
const paintedRule = (page: Page, name: string) => highlightPaint(page, name);

const legendSample = (page: Page, category: string) =>
  panel(page)
    .locator(`.legend-sample[data-category="${category}"]`)
    .evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));

/** A portal whose white boxes turn dark with the browser's colour scheme (its own stylesheet, as some portals have). */
const DARK_PORTAL_STYLE =
  '@media (prefers-color-scheme: dark) { body, .main-col, .left-side { background: #20252b !important; color: #d8dde3 !important; } }';

test('a white page in a dark-mode browser keeps light highlights, and the legend shows what is painted', async ({
  page,
  fixtureUrl,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  await expect
    .poll(() => paintedRule(page, 'gongwen-light-formula'))
    .toEqual({ color: 'rgb(92, 11, 11)', background: 'rgb(253, 224, 220)' });
  for (const category of ['formula', 'requirement', 'measure', 'quoted']) {
    expect(await legendSample(page, category), category).toEqual(await paintedRule(page, `gongwen-light-${category}`));
  }
  // The browser put the fixed sheet in before the page (no colour-scheme query in it: tests/unit/phrases):
  // painting adopted nothing, so it restyled nothing.
  expect(await adoptedSheetCount(page)).toBe(0);
});

test('a page that turns dark gets the dark palette when the colour scheme changes, legend too', async ({
  page,
  fixtureUrl,
}) => {
  await page.addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  }, DARK_PORTAL_STYLE);
  await page.emulateMedia({ colorScheme: 'light' });
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  await expect
    .poll(() => paintedRule(page, 'gongwen-light-formula'))
    .toEqual({ color: 'rgb(92, 11, 11)', background: 'rgb(253, 224, 220)' });

  await page.emulateMedia({ colorScheme: 'dark' });
  // The palette moves when the page reports the change (its next rendering step), not at once.
  await expect
    .poll(() =>
      page.evaluate(() => CSS.highlights.has('gongwen-dark-formula') && !CSS.highlights.has('gongwen-light-formula')),
    )
    .toBe(true);
  await expect
    .poll(() => paintedRule(page, 'gongwen-dark-formula'))
    .toEqual({ color: 'rgb(255, 227, 223)', background: 'rgb(107, 31, 26)' });
  await expect
    .poll(() => legendSample(page, 'formula'))
    .toEqual({ color: 'rgb(255, 227, 223)', background: 'rgb(107, 31, 26)' });
  expect(await paintedRule(page, 'gongwen-dark-flash')).toEqual({
    color: 'rgb(255, 255, 255)',
    background: 'rgb(150, 98, 0)',
  });

  await page.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(() => legendSample(page, 'formula'))
    .toEqual({ color: 'rgb(92, 11, 11)', background: 'rgb(253, 224, 220)' });
});

test('the phrase list leads with the stressed phrases and says why "添加选中文字" is unavailable', async ({
  page,
  fixtureUrl,
}) => {
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  const list = phraseList(page);
  await expect(list.getByRole('heading', { level: 3 }).first()).toHaveText(/^本文重点/);
  const firstGroup = list.locator(':scope > li').first().getByRole('button');
  await expect(firstGroup).toHaveCount(4);
  await expect(firstGroup.first()).toHaveAccessibleName(/^四个意识，政治表述，1 处$/);
  await expect(panel(page).getByRole('button', { name: '添加选中文字' })).toHaveAccessibleDescription(
    '在正文中选中文字后，可添加为自己的关键词。',
  );
  await expect(panel(page).getByText('在正文中选中文字后，可添加为自己的关键词。')).toBeVisible();
});

test('jumping to a phrase keeps the panel on the phrase list', async ({ page, fixtureUrl }) => {
  await openPhrases(page, fixtureUrl('cms-spans.html'));
  await page.setViewportSize({ width: 1600, height: 640 });
  const scroller = panel(page).locator('.panel-scroll');
  const chip = phraseList(page).getByRole('button', { name: /^常通风，/ });
  await chip.scrollIntoViewIfNeeded();
  const before = await scroller.evaluate((el) => el.scrollTop);
  expect(before).toBeGreaterThan(0); // the list scrolls at this height
  const pageBefore = await page.evaluate(() => scrollY);
  await chip.click();
  // The page moved to the phrase; the panel stays on its list, where the reader was.
  await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(pageBefore);
  await page.waitForTimeout(300);
  await expect(panel(page).getByRole('tab', { name: /^关键词/ })).toHaveAttribute('aria-selected', 'true');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before);
  await expect(chip).toBeInViewport();
});

for (const locale of ['zh-CN', 'en-US'] as const) {
  test.describe(`glosses in ${locale}`, () => {
    test.use({ uiLocale: locale });

    test('stay inside the panel at every width it can take', async ({ page, fixtureUrl }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(fixtureUrl('cms-spans.html'));
      await showOutline(page, locale === 'zh-CN' ? '文档导航' : 'Document outline');
      await panelTab(page, locale === 'zh-CN' ? /^关键词/ : /^Phrases/);
      const box = panel(page).locator('.panel');
      const chips = panel(page)
        .getByRole('list', { name: locale === 'zh-CN' ? '关键词' : 'Key phrases' })
        .getByRole('button', { name: /^(四个意识|四个自信|两个维护|两个确立)[，,]/ });
      await expect(chips).toHaveCount(4);
      // The panel's narrowest widths (the frame is 300 px wide here).
      for (const width of [240, 260, 300]) {
        await box.evaluate((el, w) => ((el as HTMLElement).style.width = `${w}px`), width);
        for (let i = 0; i < 4; i++) {
          const chip = chips.nth(i);
          await chip.scrollIntoViewIfNeeded();
          await chip.focus();
          const tip = panel(page).getByRole('tooltip');
          await expect(tip).toBeVisible();
          const [tipBox, panelBox, chipBox] = await Promise.all([
            tip.boundingBox(),
            box.boundingBox(),
            chip.boundingBox(),
          ]);
          const where = `${width}px, chip ${i}`;
          expect(tipBox!.x, where).toBeGreaterThanOrEqual(panelBox!.x);
          expect(tipBox!.x + tipBox!.width, where).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
          expect(chipBox!.x + chipBox!.width, where).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
          // Every line of the gloss is whole: its text is not wider than its box.
          expect(await tip.evaluate((el) => el.scrollWidth <= el.clientWidth), where).toBe(true);
        }
      }
    });
  });
}
