// Shared steps for the reader's end-to-end specs: open a portal page, find the panel's parts.
import type { FrameLocator, Locator, Page, Worker } from '@playwright/test';
import type { PageStatus } from '../../lib/messages';
import { expect } from './harness';

export const PARTS = [
  '一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜',
  '二、党员领导干部切实扛起防疫工作职责，做担当作为的旗帜',
  '三、广大师生党员切实发挥先锋模范作用，作行动表率的旗帜',
] as const;
export const SUB_POINTS = [
  ['要强化政治意识，严明组织责任。', '要坚持问题导向，严抓工作落实。', '要强化宣传教育，关心关爱师生。'],
  ['要主动率先垂范。', '要强化领导责任。'],
  ['要严格要求自己，带头遵规守纪。', '要发挥先锋作用，带头履行义务。'],
] as const;
export const LAYOUTS = ['cms-spans.html', 'br-lines.html', 'table-layout.html', 'late-content.html'] as const;
export const NOT_DOCUMENTS = ['not-notice-list.html', 'not-news-story.html', 'not-menu.html'] as const;

/**
 * The reader's panel page: an extension page in a frame on the portal's page (rail or full panel).
 * Lazy, like every locator: it finds the frame again after a reload.
 */
export function panel(page: Page): FrameLocator {
  return page.locator('gongwen-reader iframe').contentFrame();
}

/**
 * Presses a destructive button the way a person confirms it (components/ConfirmButton.tsx): once to
 * arm it, then again once it shows it is ready (after its 500 ms pause).
 */
export async function confirmClick(button: Locator): Promise<void> {
  await button.click();
  await expect(button).toHaveAttribute('data-confirm', 'ready');
  await button.click();
}

/** A window with room for the panel beside a 1100 px portal column; opens the full panel if it starts folded. */
export async function openPortal(page: Page, url: string, navName: string = '文档导航'): Promise<Locator> {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  return showOutline(page, navName);
}

/** Waits for the reader, opens the full panel from the rail when it is folded, returns the outline. */
export async function showOutline(page: Page, navName: string | RegExp = '文档导航'): Promise<Locator> {
  const nav = outline(page, navName);
  const open = panel(page).getByRole('button', { name: /打开完整目录|Open the full outline/ });
  await expect(nav.or(open)).toBeVisible({ timeout: 10_000 });
  if (await open.isVisible()) await open.click();
  await expect(nav).toBeVisible();
  return nav;
}

/** After a resize to ≤ 1366 px, where the page keeps only the rail: waits for it, opens the panel from it. */
export async function openFromRail(page: Page): Promise<void> {
  const open = panel(page).getByRole('button', { name: /打开完整目录|Open the full outline/ });
  await expect(open).toBeVisible();
  await open.click();
  await expect(panel(page).getByRole('navigation', { name: /文档导航|Document outline/ })).toBeVisible();
}

export function outline(page: Page, name: string | RegExp = '文档导航'): Locator {
  return panel(page).getByRole('navigation', { name });
}

/** A tab of the full panel (目录, 我的收藏, 关键词), selected. */
export async function panelTab(page: Page, name: string | RegExp): Promise<void> {
  const tab = panel(page).getByRole('tab', { name });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The outline's part list items (direct children of its top list). */
export function partItems(nav: Locator): Locator {
  return nav.locator(':scope > ul > li');
}

export function subPointItems(part: Locator): Locator {
  return part.locator(':scope > ul > li');
}

/** Viewport top (CSS px) of the first occurrence of `text` in the page's own document. */
export async function textTop(page: Page, text: string): Promise<number | null> {
  return page.evaluate((needle) => {
    const root = document.body;
    const flat: { node: Text; start: number }[] = [];
    let all = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('gongwen-reader, script, style')) continue;
      flat.push({ node: n as Text, start: all.length });
      all += (n as Text).data;
    }
    const compact = (s: string) => s.replace(/[\s\u3000]/g, '');
    // Search ignoring whitespace, so line-broken markup still matches.
    const map: number[] = [];
    let squeezed = '';
    for (let i = 0; i < all.length; i++) {
      if (!/[\s\u3000]/.test(all[i]!)) {
        map.push(i);
        squeezed += all[i];
      }
    }
    const at = squeezed.indexOf(compact(needle));
    if (at < 0) return null;
    const offset = map[at]!;
    const hit = flat.filter((f) => f.start <= offset).pop()!;
    const range = document.createRange();
    range.setStart(hit.node, offset - hit.start);
    range.setEnd(hit.node, Math.min(hit.node.data.length, offset - hit.start + 1));
    return range.getBoundingClientRect().top;
  }, text);
}

/** Text of the page outside the reader's own UI. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('gongwen-reader').forEach((el) => el.remove());
    return clone.textContent ?? '';
  });
}

/**
 * True when `text` sits at the top of the reading area (just below a fixed header of `header` px),
 * or as high as it can get because the page is scrolled to its end.
 */
export async function landedAtTop(page: Page, text: string, header: number): Promise<boolean> {
  const top = await textTop(page, text);
  if (top === null || top < header) return false;
  if (top < header + 40) return true;
  return page.evaluate(
    () => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1,
  );
}

/**
 * What the page paints for highlight `name`: the computed `::highlight(name)` colours of the first
 * element one of its ranges starts in (or of <body> when none is registered). Read from the
 * browser's style, not from a sheet: the shipped sheet (highlights.css) is not in the page's lists.
 */
export function highlightPaint(page: Page, name: string): Promise<{ color: string; background: string }> {
  return page.evaluate((highlight) => {
    const first = [...((CSS.highlights.get(highlight) as Iterable<Range> | undefined) ?? [])][0];
    const node = first?.startContainer;
    const element = (node instanceof Element ? node : node?.parentElement) ?? document.body;
    const style = getComputedStyle(element, `::highlight(${highlight})`);
    return { color: style.color, background: style.backgroundColor };
  }, name);
}

/** The page's adopted sheets: the reader adopts none on a portal, where the browser put its sheet in before the page. */
export function adoptedSheetCount(page: Page): Promise<number> {
  return page.evaluate(() => document.adoptedStyleSheets.length);
}

/**
 * The detector's verdict on the page open in `page` (what its content script tells the popup), once
 * it has one: null while no content script answers, and still `starting` while the page is read.
 * Asked through the extension's service worker, as the popup asks, of the tab's top frame.
 */
/** The few browser calls the helpers make in the service worker (evaluated there, typed here). */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

export function detectorStatus(page: Page, worker: Worker): Promise<PageStatus | null> {
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) return null;
    try {
      return (
        ((await chrome.tabs.sendMessage(tab.id, { type: 'gongwen:status' }, { frameId: 0 })) as
          PageStatus | undefined) ?? null
      );
    } catch {
      return null; // no content script (yet) in that tab
    }
  }, page.url());
}

/**
 * No reader on the page, checked after the detector gave its verdict (so the check cannot pass
 * because the detector never ran): the verdict is "not served" for the reason given, and nothing of
 * the reader is on the page.
 */
export async function expectNoReader(
  page: Page,
  worker: Worker,
  reasons: readonly string[] = ['no-parts', 'no-signals'],
): Promise<void> {
  let verdict: PageStatus | null = null;
  await expect
    .poll(
      async () => {
        verdict = await detectorStatus(page, worker);
        return verdict && (verdict.found ? 'found' : verdict.reason);
      },
      { timeout: 10_000 },
    )
    .not.toMatch(/^(starting)?$/);
  expect(verdict).toMatchObject({ found: false });
  expect(reasons).toContain((verdict as { reason?: string } | null)?.reason);
  await expect(page.locator('gongwen-reader')).toHaveCount(0);
  await expect(outline(page)).toHaveCount(0);
}

/** What a storage area holds (all keys, or those named), read in the service worker as the writer left it. */
export function stored(
  worker: Worker,
  area: 'local' | 'session' | 'managed' = 'local',
  keys: string | string[] | null = null,
): Promise<Record<string, unknown>> {
  return worker.evaluate(
    async ({ area, keys }) => {
      const areas = (
        globalThis as unknown as {
          chrome: { storage: Record<string, { get(k: string | string[] | null): Promise<Record<string, unknown>> }> };
        }
      ).chrome.storage;
      return areas[area]!.get(keys);
    },
    { area, keys },
  );
}

/**
 * The stored settings (`settings` in storage.local): a test polls them before a reload instead of
 * sleeping past the save's debounce.
 */
export async function storedSettings(worker: Worker): Promise<Record<string, unknown>> {
  return ((await stored(worker, 'local', 'settings')).settings ?? {}) as Record<string, unknown>;
}

/** A stored document record, as far as the specs look into it. */
export interface StoredRecord {
  readonly urls?: string[];
  readonly percent?: number;
  readonly furthest?: number;
  readonly bookmarks?: Record<string, { deleted?: boolean; note?: string }>;
  readonly lastPosition?: unknown;
}

/** The stored document records by their storage key (`doc:…`). */
export async function storedRecords(worker: Worker): Promise<Record<string, StoredRecord>> {
  const all = await stored(worker);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('doc:'))) as Record<
    string,
    StoredRecord
  >;
}

/** The section ids of a record's live bookmarks, sorted. */
export function liveBookmarkIds(record: StoredRecord | undefined): string[] {
  return Object.entries(record?.bookmarks ?? {})
    .filter(([, mark]) => !mark.deleted)
    .map(([id]) => id)
    .sort();
}

/** The texts of the note drafts kept in storage.session (lib/storage/note-drafts.ts). */
export async function storedDrafts(worker: Worker): Promise<string[]> {
  const all = await stored(worker, 'session');
  return Object.entries(all)
    .filter(([key]) => key.startsWith('noteDraft:'))
    .map(([, value]) => String((value as { text?: unknown }).text));
}
