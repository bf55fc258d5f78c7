// `npm run demo -- --firefox`: the demo in the system Firefox (scripts/demo.mjs hands over here).
// Builds the Firefox add-on, serves the page as the portal http://www.example.edu.cn:<port>/ (the
// name resolves to 127.0.0.1 inside Firefox), installs the build as a temporary add-on and, headless,
// saves demo-output/demo-firefox.png (1600×900, as the Chromium demo) plus 1366×768 and 1920×1080
// shots, and prints the document title and outline read from the panel. With a display it opens a
// Firefox window instead and exits when that closes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox, firefoxNotFoundMessage, launchFirefox } from './firefox.mjs';
import { startServer } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv2');
const OUTPUT_DIR = path.join(ROOT, 'demo-output');
const HOST = 'www.example.edu.cn';
const PANEL_TIMEOUT_MS = 15_000;
/** The reader's outline and the rail's way to it, inside the panel's frame (an extension page). */
const NAV = 'nav.outline';
const RAIL_OPEN = 'button.rail-open';
const SHOTS = [
  { width: 1600, height: 900, file: 'demo-firefox.png' },
  { width: 1366, height: 768, file: 'demo-firefox-1366x768.png' },
  { width: 1920, height: 1080, file: 'demo-firefox-1920x1080.png' },
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The panel's frame on `page`. Over WebDriver BiDi its reported URL stays about:blank, so each child frame is asked. */
async function panelFrame(page) {
  const until = Date.now() + PANEL_TIMEOUT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const ready = await frame
        .evaluate(() => location.pathname === '/sidepanel.html' && document.querySelector('#app > *') !== null)
        .catch(() => false);
      if (ready) return frame;
    }
    if (Date.now() > until) throw new Error('no reader panel');
    await sleep(100);
  }
}

/** Waits for the reader; returns its frame once the outline shows, opening it from the rail first if that is what shows. */
async function waitForOutline(page, open = true) {
  const frame = await panelFrame(page);
  await frame.waitForSelector(`${NAV}, ${RAIL_OPEN}`, { visible: true, timeout: PANEL_TIMEOUT_MS });
  if (!open) return frame;
  const rail = await frame.$(RAIL_OPEN);
  if (rail) await rail.click();
  await frame.waitForSelector(NAV, { visible: true, timeout: PANEL_TIMEOUT_MS });
  return frame;
}

/** Outline entries with their nesting level (0 = part), read from the panel's links. */
function readOutline(frame) {
  return frame.$eval(NAV, (nav) =>
    Array.from(nav.querySelectorAll('a.outline-link'), (link) => {
      let lists = 0;
      for (let el = link.parentElement; el && el !== nav; el = el.parentElement) if (el.matches('ul')) lists++;
      return {
        level: Math.max(0, lists - 1),
        text: (link.querySelector('.outline-heading')?.textContent ?? '').trim(),
      };
    }),
  );
}

/**
 * @param {{ root: string, pageName: string, headed: boolean, locale: string, fail: (message: string) => Error }} options
 */
export async function runFirefoxDemo({ root, pageName, headed, locale, fail }) {
  if (!findFirefox()) throw fail(firefoxNotFoundMessage());
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:firefox'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0 || !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw fail('the Firefox build failed (npm run build:firefox)');
  }
  const server = await startServer({ root, port: 0, host: '127.0.0.1' });
  let ff;
  try {
    const url = `http://${HOST}:${new URL(server.url).port}/${encodeURIComponent(pageName)}`;
    ff = await launchFirefox({ extensionDir: EXTENSION_DIR, hosts: [HOST], locale, headless: !headed });
    const page = await ff.browser.newPage();
    if (headed) {
      await page.goto(url);
      console.log(`Opened ${url} in Firefox with the extension. Close the browser window to exit.`);
      await new Promise((resolve) => ff.browser.once('disconnected', resolve));
      return;
    }

    await mkdir(OUTPUT_DIR, { recursive: true });
    const failureShot = path.join(OUTPUT_DIR, 'demo-firefox-failure.png');
    await rm(failureShot, { force: true });
    const saved = [];
    let outline = [];
    let title = '';
    for (const [i, shot] of SHOTS.entries()) {
      await page.setViewport({ width: shot.width, height: shot.height });
      // Each size as a first visit at that size: the panel lays itself out when it opens.
      if (i === 0) await page.goto(url);
      else await page.reload();
      let frame;
      try {
        // As the page opens, with no click: the rail on a laptop, the panel beside the text on a wide screen.
        await waitForOutline(page, false);
        await sleep(400);
        const first = path.join(OUTPUT_DIR, shot.file.replace('.png', '-first.png'));
        await page.screenshot({ path: first });
        saved.push(`${path.relative(ROOT, first)} (${shot.width}×${shot.height}, as it opens)`);
        frame = await waitForOutline(page);
      } catch {
        await page.screenshot({ path: failureShot }).catch(() => {});
        throw fail(
          `the reader panel did not appear within ${PANEL_TIMEOUT_MS / 1000} s on ${url} at ${shot.width}×${shot.height}` +
            ` — page screenshot: ${path.relative(ROOT, failureShot)}`,
        );
      }
      await sleep(300);
      const file = path.join(OUTPUT_DIR, shot.file);
      await page.screenshot({ path: file });
      saved.push(`${path.relative(ROOT, file)} (${shot.width}×${shot.height}, outline open)`);
      if (i === 0) {
        outline = await readOutline(frame);
        title = (await frame.$eval('h1.doc-title', (h) => h.textContent ?? '').catch(() => '')).trim();
      }
    }
    if (outline.length === 0) throw fail('the panel appeared but its outline has no links');
    const parts = outline.filter((entry) => entry.level === 0).length;
    console.log(`Browser:    ${ff.executablePath} (${await ff.browser.version()})`);
    console.log(`Page:       ${url}`);
    console.log(`Screenshot: ${saved.join('\n            ')}`);
    console.log(`Outline:    ${parts} parts, ${outline.length - parts} sub-points`);
    console.log('');
    console.log(`文档 Document: ${title || (await page.title()).trim() || '(untitled)'}`);
    for (const entry of outline) console.log(`${'  '.repeat(entry.level)}${entry.text}`);
  } finally {
    await ff?.close().catch(() => {});
    await server.close();
  }
}
