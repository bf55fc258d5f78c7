// `npm run demo` (after `npm run build`): opens a sample portal page with the built extension.
//
//   node scripts/demo.mjs [page.html]      fixture under tests/fixtures (default cms-spans.html)
//                                          or a path to any saved .html page
//   node scripts/demo.mjs --firefox [page] the same in the system Firefox (scripts/demo-firefox.mjs)
//
// With a display (DISPLAY / WAYLAND_DISPLAY): a normal Chromium window; exits when you close it.
// Without one: headless run that waits for the reader panel, saves demo-output/demo.png and prints
// the document title and the outline read from the panel's accessibility tree. Exit 1 on failure.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumNotFoundMessage, findChromium, portalUrl } from './find-chromium.mjs';
import { EXTENSION_DIR, launchChromiumWithExtension } from './launch-chromium.mjs';
import { startServer } from './serve.mjs';
import { runFirefoxDemo } from './demo-firefox.mjs';
import { EXPAND_NAME, NAV_NAME } from './panel-names.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures');
const OUTPUT_DIR = path.join(ROOT, 'demo-output');
const DEFAULT_PAGE = 'portal-wide.html';
const PANEL_TIMEOUT_MS = 15_000;
// A 16-inch laptop: the panel opens by default in the margin beside the portal's 1100 px column.
const VIEWPORT = { width: 1600, height: 900 };
/** The screens the demo saves, beside the main screenshot: the commonest laptop, and a desktop. */
const SHOTS = [
  { name: 'demo-1366x768', width: 1366, height: 768 },
  { name: 'demo-1920x1080', width: 1920, height: 1080 },
];

class DemoError extends Error {}

/** Which page to open: a fixture name, or any local .html file (served from its own directory). */
function pickPage(requested) {
  if (requested) {
    if (existsSync(path.join(FIXTURES_DIR, requested))) return { root: FIXTURES_DIR, page: requested };
    const file = path.resolve(requested);
    if (existsSync(file) && statSync(file).isFile()) return { root: path.dirname(file), page: path.basename(file) };
    throw new DemoError(`${requested} does not exist (neither under tests/fixtures/ nor as a file path)`);
  }
  if (existsSync(path.join(FIXTURES_DIR, DEFAULT_PAGE))) return { root: FIXTURES_DIR, page: DEFAULT_PAGE };
  const fallback = readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort()[0];
  if (!fallback)
    throw new DemoError(`no demo page: tests/fixtures/${DEFAULT_PAGE} is missing and there is no other .html fixture`);
  console.log(`(tests/fixtures/${DEFAULT_PAGE} not found — using ${fallback})`);
  return { root: FIXTURES_DIR, page: fallback };
}

/** Splits one aria-snapshot line (`  - role "name" [attr]: value`) into depth, role and name. */
function parseSnapshotLine(line) {
  const match = /^( *)- (.*)$/.exec(line);
  if (!match) return null;
  const depth = match[1].length / 2;
  let rest = match[2];
  let key;
  if (rest.startsWith("'")) {
    // Whole key YAML-single-quoted ('' escapes a quote).
    let i = 1;
    key = '';
    while (i < rest.length) {
      if (rest[i] === "'" && rest[i + 1] === "'") {
        key += "'";
        i += 2;
      } else if (rest[i] === "'") {
        break;
      } else {
        key += rest[i++];
      }
    }
  } else {
    const colon = /:(\s|$)/.exec(rest);
    key = colon ? rest.slice(0, colon.index) : rest;
  }
  const roleMatch = /^([a-zA-Z]+)(?: (".*))?/.exec(key);
  if (!roleMatch) return null;
  let name = '';
  if (roleMatch[2]) {
    // The name is JSON-quoted; find its closing quote (skipping escapes) and let JSON decode it.
    const quoted = roleMatch[2];
    let end = 1;
    while (end < quoted.length && quoted[end] !== '"') end += quoted[end] === '\\' ? 2 : 1;
    try {
      name = JSON.parse(quoted.slice(0, end + 1));
    } catch {
      name = quoted.slice(1, end);
    }
  }
  return { depth, role: roleMatch[1], name };
}

/**
 * Outline entries from a navigation's aria snapshot: each link with its nesting level
 * (0 = part, 1 = sub-point, ...) = number of enclosing lists minus one.
 * @param {string} snapshot
 * @returns {{ level: number, text: string }[]}
 */
export function outlineFromAriaSnapshot(snapshot) {
  const stack = []; // roles of the open ancestors, indexed by depth
  const entries = [];
  for (const line of snapshot.split('\n')) {
    const node = parseSnapshotLine(line);
    if (!node) continue;
    stack.length = node.depth;
    if (node.role === 'link') {
      const lists = stack.filter((role) => role === 'list').length;
      entries.push({ level: Math.max(0, lists - 1), text: node.name.trim() });
    }
    stack[node.depth] = node.role;
  }
  return entries;
}

/** The reader's panel page, in its frame on the portal's page. */
function readerPanel(page) {
  return page.locator('gongwen-reader iframe').contentFrame();
}

/** Waits for the reader and opens the full outline from the rail when it starts folded. */
async function showOutline(page, timeout) {
  const nav = readerPanel(page).getByRole('navigation', { name: NAV_NAME });
  const expand = readerPanel(page).getByRole('button', { name: EXPAND_NAME });
  await nav.or(expand).first().waitFor({ state: 'visible', timeout });
  if (!(await nav.isVisible())) {
    await expand.click({ timeout });
    await nav.waitFor({ state: 'visible', timeout });
  }
  return nav;
}

async function documentTitle(page, nav) {
  const panel = readerPanel(page).getByRole('complementary').filter({ has: nav }).first();
  const heading = panel.getByRole('heading', { level: 1 }).first();
  const fromPanel = await heading.innerText({ timeout: 1_000 }).catch(() => '');
  return fromPanel.trim() || (await page.title()).trim() || '(untitled)';
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--firefox')) {
    const { root, page: pageName } = pickPage(args.find((arg) => arg !== '--firefox'));
    return runFirefoxDemo({
      root,
      pageName,
      headed: Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
      locale: process.env.DEMO_LOCALE || 'zh-CN',
      fail: (message) => new DemoError(message),
    });
  }
  const executablePath = findChromium();
  if (!executablePath) throw new DemoError(chromiumNotFoundMessage());
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new DemoError('extension build not found (.output/chrome-mv3/manifest.json) — run npm run build first');
  }
  const { root, page: pageName } = pickPage(process.argv[2]);
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const userLocale = process.env.DEMO_LOCALE || 'zh-CN';

  const server = await startServer({ root, port: 0, host: '127.0.0.1' });

  // Opened under a *.edu.cn name (Chromium maps it to the server): the shipped manifest's portals.

  const origin = portalUrl(server.url);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-demo-'));
  let context;
  try {
    const url = `${origin}/${encodeURIComponent(pageName)}`;
    const launched = await launchChromiumWithExtension({
      userDataDir,
      executablePath,
      lang: userLocale,
      headless: !headed,
      viewport: headed ? null : VIEWPORT,
      args: headed ? [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`] : [],
    }).catch((error) => {
      if (!headed) throw new DemoError(error.message.split('\n')[0]);
      const where = process.env.WAYLAND_DISPLAY
        ? `WAYLAND_DISPLAY=${process.env.WAYLAND_DISPLAY}`
        : `DISPLAY=${process.env.DISPLAY}`;
      throw new DemoError(
        `could not open a Chromium window on ${where} (${error.message.split('\n')[0]}) — unset DISPLAY/WAYLAND_DISPLAY to run the headless demo`,
      );
    });
    context = launched.context;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url).catch((error) => {
      throw new DemoError(`could not open ${url}: ${error.message.split('\n')[0]}`);
    });

    if (headed) {
      console.log(`Opened ${url} in Chromium with the extension. Close the browser window to exit.`);
      const closed = new Promise((resolve) => context.on('close', resolve));
      const stop = () => context.close().catch(() => {});
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await closed;
      return;
    }

    const failureShot = path.join(OUTPUT_DIR, 'demo-failure.png');
    await mkdir(OUTPUT_DIR, { recursive: true });
    await rm(failureShot, { force: true });
    let nav;
    try {
      nav = await showOutline(page, PANEL_TIMEOUT_MS);
    } catch {
      await page.screenshot({ path: failureShot }).catch(() => {});
      throw new DemoError(
        `the reader panel (navigation ${NAV_NAME}) did not appear within ${PANEL_TIMEOUT_MS / 1000} s on ${url}` +
          ` — page screenshot: ${path.relative(ROOT, failureShot)}`,
      );
    }
    const shot = path.join(OUTPUT_DIR, 'demo.png');
    await page.screenshot({ path: shot, fullPage: false });
    // What a reader sees on the common screens: as the page opens (no click), and with the outline open.
    const shots = [];
    for (const size of SHOTS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      const rail = readerPanel(page).getByRole('navigation').first();
      await rail.waitFor({ state: 'visible', timeout: PANEL_TIMEOUT_MS });
      await page.waitForTimeout(400);
      const first = path.join(OUTPUT_DIR, `${size.name}.png`);
      await page.screenshot({ path: first });
      shots.push(first);
      if (!(await readerPanel(page).getByRole('navigation', { name: NAV_NAME }).isVisible())) {
        await showOutline(page, PANEL_TIMEOUT_MS);
        await page.waitForTimeout(300);
        const open = path.join(OUTPUT_DIR, `${size.name}-open.png`);
        await page.screenshot({ path: open });
        shots.push(open);
      }
    }
    await page.setViewportSize(VIEWPORT);
    await page.reload();
    nav = await showOutline(page, PANEL_TIMEOUT_MS);

    const outline = outlineFromAriaSnapshot(await nav.ariaSnapshot());
    if (outline.length === 0) throw new DemoError('the panel appeared but its outline has no links');
    const title = await documentTitle(page, nav);
    const parts = outline.filter((entry) => entry.level === 0).length;

    console.log(`Page:       ${url}`);
    console.log(`Screenshot: ${path.relative(ROOT, shot)}`);
    for (const file of shots) console.log(`            ${path.relative(ROOT, file)}`);
    console.log(`Outline:    ${parts} parts, ${outline.length - parts} sub-points`);
    console.log('');
    console.log(`文档 Document: ${title}`);
    for (const entry of outline) console.log(`${'  '.repeat(entry.level)}${entry.text}`);
  } finally {
    await context?.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().then(
    () => process.exit(0),
    (error) => {
      // Playwright errors carry a multi-line call log; the first line is the reason (DEBUG=1 for all of it).
      const full = error instanceof Error ? error.message : String(error);
      const reason = error instanceof DemoError || process.env.DEBUG ? full : full.split('\n')[0];
      console.error(`Demo failed: ${reason}`);
      process.exit(1);
    },
  );
}
