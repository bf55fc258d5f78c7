// Issue 15: study mode masks the key phrases on the page as cloze blanks without changing its
// text, reveals them one by one, and keeps 会了 / 再看 per part with the document; the 复习 list
// (panel and popup) and the popup's review card show them.
import type { Page } from '@playwright/test';
import { test, expect } from './harness';

declare const chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };
import { adoptedSheetCount, highlightPaint, openPortal, pageText, panel, panelTab, PARTS } from './helpers';

/** The text of each range in a study highlight, in reading order. */
function studyRanges(
  page: Page,
  name: 'gongwen-light-study-blank' | 'gongwen-light-study-revealed',
): Promise<string[]> {
  return page.evaluate((highlight) => {
    const ranges = [...((CSS.highlights.get(highlight) as Iterable<Range> | undefined) ?? [])];
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, name);
}

/** The article's own text (no reader UI) and its markup. */
async function article(page: Page): Promise<{ text: string; html: string }> {
  return {
    text: await pageText(page),
    html: await page.evaluate(() => document.body.innerHTML.replace(/<gongwen-reader[\s\S]*<\/gongwen-reader>/, '')),
  };
}

const PART_ONE_FORMULAE = ['四个意识', '四个自信', '两个维护', '两个确立'];

async function openStudyTab(page: Page): Promise<void> {
  await panelTab(page, /^学习/);
}

test('study mode masks the formulae of part 一 without changing the article, Space reveals the next, 再看 survives a reload', async ({
  page,
  fixtureUrl,
}) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  const before = await article(page);
  await openStudyTab(page);
  const toggle = panel(page).getByRole('button', { name: '学习模式', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Every formula of part 一 is a blank, painted by the highlight layer; the text and markup are untouched.
  await expect
    .poll(() => studyRanges(page, 'gongwen-light-study-blank'))
    .toEqual(expect.arrayContaining(PART_ONE_FORMULAE));
  expect(await article(page)).toEqual(before);
  const blanks = await studyRanges(page, 'gongwen-light-study-blank');
  expect(await studyRanges(page, 'gongwen-light-study-revealed')).toEqual([]);
  // Blanks paint the glyphs transparent on a bar (no layout property can be set on ::highlight()).
  expect((await highlightPaint(page, 'gongwen-light-study-blank')).color).toBe('rgba(0, 0, 0, 0)');
  // From the sheet the browser put in before the page: study mode restyled nothing.
  expect(await adoptedSheetCount(page)).toBe(0);

  // Space on the page reveals the next blank in reading order: the first one from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect.poll(() => studyRanges(page, 'gongwen-light-study-revealed')).toEqual([blanks[0]]);
  expect(await studyRanges(page, 'gongwen-light-study-blank')).toEqual(blanks.slice(1));
  await page.keyboard.press(' ');
  await expect.poll(() => studyRanges(page, 'gongwen-light-study-revealed')).toEqual(blanks.slice(0, 2));
  await expect(panel(page).getByText(`已揭示 2 / ${blanks.length}`).first()).toBeVisible();
  expect(await article(page)).toEqual(before);

  // A click on a masked phrase reveals it.
  const target = blanks.indexOf('两个维护');
  const box = await page.evaluate((needle) => {
    const range = [...(CSS.highlights.get('gongwen-light-study-blank') as Iterable<Range>)].find(
      (r) => r.toString() === needle,
    )!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, '两个维护');
  await page.mouse.click(box.x, box.y);
  await expect
    .poll(async () => (await studyRanges(page, 'gongwen-light-study-revealed')).includes('两个维护'))
    .toBe(true);
  expect(target).toBeGreaterThan(1);

  // A forged key from the page's own script reveals nothing.
  const revealedBefore = (await studyRanges(page, 'gongwen-light-study-revealed')).length;
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true })));
  await page.waitForTimeout(200);
  expect((await studyRanges(page, 'gongwen-light-study-revealed')).length).toBe(revealedBefore);

  // Part 一: 再看; part 二: 会了.
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[0]}` })
    .getByRole('button', { name: '再看' })
    .click();
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[1]}` })
    .getByRole('button', { name: '会了' })
    .click();
  await expect(
    panel(page)
      .getByRole('group', { name: `标记：${PARTS[0]}` })
      .getByRole('button', { name: '再看' }),
  ).toHaveAttribute('aria-pressed', 'true');
  const review = panel(page).getByRole('list', { name: '复习列表' });
  await expect(review.getByRole('button', { name: PARTS[0] })).toBeVisible();
  await expect(review.getByRole('button', { name: PARTS[1] })).toHaveCount(0);

  // Esc leaves study mode: no blanks are left on the page.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-study-blank'))).toBe(false);
  expect(await article(page)).toEqual(before);

  await page.reload();
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await openStudyTab(page);
  const after = panel(page).getByRole('list', { name: '复习列表' });
  const entry = after.locator('li.review-part').filter({ has: panel(page).getByRole('button', { name: PARTS[0] }) });
  await expect(entry).toBeVisible();
  for (const term of PART_ONE_FORMULAE) await expect(entry).toContainText(term);
  await expect(
    panel(page)
      .getByRole('group', { name: `标记：${PARTS[1]}` })
      .getByRole('button', { name: '会了' }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the key s toggles study mode on the page and in the panel', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('br-lines.html'));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-study-blank')?.size ?? 0))
    .toBeGreaterThan(0);
  await expect(panel(page).getByRole('group', { name: '学习模式' })).toBeVisible();
  await panel(page).getByRole('button', { name: '退出学习模式' }).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-study-blank'))).toBe(false);

  // Entering again paints the blanks again, masked.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-study-blank')?.size ?? 0))
    .toBeGreaterThan(0);
  expect((await highlightPaint(page, 'gongwen-light-study-blank')).color).toBe('rgba(0, 0, 0, 0)');
});

test('the popup shows the 复习 list and the review card, which prints and exports to Markdown', async ({
  page,
  context,
  fixtureUrl,
  serviceWorker,
  extensionId,
}) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await nav.getByRole('button', { name: '收藏本节' }).first().click();
  await nav.getByRole('button', { name: '添加备注' }).first().click();
  await nav.getByRole('textbox').first().fill('四个意识要背熟');
  await nav.getByRole('button', { name: '保存' }).first().click();
  await openStudyTab(page);
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[0]}` })
    .getByRole('button', { name: '会了' })
    .click();
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[2]}` })
    .getByRole('button', { name: '再看' })
    .click();
  await expect(
    panel(page).getByRole('list', { name: '复习列表' }).getByRole('button', { name: PARTS[2] }),
  ).toBeVisible();

  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);

  const review = popup.getByRole('region', { name: '复习', exact: true });
  await expect(review.getByRole('button', { name: PARTS[2] })).toBeVisible();
  await expect(review).toContainText('我是党员我担当');

  const card = popup.getByRole('region', { name: '复习卡' });
  const parts = card.getByRole('list').first().locator(':scope > li');
  await expect(parts).toHaveCount(3);
  // Part 一: 会了, with its bookmark and note, and no phrases left to learn; part 三: 再看, with its phrases.
  await expect(parts.nth(0)).toContainText(PARTS[0]);
  await expect(parts.nth(0)).toContainText('会了');
  await expect(parts.nth(0)).toContainText('四个意识要背熟');
  await expect(parts.nth(0)).not.toContainText('待学关键词');
  await expect(parts.nth(1)).toContainText('第一责任人');
  await expect(parts.nth(2)).toContainText('再看');
  await expect(parts.nth(2)).toContainText('我是党员我担当');

  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    card.getByRole('button', { name: '导出 Markdown' }).click(),
  ]);
  const markdown = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(markdown).toContain('# 复习卡：致学院全体师生党员的疫情防控倡议书');
  expect(markdown).toContain(`## ${PARTS[0]}（会了）`);
  expect(markdown).toContain(`- ${PARTS[0]} — 四个意识要背熟`);
  expect(markdown).toMatch(/## 三、[^\n]*（再看）\n\n待学关键词：[^\n]*我是党员我担当/);

  // The print page: one sheet, the buttons off paper.
  const sheet = await context.newPage();
  await sheet.goto(`chrome-extension://${extensionId}/review.html?tab=${tabId}`);
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('致学院全体师生党员的疫情防控倡议书');
  await expect(sheet.getByRole('button', { name: '打印' })).toBeVisible();
  await sheet.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(sheet.getByText('四个意识要背熟')).toBeVisible();
});
