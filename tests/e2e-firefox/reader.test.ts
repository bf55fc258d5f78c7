// The reader in real Firefox (the shipped .output/firefox-mv2 build): the seed page's outline, a
// jump, highlights without a text change, progress and a bookmark across a reload, the popup, a
// page that is no document, a portal added at runtime, and the browser-sync replica in Firefox's storage.sync.
import type { Page } from 'puppeteer-core';
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { NOT_DOCUMENTS, PARTS, SUB_POINTS } from '../e2e/helpers';
import {
  NAV,
  OTHER_HOST,
  currentMark,
  outlineItem,
  pageText,
  panelFrame,
  readOutline,
  sleep,
  textTop,
  useFirefox,
  waitForOutline,
} from './harness';

// `browser` inside extension pages' evaluate() callbacks (popup, options), typed with the polyfill's shapes.
declare const browser: Browser;

/** The fixtures' fixed portal header is 64 px tall; a heading brought to the top sits just below it. */
const HEADER = 64;

// Optional host permissions are granted without the doorhanger prompt (nothing can click it headless);
// the request itself still goes through permissions.request() from the options page.
const ff = useFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });

async function progress(page: Page): Promise<number> {
  return Number(
    await (await panelFrame(page)).$eval('[role="progressbar"]', (bar) => bar.getAttribute('aria-valuenow')),
  );
}

async function bookmarkPressed(page: Page, heading: string): Promise<string | null> {
  const item = await outlineItem(page, heading);
  return item.$eval(':scope > .outline-row button.bookmark', (b) => b.getAttribute('aria-pressed'));
}

describe('the reader in Firefox', () => {
  it('shows the seed page’s outline: three parts with their sub-points, title and issuer', async () => {
    const page = await ff().openPortal('cms-spans.html');
    expect(await readOutline(page)).toEqual(PARTS.map((heading, i) => ({ heading, children: [...SUB_POINTS[i]!] })));
    // The issuer and date sit behind the header's ⓘ (issue 24: the outline keeps the room).
    const frame = await panelFrame(page);
    await frame.click('button.about-toggle');
    await frame.waitForSelector('#gr-doc-about');
    const panel = await frame.$eval('main', (main) => ({
      label: main.getAttribute('aria-label'),
      title: main.querySelector('h1.doc-title')?.textContent,
      text: main.textContent ?? '',
    }));
    expect(panel.label).toBe('公文导读');
    expect(panel.title).toBe('致学院全体师生党员的疫情防控倡议书');
    expect(panel.text).toContain('中共西安海棠职业学院委员会办公室');
    expect(panel.text).toContain('2022年10月6日');
    // The detector → reader bundle handoff lives on the content scripts' sandbox global (Firefox) /
    // isolated world (Chromium): the page's own window sees none of it.
    expect(await page.evaluate(() => Object.keys(window).filter((key) => /gongwen/i.test(key)))).toEqual([]);
    await page.close();
  });

  it('a click on an entry brings its heading to the top, below the fixed header, and marks it current', async () => {
    const page = await ff().openPortal('cms-spans.html');
    expect(await textTop(page, PARTS[1])).toBeGreaterThan(900);
    const item = await outlineItem(page, PARTS[1]);
    await item.$eval(':scope > .outline-row .outline-link', (a) =>
      (a as HTMLElement).scrollIntoView({ block: 'nearest' }),
    );
    await (await item.$(':scope > .outline-row .outline-link'))!.click();
    await expect.poll(() => textTop(page, PARTS[1]), { timeout: 5_000 }).toBeGreaterThanOrEqual(HEADER);
    expect(await textTop(page, PARTS[1])).toBeLessThan(HEADER + 40);
    await expect.poll(() => currentMark(page, PARTS[1])).toBe('location');

    // The in-page keys work too: 3 jumps to the third part.
    await page.keyboard.press('3');
    await expect.poll(() => currentMark(page, PARTS[2])).toBe('location');
    await page.close();
  });

  it('paints key-phrase highlights without changing the page’s text', async () => {
    const page = await ff().openPortal('cms-spans.html');
    // The text as served, parsed by the same browser without the reader.
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    });
    await expect
      .poll(() =>
        page.evaluate(() => Array.from(CSS.highlights.keys()).filter((name) => name.startsWith('gongwen-')).length),
      )
      .toBeGreaterThan(0);
    const painted = await page.evaluate(() =>
      Array.from(CSS.highlights.entries())
        .filter(([name]) => name.startsWith('gongwen-'))
        .flatMap(([, highlight]) => Array.from(highlight, (range) => range.toString())),
    );
    expect(painted.length).toBeGreaterThan(5);
    expect(painted).toContain('守土有责');
    expect(await pageText(page)).toBe(served);
    // No <mark> or other element was put into the article either.
    expect(await page.evaluate(() => document.querySelectorAll('mark, [class*="gongwen"]').length)).toBe(0);
    await page.close();
  });

  it('study mode masks the key phrases with the highlight layer, styled, without changing the page’s text', async () => {
    const page = await ff().openPortal('cms-spans.html');
    const before = await pageText(page);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-formula'))).toBe(true);
    await page.click('body', { offset: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('gongwen-light-study-blank')?.size ?? 0))
      .toBeGreaterThan(5);
    const blanks = await page.evaluate(() =>
      Array.from(CSS.highlights.get('gongwen-light-study-blank')!, (range) => range.toString()),
    );
    expect(blanks).toEqual(expect.arrayContaining(['四个意识', '两个维护']));
    // The blanks' style comes from the sheet Firefox put in before the page (highlights.css): masked, and nothing adopted.
    const styled = await page.evaluate(() => {
      const range = Array.from(CSS.highlights.get('gongwen-light-study-blank')!)[0]!;
      const element = range.startContainer.parentElement!;
      return {
        color: getComputedStyle(element, '::highlight(gongwen-light-study-blank)').color,
        marker: getComputedStyle(document.documentElement).getPropertyValue('--gongwen-reader-highlights').trim(),
        adopted: document.adoptedStyleSheets.length,
      };
    });
    expect(styled.marker).toBe('1');
    expect(styled.adopted).toBe(0);
    expect(styled.color).toBe('rgba(0, 0, 0, 0)');
    expect(await pageText(page)).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('gongwen-light-study-blank'))).toBe(false);
    await page.close();
  });

  it('keeps reading progress and a bookmark after a reload', async () => {
    const page = await ff().openPortal('table-layout.html');
    const start = await progress(page);
    const top = await textTop(page, PARTS[2]);
    await page.evaluate((dy) => window.scrollBy(0, dy), (top ?? 0) - 100);
    await sleep(2200); // lingering counts as reading
    await expect.poll(() => progress(page), { timeout: 5_000 }).toBeGreaterThan(start);
    const reached = await progress(page);

    const second = await outlineItem(page, PARTS[1]);
    await (await second.$(':scope > .outline-row button.bookmark'))!.click();
    await expect.poll(() => bookmarkPressed(page, PARTS[1])).toBe('true');
    await sleep(1200); // past the save throttle

    await page.reload();
    await waitForOutline(page);
    await expect.poll(() => progress(page)).toBeGreaterThanOrEqual(reached);
    expect(await bookmarkPressed(page, PARTS[1])).toBe('true');
    expect(await bookmarkPressed(page, PARTS[0])).toBe('false');
    await page.close();
  });

  it('the popup lists the tab’s document, the recent documents and the bookmark', async () => {
    const page = await ff().openPortal('br-lines.html');
    const third = await outlineItem(page, PARTS[2]);
    await (await third.$(':scope > .outline-row button.bookmark'))!.click();
    await expect.poll(() => bookmarkPressed(page, PARTS[2])).toBe('true');
    await sleep(1200); // past the save throttle
    const popup = await ff().openExtensionPage('popup.html');
    // As the toolbar popup sees it: the portal tab (the popup asks its content script over messages).
    const tabId = await popup.evaluate(async (url) => {
      const tabs = await browser.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? -1;
    }, page.url());
    expect(tabId).toBeGreaterThan(0);
    await popup.close();
    const scoped = await ff().openExtensionPage(`popup.html?tab=${tabId}`);
    const sections = () =>
      scoped.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('section.card')).map((s) => [
            s.querySelector('h2')?.textContent ?? '',
            s.textContent ?? '',
          ]),
        ),
      );
    await expect
      .poll(async () => (await sections())['当前页面'] ?? '', { timeout: 5_000 })
      .toContain('致学院全体师生党员的疫情防控倡议书');
    const shown = await sections();
    expect(shown['当前页面']).toContain(PARTS[0]);
    expect(shown['最近阅读']).toContain('致学院全体师生党员的疫情防控倡议书');
    // This document's bookmarks are listed with it (issue 24: the popup's first screen).
    expect(shown['当前页面']).toContain(PARTS[2]);

    // The toolbar badge (Firefox MV2: browserAction) shows the tab's progress as the panel does.
    const percent = await progress(page);
    expect(await scoped.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId)).toBe(`${percent}%`);
    await scoped.close();
    await page.close();
  });

  it('keyboard commands are registered with their shortcuts and reach the tab’s reader', async () => {
    const page = await ff().openPortal('cms-spans.html');
    const ext = await ff().openExtensionPage('popup.html');
    expect(
      await ext.evaluate(() => browser.i18n.getUILanguage()),
      'Firefox runs in zh-CN (needs firefox-esr-l10n-zh-cn)',
    ).toBe('zh-CN');
    const commands = await ext.evaluate(async () =>
      (await browser.commands.getAll()).map((c) => `${c.name}=${c.shortcut ?? ''}`),
    );
    expect(commands.sort()).toEqual([
      'dock-outline=', // no default key: the reader sets one if wanted
      'next-part=Alt+Shift+Period',
      'previous-part=Alt+Shift+Comma',
      'toggle-highlights=Alt+Shift+H',
      'toggle-panel=Alt+Shift+O',
      'toggle-study=', // no default key either: Chrome suggests four at most
    ]);
    // Synthesized keys never reach the browser's own shortcut handling, so the background's
    // onCommand cannot be pressed from here; what it sends to the tab can (lib/background/commands).
    const tabId = await ext.evaluate(
      async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
      page.url(),
    );
    const send = (command: string) =>
      ext.evaluate((id, c) => browser.tabs.sendMessage(id, { type: 'gongwen:command', command: c }), tabId, command);
    expect(await send('toggle-panel')).toBe(true);
    await (await panelFrame(page)).waitForSelector(NAV, { hidden: true, timeout: 5_000 });
    await send('toggle-panel');
    await (await panelFrame(page)).waitForSelector(NAV, { visible: true, timeout: 5_000 });
    await send('next-part');
    await expect.poll(() => currentMark(page, PARTS[1])).toBe('location');
    await ext.close();
    await page.close();
  });

  for (const name of NOT_DOCUMENTS) {
    it(`leaves ${name} alone: the check runs, nothing is added`, async () => {
      // The reader's timing marks (which show that its check ran) are written only when the
      // benchmark's switch in extension storage asks for them.
      const ext = await ff().openExtensionPage('options.html');
      await ext.evaluate(() => browser.storage.local.set({ diagnostics: { marks: true } }));
      await ext.close();
      const page = await ff().browser.newPage();
      await page.setViewport({ width: 1600, height: 900 });
      await page.goto(ff().fixtureUrl(name));
      // The content script did run here (its check is measured), and decided against a document.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('gongwen-reader:check').length), {
          timeout: 5_000,
        })
        .toBe(1);
      await sleep(1500);
      expect(await page.evaluate(() => document.querySelectorAll('gongwen-reader').length)).toBe(0);
      expect(await page.evaluate(() => performance.getEntriesByName('gongwen-reader:ready').length)).toBe(0);
      expect(
        await page.evaluate(() => Array.from(CSS.highlights.keys()).filter((n) => n.startsWith('gongwen-'))),
      ).toEqual([]);
      await page.close();
    });
  }

  it('a portal added in the options page gets the reader (permission granted, content script registered)', async () => {
    const url = ff().fixtureUrl('cms-spans.html', OTHER_HOST);
    const before = await ff().browser.newPage();
    await before.goto(url);
    await sleep(1500);
    expect(await before.evaluate(() => performance.getEntriesByName('gongwen-reader:check').length)).toBe(0);
    await before.close();

    const options = await ff().openExtensionPage('options.html');
    const origin = new URL(url).origin;
    await options.type('#portal-input', url);
    await options.click('#portals form.add-form button[type="submit"]');
    await options.waitForFunction(
      (o) => document.querySelector('#portals [role="status"]')?.textContent?.includes(o) ?? false,
      { timeout: 5_000 },
      origin,
    );
    // Firefox MV2: the host came from optional_permissions, the script from scripting.registerContentScripts.
    expect(
      await options.evaluate((o) => browser.permissions.contains({ origins: [`${o}/*`] }), origin.replace(/:\d+$/, '')),
    ).toBe(true);
    const registered = await options.evaluate(async () =>
      (await browser.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${(s.matches ?? []).join(',')}`),
    );
    expect(registered).toEqual([`portal:http://${OTHER_HOST} http://${OTHER_HOST}/*`]);

    const after = await ff().openPortal('cms-spans.html', OTHER_HOST);
    expect((await readOutline(after)).map((part) => part.heading)).toEqual([...PARTS]);
    await after.close();

    // Removing the portal takes the script and the permission away again.
    await options.click(`#portals button[aria-label*="${OTHER_HOST}"]`);
    await expect
      .poll(() => options.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).length))
      .toBe(0);
    expect(
      await options.evaluate((o) => browser.permissions.contains({ origins: [`${o}/*`] }), `http://${OTHER_HOST}`),
    ).toBe(false);
    await options.close();
  });

  it('sync, turned on in the options page, keeps a replica of a note in Firefox Sync’s storage.sync', async () => {
    const options = await ff().openExtensionPage('options.html');
    const status = () => options.evaluate(() => document.querySelector('#sync [role="status"]')?.textContent ?? '');
    expect(await options.$eval('#sync input[role="switch"]', (input) => (input as HTMLInputElement).checked)).toBe(
      false,
    );
    await options.click('#sync input[role="switch"]');
    await expect.poll(status, { timeout: 10_000 }).toContain('已同步');
    const id = 'fp:0f0f0f0f0f0f0f0f';
    await options.evaluate(
      (docId) =>
        browser.runtime.sendMessage({
          type: 'gongwen:write',
          op: 'doc.bookmark',
          req: { id: docId, sectionId: 'p1', heading: '一、总体要求', note: '火狐里的备注' },
        }),
      id,
    );
    const replica = () =>
      options.evaluate(async (docId) => {
        const items = Object.values(await browser.storage.sync.get(null)) as {
          i?: string;
          b?: Record<string, unknown[]>;
        }[];
        return items.find((item) => item.i === docId)?.b?.p1?.[1] ?? null;
      }, id);
    await expect.poll(replica, { timeout: 20_000 }).toBe('火狐里的备注');
    // The profile is shared with the tests before: their documents are synced too.
    await expect.poll(status, { timeout: 10_000 }).toMatch(/已同步 [1-9]\d* 篇文档/);
    // Off again: everything stays local.
    await options.click('#sync input[role="switch"]');
    expect(
      await options.evaluate(async () =>
        Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('doc:')),
      ),
    ).toContain(`doc:${id}`);
    await options.close();
  });
});
