// Issue 13: page script tries to read and drive the reader, with the panel exactly as shipped (closed
// shadow root). The reader is driven by real input only: Playwright's mouse and keyboard (trusted
// events) at positions read through the DevTools protocol, which sees into closed roots as the
// browser does. Stored data is read through the extension's service worker.
import type { CDPSession, Page, Worker } from '@playwright/test';
import { test, expect } from './harness';

test.use({ panelRoot: 'closed' });

const NOTE = '秘密备注XYZ';
const PAGE_PHRASE = '组织引领'; // occurs in cms-spans.html
const PRIVATE_PHRASE = '私密研究方向甲乙'; // occurs nowhere on the page

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

const attrs = (node: DomNode): Record<string, string> => {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
};

const textOf = (node: DomNode): string =>
  node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join('');

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

/** The panel's shadow root as the browser holds it (DevTools sees closed roots). */
async function panelRoot(cdp: CDPSession): Promise<(DomNode & { shadowRootType?: string }) | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  for (const node of walk(root)) if (node.nodeName === 'GONGWEN-READER') return node.shadowRoots?.[0] ?? null;
  return null;
}

/** Centre of the `index`-th element in the panel that `match` accepts, scrolled into view; null when none. */
async function panelPoint(
  cdp: CDPSession,
  match: (a: Record<string, string>, text: string, node: DomNode) => boolean,
  index = 0,
): Promise<{ x: number; y: number } | null> {
  const root = await panelRoot(cdp);
  if (!root) return null;
  const hits = [...walk(root)].filter((n) => n.nodeType === 1 && match(attrs(n), textOf(n), n));
  const node = hits[index];
  if (!node) return null;
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
  const q = model.content;
  return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
}

async function clickInPanel(page: Page, cdp: CDPSession, match: Parameters<typeof panelPoint>[1], index = 0) {
  let point: { x: number; y: number } | null = null;
  await expect.poll(async () => (point = await panelPoint(cdp, match, index)) !== null, { timeout: 10_000 }).toBe(true);
  await page.mouse.click(point!.x, point!.y);
}

const byLabel = (label: string) => (a: Record<string, string>) => a['aria-label'] === label;
const buttonText = (text: string) => (a: Record<string, string>, t: string, n: DomNode) => n.nodeName === 'BUTTON' && t.trim() === text;

/** What the attacks aim at, from whatever shape the store has: every value kept under these keys, anywhere. */
const WATCHED_KEYS = ['bookmarks', 'userPhrases', 'highlightsOn', 'panelOpen', 'panelSide', 'resetAt', 'readSections'];

function watched(worker: Worker): Promise<Record<string, string[]>> {
  return worker.evaluate(async (keys) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
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

test('page script can neither read nor drive the reader, and the reader keeps working', async ({ page, context, extensionId, fixtureUrl, serviceWorker }) => {
  test.setTimeout(60_000);
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

  // The page listens from its first script on: messages posted to it, and keys bubbling up to it.
  await page.addInitScript(() => {
    const seen = { messages: [] as string[], keys: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    window.addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data) ?? String(e.data)));
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
      document.addEventListener(type, (e) => seen.keys.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data}`));
    }
  });
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(fixtureUrl('cms-spans.html'));
  const cdp = await context.newCDPSession(page);
  await expect.poll(async () => (await panelRoot(cdp))?.shadowRootType ?? 'none', { timeout: 10_000 }).toBe('closed');

  // The reader, with real input: bookmark the first section and write a note.
  await clickInPanel(page, cdp, byLabel('收藏本节'));
  await clickInPanel(page, cdp, byLabel('编辑备注'));
  await clickInPanel(page, cdp, (a, _t, n) => n.nodeName === 'INPUT' && a['aria-label'] === '备注');
  await page.keyboard.type(NOTE);
  await clickInPanel(page, cdp, buttonText('保存备注'));
  await expect.poll(async () => (await watched(serviceWorker)).bookmarks?.join() ?? '').toContain(NOTE);
  const before = await watched(serviceWorker);
  expect(before.userPhrases?.join()).toContain(PRIVATE_PHRASE);
  expect(before.highlightsOn).toEqual(['true']);

  // Where the panel's controls are: a page can guess the same from the layout.
  const targets = {
    removePhrase: await panelPoint(cdp, byLabel(`删除“${PAGE_PHRASE}”`)),
    toggleHighlights: await panelPoint(cdp, (a) => a.role === 'switch'),
    reset: await panelPoint(cdp, buttonText('重置进度')),
    bookmark: await panelPoint(cdp, byLabel('收藏本节'), 1),
    editNote: await panelPoint(cdp, byLabel('编辑备注')),
    collapse: await panelPoint(cdp, byLabel('收起导读面板')),
  };
  for (const [name, point] of Object.entries(targets)) expect(point, name).not.toBeNull();

  const seenFromPage = await page.evaluate(
    async ({ id, targets, note, privatePhrase }) => {
      const host = document.querySelector('gongwen-reader')!;
      const report: Record<string, unknown> = {};
      // Read: the root, the host's text and attributes, the whole document's markup.
      report.shadowRoot = host.shadowRoot === null ? 'null' : 'readable';
      report.hostText = host.textContent;
      report.hostAttributes = [...host.attributes].map((a) => `${a.name}=${a.value}`);
      report.markupHasNote = document.documentElement.outerHTML.includes(note);
      report.markupHasPrivatePhrase = document.documentElement.outerHTML.includes(privatePhrase);
      try {
        host.attachShadow({ mode: 'open' });
        report.attachShadow = 'attached';
      } catch {
        report.attachShadow = 'refused';
      }
      // Drive: synthetic clicks, pointer presses and keys on whatever is at each control's place.
      const hit: string[] = [];
      for (const point of Object.values(targets)) {
        const el = document.elementFromPoint(point!.x, point!.y)!;
        hit.push(el.tagName);
        const at = { bubbles: true, composed: true, cancelable: true, clientX: point!.x, clientY: point!.y };
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          el.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, at) : new MouseEvent(type, at));
        }
        (el as HTMLElement).click();
      }
      report.hit = [...new Set(hit)];
      // Type into the note field: at the focused element (the panel's host, seen from here) and the host.
      for (const target of [document.activeElement ?? document.body, host]) {
        for (const key of ['秘', 'x', 'Enter']) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          target.dispatchEvent(new InputEvent('input', { data: key, bubbles: true, composed: true }));
          target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
        target.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
      }
      // The reader's in-page shortcuts, forged: switch highlights off, jump to part 3, next section.
      const y = scrollY;
      for (const key of ['h', '3', ']']) {
        for (const target of [window, document, document.body]) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      // WXT's own events, named after the extension id (public for a store extension): stop the reader, or start it over.
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
      await new Promise((resolve) => setTimeout(resolve, 1500));
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
    { id: extensionId, targets, note: NOTE, privatePhrase: PRIVATE_PHRASE },
  );

  // Nothing was readable …
  expect(seenFromPage.shadowRoot).toBe('null');
  expect(seenFromPage.hostText).toBe('');
  expect(JSON.stringify(seenFromPage.hostAttributes)).not.toContain(NOTE);
  expect(seenFromPage.markupHasNote).toBe(false);
  expect(seenFromPage.markupHasPrivatePhrase).toBe(false);
  expect(seenFromPage.attachShadow).toBe('refused');
  expect(seenFromPage.hit).toEqual(['GONGWEN-READER']); // every control is behind the host
  expect(seenFromPage.timing).toBe(0);
  const seen = seenFromPage.seen as { messages: string[]; keys: string[] };
  expect(seen.messages.filter((m) => m.includes(extensionId) || m.includes('wxt'))).toEqual([]);
  // The note was typed with real keys: none of them bubbled out of the panel to the page.
  expect(seen.keys.filter((k) => k.includes('X') || k.includes('Y') || k.includes('Z'))).toEqual([]);
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
  // Reading on is not a reset: sections read stay read.
  for (const list of readBefore ?? []) {
    for (const id of JSON.parse(list) as string[]) expect((readAfter ?? []).join()).toContain(id);
  }

  // The reader still works, with real input: the panel is there, closed, and acts.
  expect((await panelRoot(cdp))?.shadowRootType).toBe('closed');
  await clickInPanel(page, cdp, byLabel('收藏本节'), 1);
  await expect.poll(async () => (await watched(serviceWorker)).bookmarks?.join() ?? '').not.toBe(before.bookmarks?.join() ?? '');
  await page.mouse.click(5, 450); // focus back on the page, then a shortcut
  const y = await page.evaluate(() => scrollY);
  await page.keyboard.press('3');
  await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(y);
  await clickInPanel(page, cdp, (a) => a.role === 'switch');
  await expect.poll(async () => (await watched(serviceWorker)).highlightsOn).toEqual(['false']);
});

test('a page forcing re-injections with pushState gets a bounded number of reader starts', async ({ page, fixtureUrl, serviceWorker }) => {
  test.setTimeout(60_000);
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
  const injections = await serviceWorker.evaluate(() => (globalThis as unknown as { __injections: number }).__injections);
  expect(injections).toBeGreaterThan(0); // the reader did follow the page
  expect(injections).toBeLessThanOrEqual(6);
  // The page it ended on still gets its reader, once the tab's share allows another injection.
  await expect(page.locator('gongwen-reader')).toHaveCount(1, { timeout: 20_000 });
  const total = await serviceWorker.evaluate(() => (globalThis as unknown as { __injections: number }).__injections);
  expect(total).toBeLessThanOrEqual(12); // two windows' worth over the whole run
});
