// Firefox e2e harness: one headless Firefox (with the built extension) and one fixture server per
// test file. Fixtures are served as the portal http://www.example.edu.cn:<port>/ — the name resolves
// to 127.0.0.1 through Firefox's network.dns.localDomains, so the manifest's `*.edu.cn` match applies.
//
//   const ff = useFirefox();                         // in a describe/file: starts in beforeAll, closes in afterAll
//   const page = await ff().openPortal('cms-spans.html');
//   const popup = await ff().openExtensionPage('popup.html');
//
// The reader's panel is an extension page in a frame on the portal's page: `panelFrame(page)` finds it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type LaunchedFirefox } from '../../scripts/firefox.mjs';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv2');
export const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures');
export const PORTAL_HOST = 'www.example.edu.cn';
/** A host the manifest does not match: the reader runs there only once it is added as a portal. */
export const OTHER_HOST = 'www.example.org';

/** The reader's outline navigation, inside the panel's frame. */
export const NAV = 'nav.outline';

/**
 * The reader's panel page (moz-extension://…/sidepanel.html) in its frame on `page`; waits for it.
 * Over WebDriver BiDi the frame's reported URL stays about:blank, so each child frame is asked.
 */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const panel = await frame
        .evaluate(() => location.pathname === '/sidepanel.html' && document.querySelector('#app > *') !== null)
        .catch(() => false);
      if (panel) return frame;
    }
    if (Date.now() > until) throw new Error('the reader panel frame did not appear');
    await sleep(100);
  }
}

/** Waits for the panel, opens the full outline from the rail when it starts folded, returns the panel's frame. */
export async function waitForOutline(page: Page, timeout = 10_000): Promise<Frame> {
  const frame = await panelFrame(page, timeout);
  await frame.waitForSelector(`${NAV}, button.rail-open`, { visible: true, timeout });
  const open = await frame.$('button.rail-open');
  if (open) await open.click();
  await frame.waitForSelector(NAV, { visible: true, timeout });
  return frame;
}

export interface FirefoxSession extends LaunchedFirefox {
  server: RunningServer;
  /** http://www.example.edu.cn:<port>/<name> (or another host mapped to the server). */
  fixtureUrl(name: string, host?: string): string;
  /** New tab at 1600×900 on `name`, resolved once the reader's outline is shown. */
  openPortal(name: string, host?: string): Promise<Page>;
}

/** Starts Firefox and the server before the file's tests and stops both after; call at file level. */
export function useFirefox(options: { prefs?: Record<string, unknown> } = {}): () => FirefoxSession {
  let session: FirefoxSession | null = null;
  beforeAll(async () => {
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(
        `Firefox build not found: ${path.relative(ROOT, EXTENSION_DIR)}/manifest.json — run npm run build:firefox first`,
      );
    }
    const server = await startServer({ root: FIXTURES_DIR, port: 0, host: '127.0.0.1' });
    const port = new URL(server.url).port;
    try {
      const ff = await launchFirefox({
        extensionDir: EXTENSION_DIR,
        hosts: [PORTAL_HOST, OTHER_HOST],
        prefs: options.prefs,
      });
      const fixtureUrl = (name: string, host = PORTAL_HOST) => `http://${host}:${port}/${name.replace(/^\/+/, '')}`;
      session = {
        ...ff,
        server,
        fixtureUrl,
        async openPortal(name, host) {
          const page = await ff.browser.newPage();
          await page.setViewport({ width: 1600, height: 900 });
          await page.goto(fixtureUrl(name, host));
          await waitForOutline(page);
          return page;
        },
      };
    } catch (error) {
      await server.close();
      throw error;
    }
  });
  afterAll(async () => {
    await session?.close().catch(() => {});
    await session?.server.close();
    session = null;
  });
  return () => {
    if (!session) throw new Error('Firefox is not running (useFirefox() must be called at file level)');
    return session;
  };
}

export interface OutlineEntry {
  readonly heading: string;
  readonly children: readonly string[];
}

/** The outline's parts and their sub-points, as headings. */
export async function readOutline(page: Page): Promise<OutlineEntry[]> {
  return (await panelFrame(page)).$eval(NAV, (nav) =>
    Array.from(nav.querySelectorAll(':scope > ul > li')).map((part) => ({
      heading: part.querySelector(':scope > .outline-row .outline-heading')?.textContent ?? '',
      children: Array.from(part.querySelectorAll(':scope > ul > li > .outline-row .outline-heading')).map(
        (h) => h.textContent ?? '',
      ),
    })),
  );
}

/** The outline row (`li`) whose heading is `heading`. */
export async function outlineItem(page: Page, heading: string): Promise<ElementHandle<Element>> {
  const items = await (await panelFrame(page)).$$(`${NAV} li.outline-item`);
  for (const item of items) {
    const own = await item.$eval(':scope > .outline-row .outline-heading', (h) => h.textContent ?? '').catch(() => '');
    if (own === heading) return item;
  }
  throw new Error(`no outline entry "${heading}"`);
}

/** The aria-current value of the entry's link (null when not current). */
export async function currentMark(page: Page, heading: string): Promise<string | null> {
  const item = await outlineItem(page, heading);
  return item.$eval(':scope > .outline-row .outline-link', (a) => a.getAttribute('aria-current'));
}

/** Viewport top (CSS px) of the first occurrence of `text` in the page's own text (whitespace ignored). */
export function textTop(page: Page, text: string): Promise<number | null> {
  return page.evaluate((needle) => {
    const flat: { node: Text; start: number }[] = [];
    let all = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('gongwen-reader, script, style')) continue;
      flat.push({ node: n as Text, start: all.length });
      all += (n as Text).data;
    }
    const map: number[] = [];
    let squeezed = '';
    for (let i = 0; i < all.length; i++) {
      if (!/[\s\u3000]/.test(all[i]!)) {
        map.push(i);
        squeezed += all[i];
      }
    }
    const at = squeezed.indexOf(needle.replace(/[\s\u3000]/g, ''));
    if (at < 0) return null;
    const offset = map[at]!;
    const hit = flat.filter((f) => f.start <= offset).pop()!;
    const range = document.createRange();
    range.setStart(hit.node, offset - hit.start);
    range.setEnd(hit.node, Math.min(hit.node.data.length, offset - hit.start + 1));
    return range.getBoundingClientRect().top;
  }, text);
}

/** The page's text outside the reader's own element. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('gongwen-reader').forEach((el) => el.remove());
    return clone.textContent ?? '';
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
