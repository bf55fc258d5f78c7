// Issue 15: bookmarks, notes and progress follow the reader to another computer through the
// browser's own sync, opt-in. Two browser profiles run at once; each syncs to its own
// chrome.storage.sync (a profile that is not signed in keeps the area and enforces its quotas
// locally), and the test relays items between the two profiles' areas as Chrome sync would. The
// shipped build has no other area to sync to (issue 25: no test switch in the store build).
import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  test,
  expect,
  launchWithProfile,
  makeProfileDir,
  removeProfileDir,
  getServiceWorker,
  FIXTURE_ORIGIN,
  type LaunchedExtension,
  testTime,
} from './harness';
import { PARTS, panel, panelTab, showOutline } from './helpers';

/** The extension APIs inside the service worker (evaluated there). */
declare const chrome: {
  storage: {
    local: { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const SYNC_SWITCH = '通过浏览器同步收藏、备注和阅读进度';

interface Profile extends LaunchedExtension {
  dir: string;
}

async function launchProfile(): Promise<Profile> {
  const dir = await makeProfileDir();
  const launched = await launchWithProfile(dir).catch(async (error: unknown) => {
    await removeProfileDir(dir);
    throw error;
  });
  return { ...launched, dir };
}

async function closeProfile(profile: Profile): Promise<void> {
  await profile.context.close().catch(() => {});
  await removeProfileDir(profile.dir);
}

/** The profile's service worker now (the one from launch may have been stopped and restarted). */
function worker(context: BrowserContext): Promise<Worker> {
  return getServiceWorker(context);
}

/**
 * What Chrome sync does between two computers: every item one profile's area holds that the
 * other's lacks or holds differently is written into the other's (its background then hears the
 * change as a change of its sync area).
 */
async function relay(from: BrowserContext, to: BrowserContext): Promise<void> {
  const items = await (await worker(from)).evaluate(() => chrome.storage.sync.get(null));
  await (
    await worker(to)
  ).evaluate(async (incoming) => {
    const current = await chrome.storage.sync.get(null);
    const changed = Object.fromEntries(
      Object.entries(incoming).filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v)),
    );
    if (Object.keys(changed).length > 0) await chrome.storage.sync.set(changed);
  }, items);
}

async function openOptions(profile: Profile): Promise<Page> {
  const page = await profile.context.newPage();
  await page.goto(`chrome-extension://${profile.extensionId}/options.html`);
  return page;
}

async function turnSyncOn(profile: Profile): Promise<Page> {
  const options = await openOptions(profile);
  const toggle = options.getByRole('switch', { name: SYNC_SWITCH });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(options.getByRole('status').filter({ hasText: /已同步 \d+ 篇文档/ })).toBeVisible();
  return options;
}

async function localRecords(profile: Profile): Promise<Record<string, unknown>> {
  const all = await (await worker(profile.context)).evaluate(() => chrome.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('doc:')));
}

test.describe.configure({ mode: 'serial' });

test("a bookmark with a note made in one profile appears in the other profile's open panel without a reload", async () => {
  test.setTimeout(testTime(120_000));
  const [a, b] = await Promise.all([launchProfile(), launchProfile()]);
  try {
    await turnSyncOn(a);
    await turnSyncOn(b);
    const url = `${FIXTURE_ORIGIN}/portal-wide.html`;

    // Profile B has the document open, its bookmarks tab showing nothing yet.
    const pageB = b.context.pages()[0]!;
    await pageB.setViewportSize({ width: 1920, height: 1080 });
    await pageB.goto(url);
    await showOutline(pageB);
    await pageB.evaluate(() => ((window as unknown as { __sameVisit: boolean }).__sameVisit = true));
    await panelTab(pageB, /^我的收藏/);
    const mineB = panel(pageB).getByRole('list', { name: '我的收藏' });
    await expect(mineB).toHaveCount(0);

    // Profile A bookmarks part 三 and writes a note.
    const pageA = a.context.pages()[0]!;
    await pageA.setViewportSize({ width: 1920, height: 1080 });
    await pageA.goto(url);
    const nav = await showOutline(pageA);
    const third = nav.locator(':scope > ul > li').nth(2);
    await third.getByRole('button', { name: '收藏本节' }).first().click();
    await third.getByRole('button', { name: '添加备注' }).click();
    await third.getByRole('textbox', { name: '备注' }).fill('周三组织生活会要讲');
    await third.getByRole('button', { name: '保存备注' }).click();
    await expect(panel(pageA).getByRole('status')).toContainText('备注已保存');

    // Chrome sync carries A's items to B (and B's to A) until B's open panel shows the note.
    await expect(async () => {
      await relay(a.context, b.context);
      await relay(b.context, a.context);
      await expect(mineB).toContainText('周三组织生活会要讲', { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(mineB.getByRole('button', { name: PARTS[2], exact: true })).toBeVisible();
    expect(await pageB.evaluate(() => (window as unknown as { __sameVisit?: boolean }).__sameVisit)).toBe(true);

    // Both sides keep one merged record: A's own note is still there.
    const [recordA] = Object.values(await localRecords(a)) as { bookmarks: Record<string, { note: string }> }[];
    expect(Object.values(recordA!.bookmarks).map((m) => m.note)).toContain('周三组织生活会要讲');
  } finally {
    await Promise.all([closeProfile(a), closeProfile(b)]);
  }
});

/** A stored document record as the writer keeps it (format 3), read `minutesAgo` minutes ago, with one long note. */
function seededRecord(n: number, now: number) {
  const id = `fp:${(0xa0000000 + n).toString(16)}${'0'.repeat(8)}`;
  const at = now - (20 - n) * 60_000;
  return {
    id,
    title: `关于做好第${n}批教学检查工作的通知`,
    issuer: '教务处',
    date: '2024年3月1日',
    kind: '通知',
    urls: [`${FIXTURE_ORIGIN}/doc-${n}.html`],
    textLength: 6000,
    furthest: 1000,
    percent: 10,
    readSections: ['p1'],
    ledger: { p1: 600 },
    sectionTitles: { p1: '一、总体要求' },
    parts: [{ id: 'p1', heading: '一、总体要求' }],
    bookmarks: {
      p1: {
        sectionId: 'p1',
        heading: '一、总体要求',
        note: `第${n}篇的备注：`.padEnd(150, '记'),
        createdAt: at,
        updatedAt: at,
      },
    },
    lastReadAt: at,
    updatedAt: at,
    resetAt: 0,
    v: 3,
  };
}

test('a full sync area and a spent write quota keep every local record, and the options page says so', async () => {
  test.setTimeout(testTime(120_000));
  const a = await launchProfile();
  try {
    const now = Date.now();
    const seeded = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => seededRecord(i + 1, now)).map((r) => [`doc:${r.id}`, r]),
    );
    // Another version of the reader on another computer already fills most of the sync area.
    const others = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`g2.other${i}`, 'x'.repeat(8000)]));
    await a.serviceWorker.evaluate(
      async ([records, items]) => {
        await chrome.storage.local.set(records);
        await chrome.storage.sync.set(items);
      },
      [seeded, others] as const,
    );

    const options = await turnSyncOn(a);
    const left = options.getByRole('status').getByText(/另有 \d+ 篇较早的文档只保存在本机/);
    await expect(left).toBeVisible();
    const synced = Number((await options.getByText(/已同步 \d+ 篇文档/).textContent())!.match(/\d+/)![0]);
    const notSynced = Number((await left.textContent())!.match(/\d+/)![0]);
    expect(synced).toBeGreaterThan(0);
    expect(synced + notSynced).toBe(12);
    expect(await localRecords(a)).toEqual(seeded);

    // This computer has just used up the browser's per-minute write quota (120 writes).
    const refused = await (
      await worker(a.context)
    ).evaluate(async () => {
      for (let i = 0; i < 400; i += 1) {
        try {
          await chrome.storage.sync.set({ 'zz.spent': i });
        } catch (error) {
          return String(error);
        }
      }
      return null;
    });
    expect(refused).toContain('MAX_WRITE_OPERATIONS_PER_MINUTE');
    // A new note now cannot be synced.
    await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'gongwen:write',
        op: 'doc.bookmark',
        req: { id: 'fp:a000000c00000000', sectionId: 'p2', heading: '二、工作安排', note: '配额用尽时写下的备注' },
      }),
    );
    await expect(options.getByRole('status').getByText('浏览器限制了同步的写入次数')).toBeVisible({ timeout: 20_000 });
    const after = (await localRecords(a)) as Record<string, { bookmarks: Record<string, { note: string }> }>;
    expect(Object.keys(after).sort()).toEqual(Object.keys(seeded).sort());
    expect(after['doc:fp:a000000c00000000']?.bookmarks.p2?.note).toBe('配额用尽时写下的备注');
    expect(after['doc:fp:a000000c00000000']?.bookmarks.p1?.note).toBe(
      seeded['doc:fp:a000000c00000000']!.bookmarks.p1.note,
    );
    for (const key of Object.keys(seeded).filter((k) => k !== 'doc:fp:a000000c00000000'))
      expect(after[key]).toEqual(seeded[key]);
  } finally {
    await closeProfile(a);
  }
});

test("the replica goes to the browser's own storage.sync, and a diagnostics switch cannot move it", async () => {
  test.setTimeout(testTime(60_000));
  const a = await launchProfile();
  try {
    // The switch today's e2e build no longer has: set anyway, it changes nothing.
    await a.serviceWorker.evaluate(() => chrome.storage.local.set({ diagnostics: { fakeSync: true } }));
    const options = await turnSyncOn(a);
    const id = 'fp:0e0e0e0e0e0e0e0e';
    await options.evaluate(
      (docId) =>
        chrome.runtime.sendMessage({
          type: 'gongwen:write',
          op: 'doc.bookmark',
          req: { id: docId, sectionId: 'p1', heading: '一、总体要求', note: '浏览器同步里的备注' },
        }),
      id,
    );
    const replica = async () => {
      const items = Object.values(await (await worker(a.context)).evaluate(() => chrome.storage.sync.get(null))) as {
        i?: string;
        b?: Record<string, unknown[]>;
      }[];
      return items.find((item) => item.i === id)?.b?.p1?.[1] ?? null;
    };
    await expect.poll(replica, { timeout: 20_000 }).toBe('浏览器同步里的备注');
    await expect(options.getByRole('status').getByText('已同步 1 篇文档。')).toBeVisible();
    const fake = await (await worker(a.context)).evaluate(() => chrome.storage.local.get('fakeSyncArea'));
    expect(fake).toEqual({});
  } finally {
    await closeProfile(a);
  }
});

test('"clear all data" clears the browser account too: sync on again brings nothing back, not even another computer\'s old copy', async () => {
  test.setTimeout(testTime(90_000));
  const a = await launchProfile();
  try {
    const options = await turnSyncOn(a);
    const id = 'fp:0c0c0c0c0c0c0c0c';
    await options.evaluate(
      (docId) =>
        chrome.runtime.sendMessage({
          type: 'gongwen:write',
          op: 'doc.bookmark',
          req: { id: docId, sectionId: 'p1', heading: '一、总体要求', note: '要清除的备注' },
        }),
      id,
    );
    const syncItems = async () => (await worker(a.context)).evaluate(() => chrome.storage.sync.get(null));
    await expect.poll(async () => JSON.stringify(await syncItems()), { timeout: 20_000 }).toContain('要清除的备注');
    // What another computer that synced before the clear still holds.
    const before = await syncItems();

    const data = options.getByRole('region', { name: '数据' });
    await data.getByRole('button', { name: '清除全部数据…' }).click();
    await expect(data.getByText(/也删除经由浏览器同步保存的副本/)).toBeVisible();
    await expect(data.getByRole('button', { name: '确定清除' })).toHaveAttribute('data-confirm', 'ready');
    await data.getByRole('button', { name: '确定清除' }).click();
    await expect(data.getByRole('status').last()).toContainText('已清除全部数据，包括浏览器同步中的副本');
    expect(Object.keys(await syncItems())).toEqual(['clearedAt']);
    expect(await localRecords(a)).toEqual({});

    // The other computer, not yet aware of the clear, pushes its old copy back into the account.
    await (await worker(a.context)).evaluate((items) => chrome.storage.sync.set(items), before);
    await options.reload();
    const toggle = options.getByRole('switch', { name: SYNC_SWITCH });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(options.getByRole('status').getByText('已同步 0 篇文档。')).toBeVisible({ timeout: 20_000 });
    expect(await localRecords(a)).toEqual({});
    // …and the old items are not kept as this computer's either.
    await expect.poll(async () => JSON.stringify(await syncItems()), { timeout: 20_000 }).not.toContain('要清除的备注');
  } finally {
    await closeProfile(a);
  }
});
