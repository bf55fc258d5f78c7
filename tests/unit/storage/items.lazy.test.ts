// The content script on every portal page reads only what it needs: the site settings, not every
// stored document (WXT reads an item, and runs its migrations, as soon as the item is defined).
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

it('a portal page that is no document reads the site settings and nothing else', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ documents: { 'url:x': { stale: true } }, sites: {} });
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const repo = await import('../../../lib/storage/settings');
  expect(get).not.toHaveBeenCalled();
  await repo.getSiteSettings('https://news.example.edu.cn');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const keys = get.mock.calls.flatMap(([k]) => (Array.isArray(k) ? k : [k]));
  expect(new Set(keys)).toEqual(new Set(['sites']));
});
