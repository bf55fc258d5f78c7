// Issue 24 item 3: study that tests. While study mode is on, no masked phrase shows anywhere in the
// panel (学习 tab, 关键词 tab, 复习 list); the first Space after pressing 学习模式 reveals the first
// blank instead of pressing the switch again (which used to leave study mode).
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { openPortal, panel, panelTab, PARTS, openFromRail } from './helpers';

function ranges(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlight) => {
    const list = [...((CSS.highlights.get(highlight) as Iterable<Range> | undefined) ?? [])];
    return list.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, name);
}

/** All text the panel frame shows (its body's rendered text). */
function panelText(page: Page): Promise<string> {
  return panel(page).locator('body').innerText();
}

test('during study no masked phrase shows in the panel, and the first Space reveals the first blank', async ({
  page,
  fixtureUrl,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await panelTab(page, /^学习/);
  // A part marked 再看 puts its phrases in the 复习 list: they must hide too once study is on.
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[0]}` })
    .getByRole('button', { name: '再看' })
    .click();
  await expect(
    panel(page).getByRole('list', { name: '复习列表' }).getByRole('button', { name: PARTS[0] }),
  ).toBeVisible();
  // Off study, the tab lists the phrases (the answers)…
  await expect(panel(page).locator('.study-terms').first()).toContainText('四个意识');

  const toggle = panel(page).getByRole('button', { name: '学习模式', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await ranges(page, 'gongwen-light-study-blank')).length).toBeGreaterThan(3);
  const blanks = await ranges(page, 'gongwen-light-study-blank');

  // …on study, none of them anywhere in the 学习 tab.
  const hidden = [...new Set(blanks)];
  let text = await panelText(page);
  for (const term of hidden) expect(text, `学习 tab shows ${term}`).not.toContain(term);
  await expect(panel(page).locator('.study-terms').first()).toContainText('个空');

  // The first Space (focus was on the switch just pressed) reveals the first blank and stays in study.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press(' ');
  await expect.poll(() => ranges(page, 'gongwen-light-study-revealed')).toEqual([blanks[0]]);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect.poll(() => ranges(page, 'gongwen-light-study-revealed')).toEqual(blanks.slice(0, 2));

  // The 关键词 tab during study: a count, no phrase.
  await panelTab(page, /^关键词/);
  await expect(panel(page).locator('.study-hidden')).toBeVisible();
  text = await panelText(page);
  for (const term of hidden) expect(text, `关键词 tab shows ${term}`).not.toContain(term);

  // At 1366 × 768 too (the study tab as students see it on a laptop).
  await page.setViewportSize({ width: 1366, height: 768 });
  // At 1366 the page keeps only the rail (issue 24): open the panel from it, as a reader would.
  await openFromRail(page);
  await panelTab(page, /^学习/);
  text = await panelText(page);
  for (const term of hidden) expect(text, `学习 tab at 1366 shows ${term}`).not.toContain(term);

  // Leaving study mode gives the list back.
  await panel(page).getByRole('button', { name: '退出学习模式' }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(panel(page).locator('.study-terms').first()).toContainText('四个意识');
});
