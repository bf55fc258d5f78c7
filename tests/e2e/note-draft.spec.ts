// Issue 24 (item 6): notes never lost. Opening the note editor brings 保存备注 into view (not under
// the status strip); a note typed and not saved is back, with word of it, after a reload.
import { test, expect, testTime } from './harness';
import { outline, panel, partItems, storedDrafts } from './helpers';

const DRAFT = '周三组织生活会要讲，还没写完';

test('1366×768: the save button shows when the editor opens; an unsaved note survives a reload', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(testTime(90_000));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('portal-wide.html'));
  const openFull = panel(page).getByRole('button', { name: '打开完整目录' });
  await expect(openFull).toBeVisible({ timeout: 10_000 });
  await openFull.click();
  const nav = outline(page);
  const last = partItems(nav).last();
  await last.getByRole('button', { name: '收藏本节' }).first().click();
  await expect(panel(page).getByRole('status')).toContainText('已收藏');
  await last.getByRole('button', { name: '添加备注' }).click();
  const save = last.getByRole('button', { name: '保存备注' });
  await expect(save).toBeInViewport({ ratio: 1 });
  await last.getByRole('textbox', { name: '备注' }).pressSequentially(DRAFT);
  await page.screenshot({ path: test.info().outputPath('note-editor-1366.png') });

  // Not saved: reload the page once the typed draft is kept (it is written as the reader types).
  await expect.poll(() => storedDrafts(serviceWorker)).toContain(DRAFT);
  await page.reload();
  await expect(openFull).toBeVisible({ timeout: 10_000 });
  await openFull.click();
  const again = partItems(outline(page)).last();
  await again.getByRole('button', { name: '添加备注' }).click();
  await expect(again.getByRole('textbox', { name: '备注' })).toHaveValue(DRAFT);
  await expect(again.getByText('未保存的草稿已恢复')).toBeVisible();
  await expect(again.getByRole('button', { name: '保存备注' })).toBeInViewport({ ratio: 1 });

  // Saved: the note is stored and the draft gone (取消 after reopening offers nothing).
  await again.getByRole('button', { name: '保存备注' }).click();
  await expect(panel(page).getByRole('status')).toContainText('备注已保存');
  await again.getByRole('button', { name: '编辑备注' }).click();
  await expect(again.getByText('未保存的草稿已恢复')).toHaveCount(0);
  await expect(again.getByRole('textbox', { name: '备注' })).toHaveValue(DRAFT);
});
