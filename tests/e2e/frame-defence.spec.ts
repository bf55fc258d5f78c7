// Issue 25: the page cannot hide, restyle, navigate or remove the reader's panel frame. Its own
// sheet and inline styles do not make the frame invisible; a look-alike it loads into the frame is
// replaced by the panel; a host removed and put back 200 times leaves a working panel. Each change
// is made by the page's own script; the reader is then used with real input.
import type { Page, Worker } from '@playwright/test';
import { test, expect, testTime } from './harness';
import { liveBookmarkIds, openPortal, panel, partItems, storedRecords } from './helpers';

/** Every bookmark stored, as "section id" strings. */
async function bookmarkedSections(worker: Worker): Promise<string[]> {
  return Object.values(await storedRecords(worker)).flatMap((record) => liveBookmarkIds(record));
}

/** What the page sees of the frame's look: the host's and the frame's computed styles. */
function frameLook(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('gongwen-reader') as HTMLElement;
    const frame = host.shadowRoot!.querySelector('iframe')!;
    const h = getComputedStyle(host);
    const f = getComputedStyle(frame);
    const r = frame.getBoundingClientRect();
    return {
      hostOpacity: h.opacity,
      hostTransform: h.transform,
      hostFilter: h.filter,
      frameOpacity: f.opacity,
      frameTransform: f.transform,
      frameClip: f.clipPath,
      inView: r.width > 100 && r.height > 100 && r.left >= 0 && r.right <= innerWidth + 1,
    };
  });
}

const VISIBLE = {
  hostOpacity: '1',
  hostTransform: 'none',
  hostFilter: 'none',
  frameOpacity: '1',
  frameTransform: 'none',
  frameClip: 'none',
  inView: true,
};

test("the page's sheet and inline styles cannot make the panel invisible or move it", async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(testTime(60_000));
  const nav = await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent =
      'gongwen-reader { opacity: 0 !important; transform: translateX(-3000px) !important; filter: opacity(0) !important; }';
    document.head.append(style);
    const host = document.querySelector('gongwen-reader') as HTMLElement;
    host.style.setProperty('opacity', '0', 'important');
    const frame = host.shadowRoot!.querySelector('iframe')!;
    frame.style.setProperty('opacity', '0', 'important');
    frame.style.setProperty('left', '-5000px', 'important');
    frame.style.setProperty('clip-path', 'inset(50%)', 'important');
  });
  await expect.poll(() => frameLook(page)).toEqual(VISIBLE);
  // Still the reader's to use.
  await partItems(nav).nth(1).getByRole('button', { name: '收藏本节' }).first().click();
  await expect.poll(() => bookmarkedSections(serviceWorker)).toHaveLength(1);
});

test('a look-alike page loaded into the frame is replaced by the panel', async ({ page, fixtureUrl }) => {
  test.setTimeout(testTime(90_000));
  await openPortal(page, fixtureUrl('cms-spans.html'));
  const frameSrc = () =>
    page.evaluate(() =>
      document.querySelector('gongwen-reader')!.shadowRoot!.querySelector('iframe')!.getAttribute('src'),
    );
  const ours = await frameSrc();
  expect(ours).toMatch(/^chrome-extension:\/\/.+\/sidepanel\.html$/);
  const showsLookAlike = () => page.frames().some((f) => f.url().includes('fake-panel.html'));

  // By its address…
  await page.evaluate(
    () => (document.querySelector('gongwen-reader')!.shadowRoot!.querySelector('iframe')!.src = '/fake-panel.html'),
  );
  await expect.poll(frameSrc).toBe(ours);
  await expect.poll(showsLookAlike).toBe(false);
  await expect(panel(page).getByRole('navigation', { name: '文档导航' })).toBeVisible({ timeout: 15_000 });

  // …and by navigating the frame's window, which leaves the address as it was.
  await page.evaluate(() => {
    const frame = document.querySelector('gongwen-reader')!.shadowRoot!.querySelector('iframe')!;
    frame.contentWindow!.location.href = `${location.origin}/fake-panel.html`;
  });
  await expect.poll(showsLookAlike).toBe(true);
  // It never reports in over a port, so the reader sends the frame back (REPORT_IN_MS, 15 s).
  await expect.poll(showsLookAlike, { timeout: 40_000 }).toBe(false);
  await expect(panel(page).getByRole('navigation', { name: '文档导航' })).toBeVisible({ timeout: 15_000 });
});

test('removing and putting back the host 200 times leaves a working panel', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(testTime(90_000));
  await openPortal(page, fixtureUrl('cms-spans.html'));
  await page.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      const host = document.querySelector('gongwen-reader');
      host?.remove();
      if (host && !host.isConnected) document.body.append(host);
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
  await expect(page.locator('gongwen-reader')).toHaveCount(1);
  const nav = panel(page).getByRole('navigation', { name: '文档导航' });
  await expect(nav).toBeVisible({ timeout: 20_000 });
  await partItems(nav).nth(0).getByRole('button', { name: '收藏本节' }).first().click();
  await expect.poll(() => bookmarkedSections(serviceWorker), { timeout: 10_000 }).toHaveLength(1);
});
