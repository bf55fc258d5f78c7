// Issue 24: older staff read the extension's own pages at a laptop's size. No text in the popup, the
// options page or the review card is smaller than 13 px (secondary lines, counts, labels, badges),
// and their body text is at least 14 px. Measured as the browser computes it, text node by text node,
// with every disclosure open, so a small class anywhere (or a control left at the browser's 13.33 px
// default) shows up by name.
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './harness';
import { openPortal, panel, panelTab, PARTS } from './helpers';

declare const chrome: { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };

const SMALLEST = 13;
const BODY = 14;

async function tabIdOf(page: Page, worker: Worker): Promise<number> {
  return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
}

/** Every shown text (and form control) smaller than `min` px, as "size px: text" lines; and the body's size. */
function smallText(target: Page, min: number): Promise<{ small: string[]; body: number; texts: number }> {
  return target.evaluate((least) => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const small = new Set<string>();
    let texts = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n as Text).data.trim();
      const parent = n.parentElement;
      if (!text || !parent) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue; // not shown
      texts++;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < least) small.add(`${size}px: ${text.slice(0, 24)}`);
    }
    for (const control of document.querySelectorAll(
      'input:not([type=file]):not([type=checkbox]):not([type=radio]), select, textarea',
    )) {
      const el = control as HTMLElement;
      if (!el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < least)
        small.add(`${size}px: <${el.localName} ${el.getAttribute('aria-label') ?? el.getAttribute('name') ?? ''}>`);
    }
    return { small: [...small], body: parseFloat(getComputedStyle(document.body).fontSize), texts };
  }, min);
}

test('popup, options page and review card: no text under 13 px, body text at least 14 px', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(90_000);
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  // A realistic record: a bookmark with a note, a part marked 再看 (fills the popup's lists and the card).
  await nav.getByRole('button', { name: '收藏本节' }).first().click();
  await nav.getByRole('button', { name: '添加备注' }).first().click();
  await nav.getByRole('textbox').first().fill('四个意识要背熟');
  await nav.getByRole('button', { name: '保存' }).first().click();
  await expect(panel(page).getByRole('status')).toContainText('备注已保存');
  await panelTab(page, /^学习/);
  await panel(page)
    .getByRole('group', { name: `标记：${PARTS[0]}` })
    .getByRole('button', { name: '再看' })
    .click();
  const tabId = await tabIdOf(page, serviceWorker);

  const other = await context.newPage();
  const pages = [
    { label: 'popup', path: `popup.html?tab=${tabId}`, size: { width: 400, height: 600 }, ready: '复习卡' },
    { label: 'options', path: 'options.html', size: { width: 1366, height: 768 }, ready: null },
    { label: 'review card', path: `review.html?tab=${tabId}`, size: { width: 1366, height: 768 }, ready: null },
  ] as const;
  for (const { label, path, size, ready } of pages) {
    await other.setViewportSize(size);
    await other.goto(`chrome-extension://${extensionId}/${path}`);
    if (ready) await expect(other.getByRole('region', { name: ready })).toBeVisible();
    await expect(other.getByRole('main')).not.toBeEmpty();
    // The lists are filled from storage after the first paint: measure once their text is in.
    await expect.poll(async () => (await smallText(other, SMALLEST)).texts).toBeGreaterThan(5);
    const { small, body } = await smallText(other, SMALLEST);
    expect.soft(small, `${label}: text under ${SMALLEST} px`).toEqual([]);
    expect.soft(body, `${label}: body text`).toBeGreaterThanOrEqual(BODY);
  }
});
