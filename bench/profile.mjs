// Where the content script's time goes: a CPU profile (CDP Profiler) of an unminified build.
//
//   npx vite-node --script bench/profile.mjs [times=100] [--phase=load|scroll|both|detect] [--loads=5] [--scroll-ms=10000] [--top=25] [--json=out.cpuprofile]
//
// Builds the extension unminified into a temp dir (same wxt.config.ts, only `build.minify: false`
// and another outDir, so .output/ is untouched), opens the bench page (bench/make-page.mjs, `times`×
// the demo initiative) in headless Chromium and profiles
//   load    navigation → panel shown → main thread quiet (detection, storage, UI, highlights);
//           `loads` fresh loads (storage cleared before each), times per load averaged
//   scroll  `scroll-ms` of mouse-wheel scrolling with the panel up, plus Performance.getMetrics deltas
//           (script / layout / style-recalc time) with and without the extension
// and prints the top functions by self time (content-script functions marked ●) and, for the
// content script, by total (inclusive) time.
//   detect  no extension: lib/document (and the phrase finder) bundled with esbuild and run in the
//           page, timing each step of readDocument() separately (median of 5), 1×, 30× and `times`×
// Not part of `npm run bench`; run it when a target is missed.
import { chromium } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'wxt';
import { writeBenchPages } from './make-page.mjs';
import { CHECK_MEASURE, READY_MEASURE } from '../lib/startup/marks';
import { busyStretches, printStretches, printSummary, summarizeProfile } from './cpu-profile.mjs';
import { detectPhases } from './profile-detect.mjs';
import { askForMarks, launchWithExtension, median, VIEWPORT, waitForQuiet } from './browser.mjs';
import { findChromium, chromiumNotFoundMessage, chromiumArgs, portalUrl } from '../scripts/find-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE_ARGS = chromiumArgs({ lang: 'zh-CN' });

function parseArgs(argv) {
  const options = { times: 100, phase: 'both', top: 25, json: null, loads: 5, scrollMs: 10_000 };
  for (const arg of argv) {
    if (/^\d+$/.test(arg)) options.times = Number(arg);
    else if (arg.startsWith('--phase=')) options.phase = arg.slice(8);
    else if (arg.startsWith('--top=')) options.top = Number(arg.slice(6));
    else if (arg.startsWith('--json=')) options.json = arg.slice(7);
    else if (arg.startsWith('--loads=')) options.loads = Math.max(1, Number(arg.slice(8)));
    else if (arg.startsWith('--scroll-ms=')) options.scrollMs = Math.max(1000, Number(arg.slice(12)));
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

async function buildUnminified(outDir) {
  await build({
    root: ROOT,
    outDir,
    logger: { ...console, info() {}, success() {}, log() {}, start() {}, box() {}, debug() {}, warn: console.warn },
    vite: () => ({ build: { minify: false } }),
  });
  return path.join(outDir, 'chrome-mv3');
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function scrollFor(page, ms) {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  const t0 = Date.now();
  let steps = 0;
  while (Date.now() - t0 < ms) {
    await page.mouse.wheel(0, 400);
    steps++;
  }
  return { steps, msPerStep: (Date.now() - t0) / steps };
}

async function scrollMetrics(page, cdp, ms) {
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  const scroll = await scrollFor(page, ms);
  await waitForQuiet(page, 300);
  const after = await metrics(cdp);
  const d = (k) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
  return {
    ...scroll,
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration'),
    styleMs: d('RecalcStyleDuration'),
    taskMs: d('TaskDuration'),
    layouts: (after.LayoutCount ?? 0) - (before.LayoutCount ?? 0),
    styles: (after.RecalcStyleCount ?? 0) - (before.RecalcStyleCount ?? 0),
  };
}

const fmtMetrics = (m) =>
  `${m.steps} wheel steps, ${m.msPerStep.toFixed(1)} ms/step; task ${m.taskMs.toFixed(0)} ms, script ${m.scriptMs.toFixed(0)} ms, ` +
  `layout ${m.layoutMs.toFixed(0)} ms (${m.layouts}×), style ${m.styleMs.toFixed(0)} ms (${m.styles}×)`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumNotFoundMessage());
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'gongwen-profile-'));
  const pagesDir = path.join(tmp, 'pages');
  const sizes = options.phase === 'detect' ? [...new Set([1, 30, options.times])] : [options.times];
  await writeBenchPages(pagesDir, sizes);
  const server = await startServer({ root: pagesDir, port: 0, host: '127.0.0.1' });
  // Opened under a *.edu.cn name (Chromium maps it to the server): the shipped manifest's portals.
  const origin = portalUrl(server.url);
  let context;
  try {
    if (options.phase === 'detect') {
      await detectPhases(
        executablePath,
        origin,
        sizes.map((n) => `bench-${n}x.html`),
      );
      return;
    }
    console.log('Building unminified extension…');
    const extensionDir = await buildUnminified(path.join(tmp, 'build'));
    const url = `${origin}/bench-${options.times}x.html`;
    const launched = await launchWithExtension({
      executablePath,
      userDataDir: path.join(tmp, 'profile'),
      extensionDir,
    });
    context = launched.context;
    const { page, worker } = launched;
    // Same-origin first, so the profiled navigation stays in this renderer (and JIT is warm as for a reader's 2nd page).
    await page.goto(`${origin}/`, { waitUntil: 'load' }).catch(() => {});
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const isOurs = (key) => key.includes(' ext:');

    if (options.phase === 'load' || options.phase === 'both') {
      const profiles = [];
      const readies = [];
      const checks = [];
      for (let i = 0; i < options.loads; i++) {
        await page.goto(`${origin}/`, { waitUntil: 'load' }).catch(() => {});
        await worker.evaluate(() => chrome.storage.local.clear());
        await askForMarks(worker);
        await cdp.send('Profiler.start');
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        // A cheap poll: Playwright's role locators walk the whole DOM on every frame while polling.
        await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, READY_MEASURE, {
          timeout: 60_000,
          polling: 25,
        });
        await waitForQuiet(page, 500);
        const { profile } = await cdp.send('Profiler.stop');
        profiles.push(profile);
        readies.push(await page.evaluate((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN, READY_MEASURE));
        checks.push(await page.evaluate((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN, CHECK_MEASURE));
      }
      console.log(
        `\n${options.times}× page, unminified build, profiler on, ${options.loads} loads: ready median ${median(readies).toFixed(1)} ms ` +
          `(${readies.map((v) => v.toFixed(0)).join(', ')}), detect median ${median(checks).toFixed(1)} ms`,
      );
      printSummary(
        `Load of the ${options.times}× page (per load, mean of ${options.loads})`,
        summarizeProfile(profiles, isOurs),
        options.top,
      );
      if (options.json) await writeFile(options.json, JSON.stringify(profiles[0]));
    }

    if (options.phase === 'scroll' || options.phase === 'both') {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, READY_MEASURE, {
        timeout: 60_000,
        polling: 25,
      });
      await page
        .locator('gongwen-reader iframe')
        .contentFrame()
        .getByRole('navigation')
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 });
      await waitForQuiet(page, 500);
      await cdp.send('Profiler.start');
      const withExt = await scrollMetrics(page, cdp, options.scrollMs);
      const { profile } = await cdp.send('Profiler.stop');
      printSummary(
        `${options.scrollMs / 1000} s of wheel scrolling on the ${options.times}× page`,
        summarizeProfile(profile, isOurs),
        options.top,
      );
      printStretches(busyStretches(profile, isOurs));
      console.log(`\nWith the extension:    ${fmtMetrics(withExt)}`);

      const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
      try {
        const plain = await browser.newPage({ viewport: VIEWPORT });
        await plain.goto(url, { waitUntil: 'load', timeout: 60_000 });
        await waitForQuiet(plain, 500);
        const plainCdp = await plain.context().newCDPSession(plain);
        console.log(`Without the extension: ${fmtMetrics(await scrollMetrics(plain, plainCdp, options.scrollMs))}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await context?.close().catch(() => {});
    await server.close();
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`Profile failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
