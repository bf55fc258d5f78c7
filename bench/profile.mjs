// Where the content script's time goes: a CPU profile (CDP Profiler) of an unminified build.
//
//   node bench/profile.mjs [times=100] [--phase=load|scroll|both|detect] [--loads=5] [--scroll-ms=10000] [--top=25] [--json=out.cpuprofile]
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
import * as esbuild from 'esbuild';
import { writeBenchPages } from './make-page.mjs';
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

/** Self and total time per function from a CDP CPU profile; `isOurs` marks content-script frames. */
function summarizeProfile(profiles, isOurs) {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const profile of list) all += accumulate(profile, self, total);
  const n = list.length;
  const rows = (map) =>
    [...map].map(([key, us]) => ({ key, ms: us / 1000 / n, ours: isOurs(key) })).sort((a, b) => b.ms - a.ms);
  return { allMs: all / 1000 / n, self: rows(self), total: rows(total) };
}

function accumulate(profile, self, total) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url
      ? f.url.replace(/^chrome-extension:\/\/[a-p]+\//, 'ext:').replace(/^https?:\/\/[^/]+\//, '')
      : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const node = byId.get(id);
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set();
    for (let n = node; n; n = byId.get(parent.get(n.id))) {
      const k = keyOf(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  return all;
}

/**
 * Stretches of main-thread work without an idle sample that last longer than `minMs` (what long
 * tasks and long animation frames are made of), each with the functions that took its time: the
 * outermost content-script frame on each sample's stack, else the native leaf ('(program)' = the
 * browser's own work: style, layout, paint, hit testing; '(garbage collector)').
 */
function busyStretches(profile, isOurs, minMs = 50) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id) => {
    let outer = null;
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'}${f.url ? ` :${f.lineNumber + 1}` : ''}`;
      if (f.url.startsWith('chrome-extension://') && f.url.includes('content-scripts')) outer = key;
    }
    const leaf = byId.get(id)?.callFrame;
    return (
      outer ?? (leaf?.url ? `page/other JS: ${leaf.functionName || '(anonymous)'}` : leaf?.functionName || '(unknown)')
    );
  };
  const stretches = [];
  let current = null;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (current && current.ms >= minMs) stretches.push(current);
      current = null;
      return;
    }
    current ??= { atMs: (t - profile.startTime) / 1000, ms: 0, parts: new Map() };
    current.ms += dt;
    const key = label(id);
    current.parts.set(key, (current.parts.get(key) ?? 0) + dt);
  });
  if (current && current.ms >= minMs) stretches.push(current);
  return stretches.map((s) => ({ ...s, parts: [...s.parts].sort((a, b) => b[1] - a[1]) }));
}

function printStretches(stretches, limit = 12) {
  console.log(`\nBusy stretches > 50 ms (no idle sample): ${stretches.length}; the longest, with what filled them:`);
  for (const s of [...stretches].sort((a, b) => b.ms - a.ms).slice(0, limit)) {
    const parts = s.parts
      .slice(0, 5)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join(', ');
    console.log(`  at ${(s.atMs / 1000).toFixed(2)} s: ${s.ms.toFixed(0)} ms — ${parts}`);
  }
}

function printSummary(title, summary, top) {
  const ourSelf = summary.self.filter((r) => r.ours).reduce((s, r) => s + r.ms, 0);
  console.log(
    `\n## ${title}: ${summary.allMs.toFixed(0)} ms sampled, ${ourSelf.toFixed(0)} ms self time in content-script code\n`,
  );
  console.log('Top self time (● = content script):');
  for (const r of summary.self.slice(0, top))
    console.log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.ours ? '●' : ' '} ${r.key}`);
  console.log('\nContent-script functions by total (inclusive) time:');
  for (const r of summary.total.filter((x) => x.ours).slice(0, top))
    console.log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.key}`);
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

/** lib/document + phrase finder as one browser script exposing `window.__gw`. */
async function bundleLib() {
  const entry = `
    import { mightBeDocument, findArticleRoot, readDocument, KNOWN_CONTAINERS } from './lib/document/detect';
    import { buildTextModel } from './lib/document/text-model';
    import { parseSections } from './lib/document/parse-sections';
    import { parseMetadata } from './lib/document/metadata';
    import { findPhrases } from './lib/phrases/find-phrases';
    import { builtInLexicon } from './lib/phrases/lexicon';
    import { measureLandmarks } from './lib/dom/measure';
    window.__gw = { mightBeDocument, findArticleRoot, readDocument, KNOWN_CONTAINERS, buildTextModel, parseSections,
      parseMetadata, findPhrases, builtInLexicon, measureLandmarks };`;
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Each step of readDocument() timed in the page (no extension), median of `runs` fresh loads. */
async function detectPhases(executablePath, origin, files, runs = 5) {
  const source = await bundleLib();
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    for (const file of files) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        await page.goto(`${origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
        await page.addScriptTag({ content: source });
        samples.push(
          await page.evaluate(() => {
            const gw = window.__gw;
            const time = (fn) => {
              const t0 = performance.now();
              const value = fn();
              return [performance.now() - t0, value];
            };
            const r = {};
            [r.mightBeDocument] = time(() => gw.mightBeDocument(document));
            // What findArticleRoot does for the CMS container: one text model of it, then locate.
            const container = gw.KNOWN_CONTAINERS.map((sel) => document.querySelector(sel)).find(Boolean);
            let root;
            [r.findArticleRoot, root] = time(() => gw.findArticleRoot(document));
            let model;
            [r['buildTextModel(root) again'], model] = time(() => gw.buildTextModel(root));
            [r.parseSections] = time(() => gw.parseSections(model));
            [r.parseMetadata] = time(() => gw.parseMetadata(model, document));
            [r['readDocument (all of the above)']] = time(() => gw.readDocument(document));
            [r['buildTextModel(container)']] = time(() => gw.buildTextModel(container));
            [r['buildTextModel(body)']] = time(() => gw.buildTextModel(document.body));
            let matches;
            [r['findPhrases (phrase layer)'], matches] = time(() =>
              gw.findPhrases(model.text, { lexicon: gw.builtInLexicon, userPhrases: [] }),
            );
            [r['measureLandmarks (layout warm)']] = time(() => gw.measureLandmarks(model, window));
            r['text chars'] = model.text.length;
            r['blocks'] = model.blocks.length;
            r['runs'] = model.runs.length;
            r['phrase matches (= highlight ranges)'] = matches.length;
            r['same root as container'] = root === container ? 1 : 0;
            return r;
          }),
        );
      }
      console.log(`\n${file}: medians of ${runs} (ms unless a count)`);
      for (const key of Object.keys(samples[0])) {
        const values = samples.map((s) => s[key]).sort((a, b) => a - b);
        const mid = values[values.length >> 1];
        console.log(`  ${key.padEnd(36)} ${typeof mid === 'number' ? mid.toFixed(2) : mid}`);
      }
    }
  } finally {
    await browser.close();
  }
}

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
        await page.waitForFunction(() => performance.getEntriesByName('gongwen-reader:ready').length > 0, null, {
          timeout: 60_000,
          polling: 25,
        });
        await waitForQuiet(page, 500);
        const { profile } = await cdp.send('Profiler.stop');
        profiles.push(profile);
        readies.push(
          await page.evaluate(() => performance.getEntriesByName('gongwen-reader:ready')[0]?.duration ?? NaN),
        );
        checks.push(
          await page.evaluate(() => performance.getEntriesByName('gongwen-reader:check')[0]?.duration ?? NaN),
        );
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
      await page.waitForFunction(() => performance.getEntriesByName('gongwen-reader:ready').length > 0, null, {
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
