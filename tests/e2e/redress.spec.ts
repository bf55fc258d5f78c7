// Issue 25: destructive actions resist redress. A page can lay a decoy under an invisible panel and
// collect a click; one click on a destructive button must change nothing stored, and only a second,
// unhurried click (≥ 500 ms later, components/ConfirmButton.tsx) acts. Real input only.
import type { Worker } from '@playwright/test';
import { test, expect } from './harness';
import { confirmClick, panel, partItems, showOutline } from './helpers';

const NOTE = '周三组织生活会要讲';

/** The portal document's stored bookmarks (live ones, with their notes) and its last reset. */
function stored(worker: Worker): Promise<{ bookmarks: Record<string, string>; resetAt: number | null }> {
  return worker.evaluate(async () => {
    const chrome = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome;
    const all = await chrome.storage.local.get(null);
    const key = Object.keys(all).find((k) => k.startsWith('doc:'));
    const record = (key ? all[key] : null) as {
      bookmarks?: Record<string, { note: string; deleted?: boolean }>;
      resetAt?: number;
    } | null;
    const bookmarks: Record<string, string> = {};
    for (const [id, b] of Object.entries(record?.bookmarks ?? {})) if (!b.deleted) bookmarks[id] = b.note;
    return { bookmarks, resetAt: record?.resetAt ?? null };
  });
}

test('one click on unbookmark-with-note or reset changes nothing; two unhurried clicks do', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('cms-spans.html'));
  const nav = await showOutline(page);
  const first = partItems(nav).nth(0);
  const toggle = first.getByRole('button', { name: '收藏本节' }).first();
  await toggle.click();
  await first.getByRole('button', { name: '添加备注' }).click();
  await first.getByRole('textbox', { name: '备注' }).fill(NOTE);
  await first.getByRole('button', { name: '保存备注' }).click();
  await expect.poll(async () => Object.values((await stored(serviceWorker)).bookmarks)).toEqual([NOTE]);
  const before = await stored(serviceWorker);

  // One click on each: they arm and say so, then the offers run out; nothing stored changed.
  const reset = panel(page).getByRole('button', { name: '重置进度' });
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('再点一次确认：收藏本节');
  await reset.click();
  await expect(reset).toHaveText('再点一次确认');
  // A hurried second click (a double click on a decoy) is not a confirmation either.
  await reset.dblclick();
  await expect(toggle).not.toHaveAttribute('data-confirm', /./, { timeout: 10_000 });
  await expect(reset).not.toHaveAttribute('data-confirm', /./, { timeout: 10_000 });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await stored(serviceWorker)).toEqual(before);

  // Two clicks with the pause between them act.
  await confirmClick(toggle);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await stored(serviceWorker)).bookmarks).toEqual({});
  await confirmClick(reset);
  await expect(panel(page).getByRole('button', { name: '撤销' })).toBeVisible();
  await expect.poll(async () => (await stored(serviceWorker)).resetAt).not.toBe(before.resetAt);
});
