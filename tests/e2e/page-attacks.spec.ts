// Issue 13: page script tries to read and drive the reader. The reader's panel is an extension page
// in a cross-origin frame: the page sees a frame element and nothing inside it. The reader is driven
// by real input only (Playwright's mouse and keyboard); stored data is read through the service worker.
import type { Worker } from '@playwright/test';
import { test, expect, testTime } from './harness';
import { panel, panelTab, showOutline } from './helpers';

const NOTE = '秘密备注XYZ';
const PAGE_PHRASE = '组织引领'; // occurs in cms-spans.html
const PRIVATE_PHRASE = '私密研究方向甲乙'; // occurs nowhere on the page

/** What the attacks aim at, from whatever shape the store has: every value kept under these keys, anywhere. */
const WATCHED_KEYS = ['bookmarks', 'userPhrases', 'highlightsOn', 'panelOpen', 'panelSide', 'resetAt', 'readSections'];

function watched(worker: Worker): Promise<Record<string, string[]>> {
  return worker.evaluate(async (keys) => {
    const chrome = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome;
    const all = await chrome.storage.local.get(null);
    const out: Record<string, string[]> = {};
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (keys.includes(key)) (out[key] ??= []).push(JSON.stringify(inner));
        visit(inner);
      }
    };
    visit(all);
    for (const list of Object.values(out)) list.sort();
    return out;
  }, WATCHED_KEYS);
}

test('page script can neither read nor drive the reader, and the reader keeps working', async ({
  page,
  context,
  extensionId,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(testTime(60_000));
  // The reader's own phrases, added in the options page: one on the page, one private.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const phrases = options.getByRole('region', { name: '我的关键词' });
  for (const phrase of [PAGE_PHRASE, PRIVATE_PHRASE]) {
    await phrases.getByRole('textbox', { name: '新关键词' }).fill(phrase);
    await phrases.getByRole('button', { name: '添加关键词' }).click();
  }
  await expect(phrases.getByRole('list', { name: '我的关键词' }).getByRole('listitem')).toHaveCount(2);
  await options.close();

  // The page listens from its first script on: messages posted to it, and keys reaching it.
  await page.addInitScript(() => {
    const seen = { messages: [] as string[], keys: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    window.addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data) ?? String(e.data)), true);
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
      window.addEventListener(
        type,
        (e) => seen.keys.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data}`),
        true,
      );
    }
  });
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('cms-spans.html'));
  const nav = await showOutline(page);

  // The reader, with real input: bookmark the first section and write a note.
  await nav.getByRole('button', { name: '收藏本节' }).first().click();
  await panel(page).getByRole('button', { name: '添加备注' }).click();
  await panel(page).getByRole('textbox', { name: '备注' }).pressSequentially(NOTE);
  await panel(page).getByRole('button', { name: '保存备注' }).click();
  await expect.poll(async () => (await watched(serviceWorker)).bookmarks?.join() ?? '').toContain(NOTE);
  const before = await watched(serviceWorker);
  expect(before.userPhrases?.join()).toContain(PRIVATE_PHRASE);
  expect(before.highlightsOn).toEqual(['true']);
  const frameBox = (await page.locator('gongwen-reader iframe').boundingBox())!;

  const seenFromPage = await page.evaluate(
    async ({ id, box, note, privatePhrase }) => {
      const host = document.querySelector('gongwen-reader')!;
      const frame = host.shadowRoot?.querySelector('iframe') ?? null;
      const report: Record<string, unknown> = {};
      // Read: the host, its root, the frame's document, the whole page's markup.
      report.hostText = host.textContent;
      report.rootText = host.shadowRoot?.textContent?.replace(/[^\S]+/g, ' ') ?? '';
      report.frameDocument = (() => {
        try {
          return frame?.contentDocument === null ? 'null' : 'readable';
        } catch {
          return 'refused';
        }
      })();
      report.frameLocation = (() => {
        try {
          return String(frame?.contentWindow?.location.href);
        } catch {
          return 'refused';
        }
      })();
      report.markupHasNote = document.documentElement.outerHTML.includes(note);
      report.markupHasPrivatePhrase = document.documentElement.outerHTML.includes(privatePhrase);
      // Drive: synthetic clicks and keys at the panel's place, and at the frame element itself.
      const points = [0.25, 0.5, 0.75].map((f) => ({ x: box.x + box.width / 2, y: box.y + box.height * f }));
      const hit: string[] = [];
      for (const point of points) {
        const el = document.elementFromPoint(point.x, point.y)!;
        hit.push(el.tagName);
        const at = { bubbles: true, composed: true, cancelable: true, clientX: point.x, clientY: point.y };
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          el.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, at) : new MouseEvent(type, at));
        }
        frame?.dispatchEvent(new MouseEvent('click', at));
      }
      report.hit = [...new Set(hit)];
      // Pose as the reader to the panel page, and as the panel to the reader: a forged handshake with
      // a port of the page's own, and action messages in the protocol's shape, every way a page can post.
      const channel = new MessageChannel();
      const forged: unknown[] = [];
      channel.port1.onmessage = (e) => forged.push(e.data);
      const action = (name: string, args: unknown[]) => ({ type: 'gongwen:action', action: { name, args } });
      const messages = [
        action('removeUserPhrase', ['组织引领']),
        action('toggleHighlights', []),
        action('resetProgress', []),
        action('toggleBookmark', ['p2']),
        action('setBookmarkNote', ['p1', 'overwritten']),
        action('setOpen', [false]),
      ];
      for (const nonce of ['', '0', 'guess']) {
        frame?.contentWindow?.postMessage(
          { type: 'gongwen:connect-panel', nonce },
          '*',
          nonce === 'guess' ? [channel.port2] : [],
        );
      }
      for (const message of messages) {
        window.postMessage(message, '*');
        frame?.contentWindow?.postMessage(message, '*');
      }
      // The reader's in-page shortcuts, forged: switch highlights off, jump to part 3, next section.
      const y = scrollY;
      for (const key of ['h', '3', ']']) {
        for (const target of [window, document, document.body])
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      // WXT's own events, named after the extension id (public for a store extension): stop the reader, or start it over.
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'forged' },
        }),
      );
      window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      report.forgedReplies = forged.length;
      report.scrolled = scrollY !== y;
      report.hostStillThere = document.querySelector('gongwen-reader') === host;
      // The highlight registry is shared with the page: every painted range's text.
      const painted: Record<string, string[]> = {};
      for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
        painted[name] = [...highlight].map((r) => r.toString().replace(/\s+/g, ''));
      }
      report.painted = painted;
      report.pageText = document.body.innerText.replace(/\s+/g, '');
      report.timing = performance.getEntries().filter((e) => e.name.startsWith('gongwen')).length;
      report.seen = (window as unknown as { __seen: unknown }).__seen;
      return report;
    },
    { id: extensionId, box: frameBox, note: NOTE, privatePhrase: PRIVATE_PHRASE },
  );

  // Nothing was readable …
  expect(seenFromPage.hostText).toBe('');
  expect(seenFromPage.rootText).not.toContain(NOTE);
  expect(seenFromPage.frameDocument).toBe('null'); // cross-origin: the panel's document is not the page's to read
  expect(seenFromPage.frameLocation).toBe('refused');
  expect(seenFromPage.markupHasNote).toBe(false);
  expect(seenFromPage.markupHasPrivatePhrase).toBe(false);
  expect(seenFromPage.hit).toEqual(['GONGWEN-READER']); // every control is behind the host
  expect(seenFromPage.timing).toBe(0);
  expect(seenFromPage.forgedReplies).toBe(0); // the panel page ignored the forged handshake
  const seen = seenFromPage.seen as { messages: string[]; keys: string[] };
  expect(seen.messages.filter((m) => m.includes(extensionId) || m.includes('wxt') || m.includes(NOTE))).toEqual([]);
  // The note was typed with real keys, in the panel's own document: none of them reached the page.
  expect(seen.keys.filter((k) => /[XYZ秘]/.test(k))).toEqual([]);
  // The highlight registry shows only ranges of the page's own text; a phrase that is not on the page is not there.
  const painted = seenFromPage.painted as Record<string, string[]>;
  const paintedTexts = Object.values(painted).flat();
  expect(paintedTexts.length).toBeGreaterThan(0);
  for (const text of paintedTexts) expect(seenFromPage.pageText as string).toContain(text);
  expect(paintedTexts).not.toContain(PRIVATE_PHRASE);

  // … and nothing changed: no phrase removed, no setting switched, no reset, no bookmark, no note.
  expect(seenFromPage.scrolled).toBe(false);
  expect(seenFromPage.hostStillThere).toBe(true);
  await page.waitForTimeout(1200); // past the reader's save interval
  const after = await watched(serviceWorker);
  const { readSections: readBefore, ...restBefore } = before;
  const { readSections: readAfter, ...restAfter } = after;
  expect(restAfter).toEqual(restBefore);
  for (const list of readBefore ?? []) {
    for (const id of JSON.parse(list) as string[]) expect((readAfter ?? []).join()).toContain(id);
  }

  // The reader still works, with real input.
  await nav.getByRole('button', { name: '收藏本节' }).nth(1).click();
  await expect
    .poll(async () => (await watched(serviceWorker)).bookmarks?.join() ?? '')
    .not.toBe(before.bookmarks?.join() ?? '');
  await page.mouse.click(5, 450); // focus back on the page, then a shortcut
  const y = await page.evaluate(() => scrollY);
  await page.keyboard.press('3');
  await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(y);
  await panelTab(page, /^关键词/);
  await panel(page).getByRole('switch', { name: '高亮关键词' }).click();
  await expect.poll(async () => (await watched(serviceWorker)).highlightsOn).toEqual(['false']);
});

test('a page forcing re-injections with pushState gets a bounded number of reader starts', async ({
  page,
  fixtureUrl,
  serviceWorker,
}) => {
  test.setTimeout(testTime(60_000));
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(fixtureUrl('cms-spans.html'));
  await expect(page.locator('gongwen-reader')).toHaveCount(1, { timeout: 10_000 });
  // Count the reader bundle's injections as the service worker makes them.
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as {
      __injections: number;
      chrome: { scripting: { executeScript: (...args: unknown[]) => Promise<unknown> } };
    };
    g.__injections = 0;
    const original = g.chrome.scripting.executeScript.bind(g.chrome.scripting);
    g.chrome.scripting.executeScript = (...args: unknown[]) => {
      g.__injections++;
      return original(...args);
    };
  });
  // 20 address changes in 8 s, each one a "new article" to a single-page portal's reader.
  await page.evaluate(async () => {
    for (let i = 0; i < 20; i++) {
      history.pushState({}, '', `?article=${i}`);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  });
  await page.waitForTimeout(1500);
  const injections = await serviceWorker.evaluate(
    () => (globalThis as unknown as { __injections: number }).__injections,
  );
  expect(injections).toBeGreaterThan(0); // the reader did follow the page
  expect(injections).toBeLessThanOrEqual(6);
  // The page it ended on still gets its reader, once the tab's share allows another injection.
  await expect(page.locator('gongwen-reader')).toHaveCount(1, { timeout: 20_000 });
  const total = await serviceWorker.evaluate(() => (globalThis as unknown as { __injections: number }).__injections);
  expect(total).toBeLessThanOrEqual(12); // two windows' worth over the whole run
});
