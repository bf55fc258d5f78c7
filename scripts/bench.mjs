// `npm run bench` (after `npm run build`): how fast the built extension is, in system Chromium.
//
//   node scripts/bench.mjs [--runs=5] [--sizes=1,30,100] [--no-scroll] [--only=phrases]
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
// plus: phrase finding with 500 reader phrases vs none (bench/phrases.mjs), the first check on a non-document page, long tasks while scrolling the 100× page (with a
// no-extension baseline), storage writes per second while scrolling, and content.js gzipped.
// Prints a markdown table and writes it to bench/RESULTS.md. Exit 0 even when a target is missed
// (a MISSED line says which); exit 1 only when the bench itself cannot run.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { writeBenchPages } from '../bench/make-page.mjs';
import { benchPhraseFinding, FLOOD, SHARED_PREFIX, summarizePhraseBench } from '../bench/phrases.mjs';
import { askForMarks, launchWithExtension as launch, median, sleep, VIEWPORT, waitForQuiet } from '../bench/browser.mjs';
import { TARGETS } from '../bench/targets.mjs';
import { chromiumNotFoundMessage, findChromium, chromiumArgs, portalUrl } from './find-chromium.mjs';
import { startServer } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const CONTENT_JS = path.join(EXTENSION_DIR, 'content-scripts', 'content.js');
const READABILITY_JS = path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js');
const NON_DOCUMENT = 'not-news-story.html';
const RESULTS_MD = path.join(ROOT, 'bench', 'RESULTS.md');
const NAV_NAME = /文档导航|Document outline/;
const EXPAND_NAME = /打开完整目录|Open the full outline/;
const READY = 'gongwen-reader:ready';
const CHECK = 'gongwen-reader:check';
const SCROLL_STEP_PX = 400;
const SCROLL_PAUSE_MS = 20;
const STORAGE_WINDOW_MS = 10_000;
const LONG_TASK_MS = 50;
/** The whole-page scroll stops here if it has not reached the bottom (keeps the bench within ~5 min). */
const SCROLL_CAP_MS = 75_000;

class BenchError extends Error {}

function parseArgs(argv) {
  const options = { runs: 5, sizes: [1, 30, 100], scroll: true, only: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'runs') options.runs = Math.max(1, Number(value));
    else if (key === 'sizes') options.sizes = value.split(',').map(Number);
    else if (key === 'no-scroll') options.scroll = false;
    else if (key === 'only' && value === 'phrases') options.only = 'phrases';
    else throw new BenchError(`unknown option ${arg} (use --runs=N, --sizes=1,30,100, --no-scroll, --only=phrases)`);
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

/**
 * Where `ready` goes, from the stage marks the extension leaves (lib/startup/marks.ts):
 * detection in the content script, then the wait for the injected reader bundle, then any further
 * wait for the stored state, then the reader's own start (controller, phrases, panel render).
 */
const STAGES = [
  { key: 'detectMs', label: 'detect', from: 'start', to: 'detected' },
  { key: 'bundleMs', label: 'bundle injected', from: 'detected', to: 'bundle' },
  { key: 'storageMs', label: 'then storage', from: 'bundle', to: 'restored' },
  { key: 'renderMs', label: 'reader start + panel', from: 'restored', to: 'ready' },
];

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

/** One size: `runs` fresh loads of the page with the extension in a fresh profile. */
async function benchSize(executablePath, origin, pageInfo, runs, readabilitySource, extra) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-'));
  const { context, worker, page } = await launchWithExtension(executablePath, userDataDir);
  const url = `${origin}/${pageInfo.file}`;
  const rows = [];
  try {
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      await clearStorage(worker);
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const nav = await waitForPanel(page, 60_000);
      const readyMs = await measureDuration(page, READY);
      const checkMs = await measureDuration(page, CHECK);
      const stages = await stageTimes(page);
      if (run === 0) {
        // Long outlines are drawn a slice per task after the panel shows: wait for the last part.
        const parts = await outlineParts(nav, pageInfo.parts);
        if (parts !== pageInfo.parts) {
          throw new BenchError(`${pageInfo.file}: the outline shows ${parts} parts, expected ${pageInfo.parts}`);
        }
      }
      await waitForQuiet(page);
      const refs = await timeReferences(page, readabilitySource);
      rows.push({ readyMs, checkMs, ...stages, ...refs });
      process.stdout.write(
        `  ${pageInfo.times}× run ${run + 1}/${runs}: ready ${readyMs.toFixed(1)} ms, detect ${checkMs.toFixed(1)} ms, ` +
          `Readability ${refs.readabilityMs.toFixed(1)} ms, floor ${refs.floorMs.toFixed(2)} ms\n`,
      );
    }
    if (extra) await extra({ context, worker, page, url });
  } finally {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
  return {
    times: pageInfo.times,
    parts: pageInfo.parts,
    bytes: pageInfo.bytes,
    chars: rows[0]?.chars ?? 0,
    readyMs: median(rows.map((r) => r.readyMs)),
    checkMs: median(rows.map((r) => r.checkMs)),
    stages: Object.fromEntries(STAGES.map(({ key }) => [key, median(rows.map((r) => r[key]))])),
    readabilityMs: median(rows.map((r) => r.readabilityMs)),
    floorMs: median(rows.map((r) => r.floorMs)),
    // Per run, ready and Readability are measured seconds apart on the same page, so their ratio
    // is steadier than the ratio of the medians when the machine's load changes between runs.
    ratio: median(rows.map((r) => r.readyMs / r.readabilityMs)),
  };
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
async function baselineLongTasks(executablePath, url, maxSteps) {
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForQuiet(page);
    return await longTasksWhileScrolling(page, { maxSteps });
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * storage.local writes of stored documents (each its own 'doc:' key since issue 13), counted in the
 * service worker during ~10 s of scrolling, with the bytes they wrote.
 */
async function storageWritesWhileScrolling(worker, page, url) {
  await page.goto('about:blank');
  await clearStorage(worker);
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
        g.__benchWrites.push({ at: Date.now(), bytes });
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
  return { during, trailing: writes.filter((w) => w.at > t1).length, seconds, perSecond: during / seconds, kB, steps: scroll.steps };
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

const ms = (v, digits = 1) => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
const mark = (ok) => (ok === null ? '' : ok ? '✓' : '✗ MISSED');

const PHRASES_HEADING = '## Phrase finding: 500 reader phrases vs none';

/** The phrase-finding section (lines), judged against its target. */
function phraseSection(phrases, judge) {
  const ok = phrases.ratio <= TARGETS.phraseFloodOverNone;
  return [
    PHRASES_HEADING,
    '',
    '| Page | Text | no reader phrases | 500 sharing a prefix | ratio | Target | regex finder it replaced, 500 phrases |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    `| ${phrases.times}× | ${(phrases.chars / 1000).toFixed(0)} k chars | ${ms(phrases.noneMs, 1)} | ${ms(phrases.floodMs, 1)} | ${phrases.ratio.toFixed(2)} | ≤ ${TARGETS.phraseFloodOverNone} ${judge(
      'phrase finding with 500 reader phrases',
      ok,
      `${phrases.ratio.toFixed(2)} × the time with none (${ms(phrases.floodMs, 1)} vs ${ms(phrases.noneMs, 1)})`,
    )} | ${ms(phrases.regexMs, 0)} (${(phrases.regexMs / phrases.noneMs).toFixed(1)}×) |`,
    '',
    `\`findPhrases()\` (lib/phrases/find-phrases.ts) on the page's article text as the reader reads it, in Chromium without the extension; medians of ${phrases.none.length} alternating runs after a warm-up of each. ` +
      `The ${FLOOD} phrases are \`${SHARED_PREFIX}第N号专项\`: the prefix occurs ${phrases.prefixHits} times in the text, no phrase does (${phrases.counts.none} finds with none, ${phrases.counts.flood} with them). ` +
      'The 500-phrase time includes building the automaton, as the reader does on each change of phrases. The regex finder (tests/unit/phrases/reference-find-phrases.ts) is timed once, for reference.',
    '',
  ];
}

function buildReport({ env, sizes, nonDoc, scroll, baseline, storage, size, phrases }) {
  const missed = [];
  const judge = (label, ok, detail) => {
    if (ok === false) missed.push(`MISSED: ${label} — ${detail}`);
    return mark(ok);
  };
  const lines = [];
  lines.push('# Gongwen Reader — benchmark results', '');
  lines.push(`- Date: ${env.date}`);
  lines.push(`- Machine: ${env.cpu}, ${env.cores} cores, ${env.memGB} GB RAM, ${env.os}`);
  lines.push(`- Chromium: ${env.chromium} (headless, viewport ${VIEWPORT.width}×${VIEWPORT.height})`);
  lines.push(`- Node: ${env.node}`);
  lines.push(`- Source: ${env.git}`);
  lines.push(
    `- Load average (1 min) before / after: ${env.loadBefore.toFixed(2)} / ${env.loadAfter.toFixed(2)} on ${env.cores} cores` +
      (Math.max(env.loadBefore, env.loadAfter) > env.cores ? ' — the machine was busy with other work: expect noise' : ''),
  );
  lines.push(`- Runs: ${env.runs} fresh page loads per size, ${env.runs * 3} for the non-document (medians; storage cleared before each load: first visits)`);
  lines.push('- Command: `npm run bench` (`npm run build && node scripts/bench.mjs`); targets in `bench/targets.mjs`');
  lines.push('');
  lines.push('## Load: panel ready vs. Readability', '');
  lines.push('| Page | Parts | HTML | Text | ready | first check | Readability.parse | floor (TreeWalker) | ready / Readability | Target |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of sizes) {
    const ratio = s.ratio;
    const target = `ratio ≤ ${TARGETS.readyOverReadability} ${judge(
      `ready / Readability at ${s.times}×`,
      ratio <= TARGETS.readyOverReadability,
      `${ratio.toFixed(2)} > ${TARGETS.readyOverReadability} (ready ${ms(s.readyMs)}, Readability ${ms(s.readabilityMs)})`,
    )}`;
    lines.push(
      `| ${s.times}× | ${s.parts} | ${(s.bytes / 1024).toFixed(0)} KB | ${(s.chars / 1000).toFixed(0)} k chars | ${ms(s.readyMs)} | ${ms(s.checkMs)} | ${ms(s.readabilityMs)} | ${ms(s.floorMs, 2)} | ${ratio.toFixed(2)} | ${target} |`,
    );
  }
  lines.push('');
  lines.push(
    '`ready` = `gongwen-reader:ready` (content script start → panel shown: detection, storage reads, the UI); ' +
      '`first check` = `gongwen-reader:check` (content script start → end of the synchronous part of its first detection attempt — ' +
      'on a document that includes readDocument(), on other pages only the pre-check); ' +
      '`Readability.parse` excludes the `document.cloneNode(true)` it needs; `floor` = one TreeWalker pass summing text-node lengths; ' +
      '`ready / Readability` = median over runs of each run\'s ratio.',
  );
  lines.push('');
  lines.push('### Where `ready` goes (medians)', '');
  lines.push(`| Page | ${STAGES.map((st) => st.label).join(' | ')} | ready |`);
  lines.push(`| --- | ${STAGES.map(() => '---:').join(' | ')} | ---: |`);
  for (const s of sizes) {
    lines.push(`| ${s.times}× | ${STAGES.map((st) => ms(s.stages[st.key])).join(' | ')} | ${ms(s.readyMs)} |`);
  }
  lines.push('');
  lines.push(
    '`detect` = content script start → document found (synchronous; storage is read meanwhile); ' +
      '`bundle injected` = → the reader bundle runs (a message to the background, `scripting.executeScript`, compiling it); ' +
      '`then storage` = → the stored state is there, if it came later than the bundle; ' +
      '`reader start + panel` = → panel shown (phrases found, controller, shadow root, first render). ' +
      'The two middle columns are waits on the browser, during which the page\'s main thread is free.',
  );
  lines.push('');
  lines.push('## Other measures', '');
  lines.push('| Measure | Result | Target | |');
  lines.push('| --- | --- | --- | --- |');
  if (nonDoc) {
    const ok = nonDoc.checkMs <= TARGETS.nonDocumentCheckMs;
    lines.push(
      `| First check on a non-document (${NON_DOCUMENT}), median of ${nonDoc.values.length} loads | ${ms(nonDoc.checkMs, 2)} (fastest ${ms(nonDoc.minMs, 2)}) | ≤ ${TARGETS.nonDocumentCheckMs} ms | ${judge(
        'non-document check',
        ok,
        `${ms(nonDoc.checkMs, 2)} > ${TARGETS.nonDocumentCheckMs} ms`,
      )} |`,
    );
  }
  if (scroll && baseline) {
    const where = `scrolling the ${scroll.times}× page (${scroll.height} px; ${scroll.steps} wheel steps of ${SCROLL_STEP_PX} px, ` +
      `${(scroll.scrollMs / 1000).toFixed(1)} s, ${(scroll.reached * 100).toFixed(0)} % of the page${scroll.capped ? ', time cap' : ''})`;
    const extra = scroll.count - baseline.count;
    const ok = extra <= TARGETS.extraLongTasksWhileScrolling;
    lines.push(
      `| Long tasks > ${LONG_TASK_MS} ms ${where} | ${scroll.count} with the extension (max ${ms(scroll.maxMs)}); ` +
        `${baseline.count} without (max ${ms(baseline.maxMs)}), same steps | ≤ ${TARGETS.extraLongTasksWhileScrolling} added | ` +
        `${judge('long tasks while scrolling', ok, `${extra} more long task(s) than without the extension (max ${ms(scroll.maxMs)})`)} |`,
    );
    if (scroll.frames !== null && baseline.frames !== null) {
      const pct = (r) => (100 * r.frames) / Math.max(1, r.steps);
      const added = pct(scroll) - pct(baseline);
      const okFrames = added <= TARGETS.extraLongFramesPercent;
      lines.push(
        `| Long animation frames > ${LONG_TASK_MS} ms (script + style/layout/paint) in the same scroll | ` +
          `${scroll.frames} with the extension (${pct(scroll).toFixed(0)} per 100 steps; median ${ms(scroll.framesMedianMs)}, ` +
          `of which rendering ${ms(scroll.framesRenderMedianMs)}; max ${ms(scroll.framesMaxMs)}); ${baseline.frames} without ` +
          `(${pct(baseline).toFixed(0)} per 100 steps, max ${ms(baseline.framesMaxMs)}) | ≤ ${TARGETS.extraLongFramesPercent} added per 100 steps | ` +
          `${judge('long animation frames while scrolling', okFrames, `${added.toFixed(0)} more frames > ${LONG_TASK_MS} ms per 100 wheel steps than without the extension (max ${ms(scroll.framesMaxMs)})`)} |`,
      );
    }
    lines.push(
      `| Wheel step round trip (dispatch → renderer ack), mean / slowest, same scroll | ` +
        `${scroll.msPerStep.toFixed(1)} / ${scroll.slowestStepMs} ms with the extension; ${baseline.msPerStep.toFixed(1)} / ${baseline.slowestStepMs} ms without | reported only | |`,
    );
  }
  if (storage) {
    const ok = storage.perSecond <= TARGETS.storageWritesPerSecond;
    lines.push(
      `| storage.local writes of documents while scrolling (${storage.seconds.toFixed(1)} s) | ${storage.perSecond.toFixed(2)} /s ` +
        `(${storage.during} writes, ${storage.kB.toFixed(0)} KB, +${storage.trailing} trailing) | ≤ ${TARGETS.storageWritesPerSecond} /s | ${judge('storage writes', ok, `${storage.perSecond.toFixed(2)} writes/s`)} |`,
    );
  }
  {
    const ok = size.gzipKB <= TARGETS.contentScriptGzipKB;
    lines.push(
      `| content-scripts/content.js gzipped (raw ${size.rawKB.toFixed(1)} KB) | ${size.gzipKB.toFixed(1)} KB | ≤ ${TARGETS.contentScriptGzipKB} KB | ${judge(
        'content script size',
        ok,
        `${size.gzipKB.toFixed(1)} KB gzipped > ${TARGETS.contentScriptGzipKB} KB`,
      )} |`,
    );
  }
  lines.push('');
  if (phrases) lines.push(...phraseSection(phrases, judge));
  if (missed.length) {
    lines.push('## Missed', '');
    for (const m of missed) lines.push(`- ${m}`);
    lines.push('');
  }
  return { markdown: lines.join('\n'), missed };
}

/** --only=phrases: replaces the phrase-finding section of bench/RESULTS.md (and its Missed line), keeping the rest. */
async function spliceIntoResults(phrases, env) {
  const missed = [];
  const judge = (label, ok, detail) => {
    if (ok === false) missed.push(`MISSED: ${label} — ${detail}`);
    return mark(ok);
  };
  const section = phraseSection(phrases, judge);
  section.splice(
    section.length - 1,
    0,
    '',
    `Run alone (\`node scripts/bench.mjs --only=phrases\`) on ${env.date}, source ${env.git}, load average ${env.loadBefore.toFixed(2)} on ${env.cores} cores; the sections above are from the full run.`,
  );
  const old = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8').split('\n') : ['# Gongwen Reader — benchmark results', ''];
  const lines = [];
  for (let i = 0; i < old.length; i++) {
    if (old[i] === PHRASES_HEADING) {
      while (i + 1 < old.length && !old[i + 1].startsWith('## ')) i++;
      continue;
    }
    if (old[i].startsWith('- MISSED: phrase finding')) continue;
    lines.push(old[i]);
  }
  let at = lines.indexOf('## Missed');
  if (at < 0) {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    lines.push('');
    at = lines.length;
  }
  lines.splice(at, 0, ...section);
  if (missed.length) {
    let missedAt = lines.indexOf('## Missed');
    if (missedAt < 0) {
      lines.push('## Missed', '');
      missedAt = lines.length - 2;
    }
    lines.splice(missedAt + 2, 0, ...missed.map((m) => `- ${m}`));
  }
  const markdown = lines.join('\n').replace(/\n*$/, '\n');
  await writeFile(RESULTS_MD, markdown);
  console.log(section.join('\n'));
  console.log(`Written into ${path.relative(ROOT, RESULTS_MD)}`);
  for (const m of missed) console.log(m);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new BenchError(chromiumNotFoundMessage());
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new BenchError('extension build not found (.output/chrome-mv3/manifest.json) — run npm run build first');
  }
  const readabilitySource = readFileSync(READABILITY_JS, 'utf8');
  const started = Date.now();

  const pagesDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-pages-'));
  const server = await startServer({ root: pagesDir, port: 0, host: '127.0.0.1' });
  // Opened under a *.edu.cn name (Chromium maps it to the server): the shipped manifest's portals.
  const origin = portalUrl(server.url);
  try {
    const pages = await writeBenchPages(pagesDir, options.sizes);
    await copyFile(path.join(ROOT, 'tests', 'fixtures', NON_DOCUMENT), path.join(pagesDir, NON_DOCUMENT));
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
    for (const pageInfo of pages) {
      console.log(`${pageInfo.times}× (${pageInfo.parts} parts, ${(pageInfo.bytes / 1024).toFixed(0)} KB of HTML)`);
      const extra = async ({ worker, page, url }) => {
        if (pageInfo.times === options.sizes[0]) {
          nonDoc = await benchNonDocument(page, origin, options.runs * 3);
          console.log(`  non-document check: ${ms(nonDoc.checkMs, 2)} (${nonDoc.values.map((v) => v.toFixed(2)).join(', ')})`);
        }
        if (pageInfo.times === largest && options.scroll) {
          await page.goto('about:blank');
          await clearStorage(worker);
          await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
          await waitForPanel(page, 60_000);
          await waitForQuiet(page, 500);
          scroll = { times: pageInfo.times, ...(await longTasksWhileScrolling(page)) };
          console.log(`  scroll with extension: ${describeScroll(scroll)}`);
          storage = await storageWritesWhileScrolling(worker, page, url);
          console.log(`  storage: ${storage.during} writes (${storage.kB.toFixed(0)} KB) in ${storage.seconds.toFixed(1)} s (+${storage.trailing} trailing)`);
        }
      };
      sizes.push(await benchSize(executablePath, origin, pageInfo, options.runs, readabilitySource, extra));
    }
    let baseline = null;
    if (options.scroll) {
      const big = pages.find((p) => p.times === largest);
      baseline = await baselineLongTasks(executablePath, `${origin}/${big.file}`, scroll?.steps ?? Infinity);
      console.log(`  scroll without extension: ${describeScroll(baseline)}`);
    }

    const phrases = await runPhrases();

    env.loadAfter = os.loadavg()[0];
    const size = contentScriptSize();
    const { markdown, missed } = buildReport({ env, sizes, nonDoc, scroll, baseline, storage, size, phrases });
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
