// Issue 2: the document is found on every portal layout, its outline shown, and navigation lands right.
import { test, expect } from './harness';
import {
  LAYOUTS,
  NOT_DOCUMENTS,
  PARTS,
  SUB_POINTS,
  expectNoReader,
  landedAtTop,
  openPortal,
  outline,
  panel,
  partItems,
  subPointItems,
  textTop,
} from './helpers';

/** The fixtures' fixed portal header is 64 px tall; a heading brought to the top sits just below it. */
const HEADER = 64;

for (const layout of LAYOUTS) {
  test(`outline of parts and sub-points on ${layout}`, async ({ page, fixtureUrl }) => {
    const nav = await openPortal(page, fixtureUrl(layout));
    const parts = partItems(nav);
    await expect(parts).toHaveCount(3);
    for (const [i, heading] of PARTS.entries()) {
      const part = parts.nth(i);
      await expect(part.getByRole('link').first()).toHaveAccessibleName(new RegExp(`^${heading}`));
      const points = subPointItems(part);
      await expect(points).toHaveCount(SUB_POINTS[i]!.length);
      for (const [j, point] of SUB_POINTS[i]!.entries()) {
        await expect(points.nth(j).getByRole('link')).toHaveAccessibleName(new RegExp(`^${point}`));
      }
    }
    const aside = panel(page).getByRole('main', { name: '公文导读' });
    await expect(aside.getByRole('heading', { name: '致学院全体师生党员的疫情防控倡议书' })).toBeVisible();
    await expect(aside).toContainText('倡议书');
    await expect(aside).toContainText('中共西安海棠职业学院委员会办公室');
    await expect(aside).toContainText('2022年10月6日');
  });
}

test('clicking an entry brings its heading to the top, below the fixed header', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await nav.getByRole('link', { name: PARTS[1] }).click();
  await expect.poll(() => textTop(page, PARTS[1])).toBeGreaterThanOrEqual(HEADER);
  expect(await textTop(page, PARTS[1])).toBeLessThan(HEADER + 40);
  await expect(nav.getByRole('link', { name: PARTS[1] })).toHaveAttribute('aria-current', 'location');

  await nav.getByRole('link', { name: SUB_POINTS[0]![1] }).click();
  await expect.poll(() => textTop(page, SUB_POINTS[0]![1])).toBeLessThan(HEADER + 40);
  expect(await textTop(page, SUB_POINTS[0]![1])).toBeGreaterThanOrEqual(HEADER);
  await expect(nav.getByRole('link', { name: SUB_POINTS[0]![1] })).toHaveAttribute('aria-current', 'location');
});

test('keys 1–9 jump to parts, [ and ] step through sections', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('br-lines.html'));
  await page.keyboard.press('3');
  await expect.poll(() => landedAtTop(page, PARTS[2], HEADER)).toBe(true);
  await expect(nav.getByRole('link', { name: PARTS[2] })).toHaveAttribute('aria-current', 'location');

  await page.keyboard.press(']');
  await expect(nav.getByRole('link', { name: SUB_POINTS[2]![0] })).toHaveAttribute('aria-current', 'location');
  await expect.poll(() => landedAtTop(page, SUB_POINTS[2]![0], HEADER)).toBe(true);

  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(nav.getByRole('link', { name: SUB_POINTS[1]![1] })).toHaveAttribute('aria-current', 'location');

  await page.keyboard.press('1');
  await expect.poll(() => landedAtTop(page, PARTS[0], HEADER)).toBe(true);
  await expect(nav.getByRole('link', { name: PARTS[0] })).toHaveAttribute('aria-current', 'location');
});

test('keys do nothing while typing in a field or with a modifier', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('table-layout.html'));
  const before = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'probe';
    input.style.cssText = 'position:fixed;bottom:0;left:0';
    document.body.append(input);
  });
  await page.locator('#probe').focus();
  await page.keyboard.press('3');
  await expect(page.locator('#probe')).toHaveValue('3');
  await page.locator('#probe').blur();
  await page.keyboard.press('Control+2');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
});

test('scrolling marks the section being read as current', async ({ page, fixtureUrl }) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  const top = await textTop(page, SUB_POINTS[1]![1]);
  await page.mouse.wheel(0, top! - HEADER - 20);
  await expect(nav.getByRole('link', { name: SUB_POINTS[1]![1] })).toHaveAttribute('aria-current', 'location');
  await expect(nav.locator('[aria-current="location"]')).toHaveCount(1);
});

test('the panel folds into the rail of parts and opens again', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await panel(page).getByRole('button', { name: '收起导读面板' }).click();
  await expect(outline(page)).toHaveCount(0);
  const rail = panel(page).getByRole('navigation', { name: '快速跳转' });
  await expect(rail.getByRole('list').getByRole('button')).toHaveCount(3);
  await panel(page).getByRole('button', { name: '打开完整目录' }).click();
  await expect(outline(page)).toBeVisible();
});

test('timing marks reach the page only when the benchmark asks for them in extension storage', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  const ours = () =>
    page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.name.startsWith('gongwen-reader:'))
        .map((e) => `${e.entryType} ${e.name}`),
    );
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.waitForTimeout(300);
  expect(await ours()).toEqual([]);

  await serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
    ).chrome.storage.local.set({
      diagnostics: { marks: true },
    }),
  );
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await expect
    .poll(async () => (await ours()).filter((e) => e.startsWith('measure ')).sort())
    .toEqual(['measure gongwen-reader:check', 'measure gongwen-reader:ready']);
  expect(await ours()).toEqual(
    expect.arrayContaining([
      'mark gongwen-reader:start',
      'mark gongwen-reader:detected',
      'mark gongwen-reader:restored',
    ]),
  );
});

for (const name of NOT_DOCUMENTS) {
  test(`nothing appears on ${name}`, async ({ page, fixtureUrl, serviceWorker }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(fixtureUrl(name));
    await expectNoReader(page, serviceWorker);
    expect(await page.evaluate(() => performance.getEntriesByName('gongwen-reader:ready').length)).toBe(0);
  });
}

test('in a short window the outline scrolls itself to keep the current entry in sight', async ({
  page,
  fixtureUrl,
}) => {
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.setViewportSize({ width: 1600, height: 480 });
  const last = nav.getByRole('link', { name: SUB_POINTS[2]![1] });
  await expect(last).not.toBeInViewport({ ratio: 1 });
  const pageY = await page.evaluate(() => scrollY);

  await page.keyboard.press('3');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(last).toHaveAttribute('aria-current', 'location');
  await expect(last).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(pageY); // the page moved to the text, the panel followed

  await page.keyboard.press('1');
  const first = nav.getByRole('link', { name: PARTS[0] });
  await expect(first).toHaveAttribute('aria-current', 'location');
  await expect(first).toBeInViewport({ ratio: 1 });
});
