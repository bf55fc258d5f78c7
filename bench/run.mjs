// `npm run bench` (after `npm run build`): how fast the built extension is, in system Chromium.
//
//   node bench/run.mjs [--runs=5] [--sizes=1,30,100] [--no-scroll] [--no-stored] [--no-sheet] [--only=phrases]
// --no-sheet leaves out what the fixed highlight sheet costs each page's load (bench/sheet-cost.mjs).
//
// --only=phrases runs just the phrase-finding case (bench/phrases.mjs) on the largest size and
// replaces that section of bench/RESULTS.md, leaving the rest of the last full run as it was.
//
// Pages: the demo initiative (tests/fixtures/cms-spans.html) with its body repeated 1×, 30× and
// 100× (parts renumbered 一、… 三百、, see bench/make-page.mjs), served from a temp dir on 127.0.0.1
// and opened as www.example.edu.cn (a portal name Chromium resolves there, see scripts/find-chromium.mjs).
// Per size, a fresh profile and `runs` fresh page loads (storage cleared before each, so every run
// is a first visit); medians of
//   ready        performance.measure 'gongwen-reader:ready' (content script start → panel shown)
//   detect       performance.measure 'gongwen-reader:check' (start → end of the first detection)
//   Readability  new Readability(clone).parse() of the same page, same browser; the
//                document.cloneNode(true) is made before the timed region (not included)
//   floor        one TreeWalker pass over the body's text nodes summing their lengths
//   the panel    its frame's own navigation timing and the panel page's marks (panelFrameTimes):
//                where the frame's time goes, its floor, and the outline drawn
// each load once as it is and once with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), with
// the reader's own stage marks (gongwen-reader:stage:*) and the page's long tasks, so the longest task
// of ours is reported; the same on a long notice pasted from Word (tests/fixtures/word-pasted-long.html)
// and on the largest page with 200 realistic documents already stored (bench/stored-documents.mjs);
// plus: phrase finding with 500 reader phrases vs none (bench/phrases.mjs), the first check on a non-document page, long tasks while scrolling the 100× page (with a
// no-extension baseline; also throttled), storage writes per second while scrolling (empty store and
// 200 documents), and content.js gzipped.
// Prints a markdown table and writes it to bench/RESULTS.md (bench/report.mjs builds it). Exit 0 even when a target is missed
// (a MISSED line says which); exit 1 only when the bench itself cannot run.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { makeBenchPage, writeBenchPages } from './make-page.mjs';
import { benchPhraseFinding, FLOOD, summarizePhraseBench } from './phrases.mjs';
import { benchSheetCost } from './sheet-cost.mjs';
import { askForMarks, launchWithExtension as launch, median, sleep, VIEWPORT, waitForQuiet } from './browser.mjs';
import { TARGETS } from './targets.mjs';
import { attributeTasks, longestOurs, startTrace } from './trace.mjs';
import { buildReport, FRAME_STEPS, LONG_TASK_MS, ms, NON_DOCUMENT, RESULTS_MD, SCROLL_STEP_PX, spliceIntoResults, STAGES } from './report.mjs';
import { DOCUMENTS, seedStoredDocuments } from './stored-documents.mjs';
import { chromiumNotFoundMessage, findChromium, chromiumArgs, portalUrl } from '../scripts/find-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const CONTENT_JS = path.join(EXTENSION_DIR, 'content-scripts', 'content.js');
const READABILITY_JS = path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js');
const NAV_NAME = /文档导航|Document outline/;
const EXPAND_NAME = /打开完整目录|Open the full outline/;
const READY = 'gongwen-reader:ready';
const CHECK = 'gongwen-reader:check';
const STAGE_PREFIX = 'gongwen-reader:stage:';
/** The panel page's own marks (lib/ui/panel-marks.ts). */
const PANEL_MARKS = { script: 'gongwen-panel:script', connected: 'gongwen-panel:connected', drawn: 'gongwen-panel:drawn' };
const THROTTLE = TARGETS.cpuThrottlingRate;
/** The realistic long page: a notice pasted from Word with a table of 附件 (tests/fixtures); `parts` = top-level outline rows. */
const REALISTIC = { file: 'word-pasted-long.html', label: 'Word-pasted notice', parts: 15 };
/** Wheel steps of the throttled scroll (a slowed CPU scrolls the whole 100× page in minutes). */
const THROTTLED_SCROLL_STEPS = 160;
const SCROLL_PAUSE_MS = 20;
const STORAGE_WINDOW_MS = 10_000;
/** The whole-page scroll stops here if it has not reached the bottom (keeps the bench within ~5 min). */
const SCROLL_CAP_MS = 75_000;

class BenchError extends Error {}

function parseArgs(argv) {
  const options = { runs: 5, sizes: [1, 30, 100], scroll: true, stored: true, sheet: true, only: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'runs') options.runs = Math.max(1, Number(value));
    else if (key === 'sizes') options.sizes = value.split(',').map(Number);
    else if (key === 'no-scroll') options.scroll = false;
    else if (key === 'no-stored') options.stored = false;
    else if (key === 'no-sheet') options.sheet = false;
    else if (key === 'only' && value === 'phrases') options.only = 'phrases';
    else throw new BenchError(`unknown option ${arg} (use --runs=N, --sizes=1,30,100, --no-scroll, --no-stored, --no-sheet, --only=phrases)`);
  }
  if (!Number.isInteger(options.runs) || options.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new BenchError('--runs and --sizes take positive integers');
  }
  return options;
}

const BASE_ARGS = chromiumArgs({ lang: 'zh-CN' });

const launchWithExtension = (executablePath, userDataDir) =>
  launch({ executablePath, userDataDir, extensionDir: EXTENSION_DIR, makeError: (message) => new BenchError(message) });

/**
 * Waits for the reader panel. First, cheaply, for the 'ready' measure (a tiny evaluate every 25 ms):
 * Playwright's role locators poll every animation frame and each poll walks the whole DOM computing
 * ARIA roles — on the 100× page that competes with the content script for the main thread and
 * inflated 'ready' by seconds. Then the outline navigation itself, by role, which is up by then.
 */
async function waitForPanel(page, timeout) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, READY, { timeout, polling: 25 });
  // The reader's panel is an extension page in a frame: role queries there stay off the page's big DOM.
  const scope = page.locator('gongwen-reader iframe').contentFrame();
  const nav = scope.getByRole('navigation', { name: NAV_NAME });
  const expand = scope.getByRole('button', { name: EXPAND_NAME });
  await nav.or(expand).first().waitFor({ state: 'visible', timeout });
  if (!(await nav.isVisible())) {
    await expand.click();
    await nav.waitFor({ state: 'visible', timeout });
  }
  return nav;
}

async function stageTimes(page) {
  const at = await page.evaluate(() => {
    const out = {};
    for (const entry of performance.getEntries()) {
      if (!entry.name.startsWith('gongwen-reader:')) continue;
      const name = entry.name.slice('gongwen-reader:'.length);
      out[name] = entry.entryType === 'measure' ? entry.startTime + entry.duration : entry.startTime;
    }
    return out;
  });
  return Object.fromEntries(
    STAGES.map(({ key, from, to }) => [key, at[from] !== undefined && at[to] !== undefined ? Math.max(0, at[to] - at[from]) : NaN]),
  );
}

/** Parts in the outline once it stops growing (or reaches `expected`), polled for up to `timeoutMs`. */
async function outlineParts(nav, expected, timeoutMs = 15_000) {
  const items = nav.locator(':scope > ul > li');
  const until = Date.now() + timeoutMs;
  let count = await items.count();
  while (count < expected && Date.now() < until) {
    await sleep(100);
    count = await items.count();
  }
  return count;
}

/** A performance.measure's duration from the page; NaN (with a warning) if the content script never records it. */
async function measureDuration(page, name, timeout = 10_000) {
  try {
    const handle = await page.waitForFunction(
      (n) => performance.getEntriesByName(n)[0]?.duration ?? null,
      name,
      { timeout, polling: 20 },
    );
    return await handle.jsonValue();
  } catch (error) {
    if (!/Timeout/i.test(String(error))) throw error;
    console.warn(`  (no '${name}' measure on ${page.url()} within ${timeout / 1000} s)`);
    return NaN;
  }
}

/** Readability.parse() and the text-node floor, timed in the page (the clone is made outside the timed region). */
async function timeReferences(page, readabilitySource) {
  const loaded = await page.evaluate(() => typeof window.Readability === 'function');
  if (!loaded) await page.addScriptTag({ content: readabilitySource });
  return page.evaluate(() => {
    const clone = document.cloneNode(true);
    const t0 = performance.now();
    new window.Readability(clone).parse();
    const readabilityMs = performance.now() - t0;

    const t1 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
    const floorMs = performance.now() - t1;
    return { readabilityMs, floorMs, chars };
  });
}

async function clearStorage(worker) {
  await worker.evaluate(() => chrome.storage.local.clear());
  await askForMarks(worker);
}

/** Puts storage back to `snapshot` (everything stored, the benchmark's switch included). */
async function restoreStorage(worker, snapshot) {
  await worker.evaluate((all) => chrome.storage.local.clear().then(() => chrome.storage.local.set(all)), snapshot);
  await askForMarks(worker);
}

/**
 * Long tasks from the page's start (a `longtask` observer installed before any page script), kept
 * apart from the scroll measurement's own observer.
 */
function recordStartTasks() {
  if (!/^https?:/.test(location.protocol)) return;
  window.__benchStartTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchStartTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support: stages alone
  }
}

/**
 * Where the panel's frame spends its time, from the page's marks and the frame's own timeline (its
 * navigation entry and the panel page's marks, lib/ui/panel-marks.ts), in ms after the content
 * script's start. The two timelines are put on one clock by their `performance.timeOrigin`
 * (wall-clock based, the same for every process of the browser).
 */
async function panelFrameTimes(page) {
  const top = await page.evaluate(() => {
    const at = (name) => {
      const e = performance.getEntriesByName(name)[0];
      if (!e) return NaN;
      return e.entryType === 'measure' ? e.startTime + e.duration : e.startTime + (e.detail?.duration ?? 0);
    };
    const start = performance.getEntriesByName('gongwen-reader:start')[0]?.startTime ?? NaN;
    const frame = performance.getEntriesByName('gongwen-reader:stage:frame')[0]?.startTime ?? NaN;
    return { zero: performance.timeOrigin + start, start, inserted: frame, ready: at('gongwen-reader:ready') };
  });
  const frame = page.frames().find((f) => /\/sidepanel\.html/.test(f.url()));
  if (!frame) return {};
  await frame.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PANEL_MARKS.drawn, { timeout: 10_000, polling: 25 }).catch(() => {});
  const inner = await frame.evaluate((marks) => {
    const o = performance.timeOrigin;
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = (name) => o + (performance.getEntriesByName(name)[0]?.startTime ?? NaN);
    return {
      navStart: o + (nav?.startTime ?? NaN),
      responseEnd: o + (nav?.responseEnd ?? NaN),
      parsed: o + (nav?.domInteractive ?? NaN),
      loaded: o + (nav?.loadEventEnd ?? NaN),
      script: mark(marks.script),
      connected: mark(marks.connected),
      drawn: mark(marks.drawn),
    };
  }, PANEL_MARKS);
  const rel = Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, v - top.zero]));
  // The reader's `frame` stage starts by inserting the frame and sets its address within it.
  const inserted = top.inserted - top.start;
  const ready = top.ready - top.start;
  return {
    frame: {
      // ours: the reader telling the background, the page thread; then the browser starting the navigation
      toNavigation: rel.navStart - inserted,
      // the browser: the extension's resource read and answered
      fetch: rel.responseEnd - rel.navStart,
      // the browser and the frame's process: commit to the extension's renderer, HTML parsed (no script of ours yet)
      commitParse: rel.parsed - rel.responseEnd,
      // the panel page's bundle fetched and evaluated (imports included)
      script: rel.script - rel.parsed,
      // DOMContentLoaded and the load event in the frame
      toLoad: rel.loaded - rel.script,
      // the frame's load reaching the reader on the page's thread, the port posted (ready)
      toConnect: ready - rel.loaded,
      // the port's first messages and the first Preact render in the frame
      toDrawn: rel.drawn - ready,
    },
    // The floor of an extension page in a frame: navigation start → its HTML parsed, before any script of ours runs in it.
    frameFloorMs: rel.parsed - rel.navStart,
    drawnMs: rel.drawn,
  };
}

/**
 * The reader's own stages (gongwen-reader:stage:* marks) and the long tasks that overlap them:
 * the longest stage, the longest task of ours (that stage, or a > 50 ms task holding one of our
 * stages), and the detection's slices.
 */
async function ourTasks(page) {
  return page.evaluate((prefix) => {
    const stages = performance
      .getEntriesByType('mark')
      .filter((e) => e.name.startsWith(prefix))
      .map((e) => ({ name: e.name.slice(prefix.length), start: e.startTime, end: e.startTime + (e.detail?.duration ?? 0), ms: e.detail?.duration ?? 0 }));
    const tasks = window.__benchStartTasks ?? [];
    const ours = tasks.filter((t) => stages.some((st) => st.start < t.start + t.duration && st.end > t.start));
    const longestStage = stages.reduce((best, st) => (st.ms > best.ms ? { name: st.name, ms: st.ms } : best), { name: '–', ms: 0 });
    const stageMax = {};
    for (const st of stages) stageMax[st.name] = Math.max(stageMax[st.name] ?? 0, st.ms);
    const detect = stages.filter((st) => st.name === 'detect');
    const ready = performance.getEntriesByName('gongwen-reader:ready')[0];
    const readyAt = ready ? ready.startTime + ready.duration : Infinity;
    return {
      longestStage,
      // Our main-thread work up to ready: the stages (detection's slices included) that started before it.
      workToReadyMs: stages.filter((st) => st.start < readyAt).reduce((sum, st) => sum + st.ms, 0),
      workAllMs: stages.reduce((sum, st) => sum + st.ms, 0),
      longestTaskMs: ours.reduce((m, t) => Math.max(m, t.duration), 0),
      stageMax,
      detectWorkMs: detect.reduce((sum, st) => sum + st.ms, 0),
      detectSlices: detect.length,
    };
  }, STAGE_PREFIX);
}

/** One fresh load of `url` at CPU slowdown `rate`: ready, the first check, stages, our tasks, Readability and the floor. */
async function measureLoad({ page, cdp, url, rate, prepare, trace = false }) {
  await page.goto('about:blank');
  await prepare();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    // A Chrome trace of the load (one run per page and CPU setting: tracing slows the page down a
    // little): which tasks are ours, and how much of each is our script vs style/layout we forced.
    const tracing = trace ? await startTrace(cdp) : null;
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const nav = await waitForPanel(page, 120_000);
    const readyMs = await measureDuration(page, READY);
    const checkMs = await measureDuration(page, CHECK);
    const stages = await stageTimes(page);
    const panel = await panelFrameTimes(page);
    await waitForQuiet(page, 300, 20_000);
    const traced = tracing ? longestOurs(attributeTasks(await tracing.stop(), url)) : undefined;
    const ours = await ourTasks(page);
    const refs = await timeReferences(page, readabilitySourceText);
    return { nav, readyMs, checkMs, ...stages, ...panel, ...ours, ...refs, traced, longestOursMs: Math.max(ours.longestTaskMs, ours.longestStage.ms) };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

function summarize(rows) {
  if (rows.length === 0) return null;
  const med = (key) => median(rows.map((r) => r[key]));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.stageMax)))];
  const longest = rows.reduce((best, r) => (r.longestOursMs > best.longestOursMs ? r : best), rows[0]);
  return {
    readyMs: med('readyMs'),
    checkMs: med('checkMs'),
    detectWorkMs: med('detectWorkMs'),
    detectSlices: med('detectSlices'),
    stages: Object.fromEntries(STAGES.map(({ key }) => [key, med(key)])),
    readabilityMs: med('readabilityMs'),
    floorMs: med('floorMs'),
    // Per run, ready and Readability are measured seconds apart on the same page, so their ratio
    // is steadier than the ratio of the medians when the machine's load changes between runs.
    ratio: median(rows.map((r) => r.readyMs / r.readabilityMs)),
    checkOverFloor: median(rows.map((r) => r.checkMs / Math.max(r.floorMs, 0.1))),
    // The panel's frame (CPU throttling does not reach its process; reported for CPU 1×).
    frame: Object.fromEntries(FRAME_STEPS.map(({ key }) => [key, median(rows.map((r) => r.frame?.[key]))])),
    frameFloorMs: med('frameFloorMs'),
    drawnMs: med('drawnMs'),
    workToReadyMs: med('workToReadyMs'),
    workAllMs: med('workAllMs'),
    workRatio: median(rows.map((r) => r.workToReadyMs / r.readabilityMs)),
    drawnRatio: median(rows.map((r) => r.drawnMs / r.readabilityMs)),
    // The worst run, not the median: one freeze is one too many.
    longestOursMs: longest.longestOursMs,
    longestStage: longest.longestStage,
    stageMax: Object.fromEntries(names.map((n) => [n, median(rows.map((r) => r.stageMax[n]))])),
    traced: rows.find((r) => r.traced)?.traced ?? null,
    chars: rows[0].chars,
  };
}

let readabilitySourceText = '';

/** One traced task of ours (bench/trace.mjs) in words. */
export function describeTraced(t) {
  return `${t.ms.toFixed(1)} ms task: script ${t.scriptMs.toFixed(1)}, forced style/layout ${t.forcedMs.toFixed(1)}, other style/layout ${t.otherLayoutMs.toFixed(1)} (${t.entries.join(', ') || 'no entry'})`;
}

/**
 * One page: `runs` fresh loads at CPU 1× and `runs` at THROTTLE×, alternating, in a fresh profile.
 * `prepareStorage(worker)` runs before each load (default: clear, a first visit); `extra` gets the
 * browser afterwards.
 */
async function benchPage(executablePath, origin, pageInfo, runs, { extra, prepareStorage = clearStorage, setup } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-'));
  const { context, worker, page } = await launchWithExtension(executablePath, userDataDir);
  await context.addInitScript(recordStartTasks);
  const cdp = await context.newCDPSession(page);
  const url = `${origin}/${pageInfo.file}`;
  const normal = [];
  const throttled = [];
  let info = {};
  try {
    if (setup) info = (await setup({ context, worker, page })) ?? {};
    const prepare = () => prepareStorage(worker);
    for (let run = 0; run < runs; run++) {
      for (const rate of [1, THROTTLE]) {
        const row = await measureLoad({ page, cdp, url, rate, prepare, trace: run === 0 });
        if (run === 0 && rate === 1) {
          // Long outlines are drawn a slice per task after the panel shows: wait for the last part.
          const parts = await outlineParts(row.nav, pageInfo.parts);
          if (parts !== pageInfo.parts) {
            throw new BenchError(`${pageInfo.file}: the outline shows ${parts} parts, expected ${pageInfo.parts}`);
          }
        }
        delete row.nav;
        (rate === 1 ? normal : throttled).push(row);
        process.stdout.write(
          `  ${pageInfo.label} CPU ${rate}× run ${run + 1}/${runs}: ready ${row.readyMs.toFixed(1)} ms, check ${row.checkMs.toFixed(1)} ms ` +
            `(detection ${row.detectWorkMs.toFixed(1)} ms in ${row.detectSlices}), Readability ${row.readabilityMs.toFixed(1)} ms, floor ${row.floorMs.toFixed(2)} ms, ` +
            `longest stage ${row.longestStage.name} ${row.longestStage.ms.toFixed(1)} ms, longest task of ours ${row.longestOursMs.toFixed(1)} ms, ` +
            `our work to ready ${row.workToReadyMs.toFixed(1)} ms, outline drawn ${row.drawnMs?.toFixed(1)} ms (frame: ${FRAME_STEPS.map(({ key, label }) => `${label} ${row.frame?.[key]?.toFixed(1)}`).join(', ')})` +
            (row.traced ? `; trace: ${describeTraced(row.traced)}` : '') +
            '\n',
        );
      }
    }
    if (extra) await extra({ context, worker, page, url, cdp });
  } finally {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
  return { ...pageInfo, ...info, normal: summarize(normal), throttled: summarize(throttled), chars: normal[0]?.chars ?? 0 };
}

/** The first check on a non-document page: 'gongwen-reader:check', `runs` fresh loads. */
async function benchNonDocument(page, origin, runs) {
  const values = [];
  for (let run = 0; run < runs; run++) {
    await page.goto('about:blank');
    await page.goto(`${origin}/${NON_DOCUMENT}`, { waitUntil: 'load' });
    values.push(await measureDuration(page, CHECK));
  }
  await sleep(500);
  const panel = await page.locator('gongwen-reader').count();
  if (panel > 0) throw new BenchError(`${NON_DOCUMENT} got a reader panel — it is not a document`);
  return { checkMs: median(values), minMs: Math.min(...values), values };
}

/** Page geometry for the scroll loops. */
const scrollState = (page) =>
  page.evaluate(() => ({ y: scrollY, max: document.documentElement.scrollHeight - innerHeight }));

/**
 * Scrolls with the mouse wheel over the article column, SCROLL_STEP_PX per step and a step at most
 * every SCROLL_PAUSE_MS (each wheel dispatch already waits for the renderer's ack, ~1 frame): to the
 * bottom once (`untilMs` unset; stops after `capMs` or `maxSteps`), or back and forth for `untilMs`.
 * Position is checked every 8 steps.
 */
async function wheelScroll(page, { untilMs, capMs = SCROLL_CAP_MS, maxSteps = Infinity } = {}) {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  const started = Date.now();
  let direction = 1;
  let steps = 0;
  let slowest = 0;
  let capped = false;
  for (;;) {
    const t = Date.now();
    await page.mouse.wheel(0, direction * SCROLL_STEP_PX);
    steps++;
    const took = Date.now() - t;
    slowest = Math.max(slowest, took);
    if (took < SCROLL_PAUSE_MS) await sleep(SCROLL_PAUSE_MS - took);
    if (steps >= maxSteps) break;
    if (steps % 8 !== 0) continue;
    const { y, max } = await scrollState(page);
    if (untilMs === undefined) {
      if (y >= max - 1) break;
      if (Date.now() - started > capMs) {
        capped = true;
        break;
      }
    } else {
      if (Date.now() - started >= untilMs) break;
      if (direction > 0 && y >= max - 1) direction = -1;
      else if (direction < 0 && y <= 0) direction = 1;
    }
  }
  const ms = Date.now() - started;
  return { steps, ms, msPerStep: ms / steps, slowestStepMs: slowest, capped };
}

/**
 * Long tasks (> 50 ms, 'longtask' entries) and long animation frames (> 50 ms, 'long-animation-frame'
 * entries: script *and* rendering of one frame) that start while scrolling the whole page once.
 * Long tasks cover script tasks only; a frame that is slow because of style, layout or paint work
 * (or requestAnimationFrame callbacks) shows up only as a long animation frame.
 */
async function longTasksWhileScrolling(page, { maxSteps = Infinity } = {}) {
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    window.__benchLoafs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__benchLoafs.push({ start: e.startTime, duration: e.duration, render: e.startTime + e.duration - (e.renderStart || e.startTime + e.duration) });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      window.__benchLoafs = null; // not supported
    }
  });
  await page.evaluate(() => scrollTo(0, 0));
  await waitForQuiet(page);
  const from = await page.evaluate(() => performance.now());
  const scroll = await wheelScroll(page, { capMs: SCROLL_CAP_MS, maxSteps });
  await waitForQuiet(page);
  const { tasks, loafs, height, reached } = await page.evaluate((t0) => ({
    tasks: window.__benchLongTasks.filter((t) => t.start >= t0),
    loafs: window.__benchLoafs?.filter((t) => t.start >= t0) ?? null,
    height: document.documentElement.scrollHeight,
    reached: (scrollY + innerHeight) / document.documentElement.scrollHeight,
  }), from);
  const long = tasks.filter((t) => t.duration > LONG_TASK_MS);
  const longFrames = loafs?.filter((t) => t.duration > LONG_TASK_MS) ?? [];
  return {
    count: long.length,
    maxMs: long.reduce((m, t) => Math.max(m, t.duration), 0),
    frames: loafs === null ? null : longFrames.length,
    framesMaxMs: longFrames.reduce((m, t) => Math.max(m, t.duration), 0),
    framesMedianMs: median(longFrames.map((t) => t.duration)),
    framesRenderMedianMs: median(longFrames.map((t) => t.render)),
    steps: scroll.steps,
    scrollMs: scroll.ms,
    msPerStep: scroll.msPerStep,
    slowestStepMs: scroll.slowestStepMs,
    capped: scroll.capped,
    reached,
    height,
  };
}

/** The same scroll (same number of wheel steps) on the same page in Chromium without the extension. */
async function baselineLongTasks(executablePath, url, maxSteps, rate = 1) {
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForQuiet(page);
    if (rate !== 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    return await longTasksWhileScrolling(page, { maxSteps });
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * storage.local writes of stored documents (each its own 'doc:' key since issue 13), counted in the
 * service worker during ~10 s of scrolling, with the bytes they wrote.
 */
async function storageWritesWhileScrolling(worker, page, url, prepare = () => clearStorage(worker)) {
  await page.goto('about:blank');
  await prepare();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitForPanel(page, 60_000);
  await waitForQuiet(page, 500);
  await worker.evaluate(() => {
    const g = globalThis;
    g.__benchWrites = [];
    if (!g.__benchListening) {
      g.__benchListening = true;
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local') return;
        const keys = Object.keys(changes).filter((key) => key.startsWith('doc:') || key === 'documents');
        if (keys.length === 0) return;
        const bytes = keys.reduce((sum, key) => sum + JSON.stringify(changes[key].newValue ?? null).length, 0);
        g.__benchWrites.push({ at: Date.now(), bytes, keys: Object.keys(changes).length });
      });
    }
  });
  const t0 = Date.now();
  const scroll = await wheelScroll(page, { untilMs: STORAGE_WINDOW_MS });
  const t1 = Date.now();
  await sleep(2_000); // the trailing save after the last scroll
  const writes = await worker.evaluate(() => globalThis.__benchWrites);
  const inWindow = writes.filter((w) => w.at >= t0 && w.at <= t1);
  const during = inWindow.length;
  const seconds = (t1 - t0) / 1000;
  const kB = inWindow.reduce((sum, w) => sum + w.bytes, 0) / 1024;
  const keysPerWrite = during ? inWindow.reduce((sum, w) => sum + w.keys, 0) / during : 0;
  return { during, trailing: writes.filter((w) => w.at > t1).length, seconds, perSecond: during / seconds, kB, keysPerWrite, steps: scroll.steps };
}

function contentScriptSize() {
  const raw = readFileSync(CONTENT_JS);
  return { rawKB: raw.length / 1024, gzipKB: gzipSync(raw, { level: 9 }).length / 1024 };
}

function describeScroll(r) {
  const frames = r.frames === null ? 'long animation frames unsupported' : `${r.frames} frames > ${LONG_TASK_MS} ms (max ${ms(r.framesMaxMs)})`;
  return (
    `${r.count} long tasks > ${LONG_TASK_MS} ms (max ${ms(r.maxMs)}), ${frames}; ${r.steps} wheel steps in ${(r.scrollMs / 1000).toFixed(1)} s, ` +
    `${r.msPerStep.toFixed(1)} ms/step (slowest ${r.slowestStepMs} ms), reached ${(r.reached * 100).toFixed(0)} % of the page${r.capped ? ' (time cap)' : ''}`
  );
}

/** Commit and whether the work tree differs from it (others edit the extension concurrently). */
function gitState() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'entrypoints', 'components', 'lib', 'public'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in ${dirty.split('\n').length} extension file(s)` : head;
  } catch {
    return 'unknown (no git)';
  }
}

async function chromiumVersion(executablePath) {
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new BenchError(chromiumNotFoundMessage());
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new BenchError('extension build not found (.output/chrome-mv3/manifest.json) — run npm run build first');
  }
  readabilitySourceText = readFileSync(READABILITY_JS, 'utf8');
  const started = Date.now();

  const pagesDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-pages-'));
  const server = await startServer({ root: pagesDir, port: 0, host: '127.0.0.1' });
  // Opened under a *.edu.cn name (Chromium maps it to the server): the shipped manifest's portals.
  const origin = portalUrl(server.url);
  try {
    const pages = await writeBenchPages(pagesDir, options.sizes);
    for (const page of pages) page.label = `${page.times}×`;
    await copyFile(path.join(ROOT, 'tests', 'fixtures', NON_DOCUMENT), path.join(pagesDir, NON_DOCUMENT));
    await copyFile(path.join(ROOT, 'tests', 'fixtures', REALISTIC.file), path.join(pagesDir, REALISTIC.file));
    const env = {
      date: new Date().toISOString(),
      cpu: os.cpus()[0]?.model ?? 'unknown CPU',
      cores: os.cpus().length,
      memGB: (os.totalmem() / 2 ** 30).toFixed(1),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: await chromiumVersion(executablePath),
      git: gitState(),
      loadBefore: os.loadavg()[0],
      runs: options.runs,
      throttle: THROTTLE,
    };
    console.log(`Chromium ${env.chromium}, ${env.cores} × ${env.cpu}; pages in ${pagesDir}, served at ${origin}`);

    const largest = Math.max(...options.sizes);
    const phrasesPage = pages.find((p) => p.times === largest);
    const runPhrases = async () => {
      console.log(`phrase finding on ${phrasesPage.times}×: none vs ${FLOOD} reader phrases`);
      const phrases = {
        times: phrasesPage.times,
        ...summarizePhraseBench(
          await benchPhraseFinding({ executablePath, args: BASE_ARGS, url: `${origin}/${phrasesPage.file}`, runs: Math.max(5, options.runs) }),
        ),
      };
      console.log(`  none ${ms(phrases.noneMs)}, ${FLOOD} phrases ${ms(phrases.floodMs)} (${phrases.ratio.toFixed(2)}×), regex finder ${ms(phrases.regexMs, 0)}`);
      return phrases;
    };
    if (options.only === 'phrases') {
      const phrases = await runPhrases();
      await spliceIntoResults(phrases, env);
      return;
    }

    const sizes = [];
    let nonDoc = null;
    let scroll = null;
    let storage = null;
    let throttledScroll = null;
    for (const pageInfo of pages) {
      console.log(`${pageInfo.times}× (${pageInfo.parts} parts, ${(pageInfo.bytes / 1024).toFixed(0)} KB of HTML)`);
      const extra = async ({ worker, page, url, cdp }) => {
        if (pageInfo.times === options.sizes[0]) {
          nonDoc = await benchNonDocument(page, origin, options.runs * 3);
          console.log(`  non-document check: ${ms(nonDoc.checkMs, 2)} (${nonDoc.values.map((v) => v.toFixed(2)).join(', ')})`);
        }
        if (pageInfo.times === largest && options.scroll) {
          const open = async () => {
            await page.goto('about:blank');
            await clearStorage(worker);
            await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
            await waitForPanel(page, 60_000);
            await waitForQuiet(page, 500);
          };
          await open();
          scroll = { times: pageInfo.times, ...(await longTasksWhileScrolling(page)) };
          console.log(`  scroll with extension: ${describeScroll(scroll)}`);
          await open();
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
          try {
            throttledScroll = { times: pageInfo.times, ...(await longTasksWhileScrolling(page, { maxSteps: THROTTLED_SCROLL_STEPS })) };
          } finally {
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          }
          console.log(`  scroll with extension, CPU ${THROTTLE}×: ${describeScroll(throttledScroll)}`);
          storage = await storageWritesWhileScrolling(worker, page, url);
          console.log(`  storage: ${storage.during} writes (${storage.kB.toFixed(0)} KB) in ${storage.seconds.toFixed(1)} s (+${storage.trailing} trailing)`);
        }
      };
      sizes.push(await benchPage(executablePath, origin, pageInfo, options.runs, { extra }));
    }

    console.log(`${REALISTIC.label} (${REALISTIC.file})`);
    sizes.push(await benchPage(executablePath, origin, { ...REALISTIC, times: NaN }, options.runs));

    let storedStorage = null;
    if (options.stored) {
      const big = pages.find((p) => p.times === largest);
      console.log(`${big.times}× with ${DOCUMENTS} documents stored`);
      let snapshot = null;
      const seedHtml = makeBenchPage(30);
      const setup = async ({ context, worker }) => {
        await clearStorage(worker);
        const extensionId = new URL(worker.url()).host;
        const seeded = await seedStoredDocuments(context, extensionId, seedHtml, DOCUMENTS);
        snapshot = await worker.evaluate(() => chrome.storage.local.get(null));
        console.log(`  seeded ${seeded.count} documents (${(seeded.bytes / 1024).toFixed(0)} KB in storage)`);
        return { storedBytes: seeded.bytes, documents: seeded.count };
      };
      const prepareStorage = (worker) => restoreStorage(worker, snapshot);
      const extra = async ({ worker, page, url }) => {
        if (!options.scroll) return;
        storedStorage = await storageWritesWhileScrolling(worker, page, url, () => prepareStorage(worker));
        console.log(`  storage with ${DOCUMENTS} documents: ${storedStorage.during} writes (${storedStorage.kB.toFixed(0)} KB) in ${storedStorage.seconds.toFixed(1)} s`);
      };
      const result = await benchPage(executablePath, origin, { ...big, label: `${big.times}×, ${DOCUMENTS} stored documents`, seeded: true }, options.runs, { setup, prepareStorage, extra });
      sizes.push(result);
      if (storedStorage) storedStorage = { ...storedStorage, times: big.times, documents: result.documents, storedBytes: result.storedBytes };
    }

    let baseline = null;
    let throttledBaseline = null;
    if (options.scroll) {
      const big = pages.find((p) => p.times === largest);
      baseline = await baselineLongTasks(executablePath, `${origin}/${big.file}`, scroll?.steps ?? Infinity);
      console.log(`  scroll without extension: ${describeScroll(baseline)}`);
      throttledBaseline = await baselineLongTasks(executablePath, `${origin}/${big.file}`, throttledScroll?.steps ?? THROTTLED_SCROLL_STEPS, THROTTLE);
      console.log(`  scroll without extension, CPU ${THROTTLE}×: ${describeScroll(throttledBaseline)}`);
    }

    const phrases = await runPhrases();

    let sheetCost = null;
    if (options.sheet) {
      console.log('the fixed highlight sheet: style in each page\'s own load without and with it, and adopting it after load (no extension)');
      sheetCost = { runs: options.runs, rows: await benchSheetCost({ executablePath, args: BASE_ARGS, runs: options.runs, log: console.log }) };
    }

    env.loadAfter = os.loadavg()[0];
    const size = contentScriptSize();
    const { markdown, missed } = buildReport({ env, sizes, nonDoc, scroll, baseline, throttledScroll, throttledBaseline, storage, storedStorage, size, phrases, sheetCost });
    console.log('');
    console.log(markdown);
    await writeFile(RESULTS_MD, markdown + '\n');
    console.log(`Written to ${path.relative(ROOT, RESULTS_MD)} (bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const m of missed) console.log(m);
  } finally {
    await server.close();
    await rm(pagesDir, { recursive: true, force: true }).catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    const full = error instanceof Error ? error.message : String(error);
    const reason = error instanceof BenchError || process.env.DEBUG ? full : full.split('\n')[0];
    console.error(`Bench failed: ${reason}`);
    process.exit(1);
  },
);
