// `npm run bench` (after `npm run build`): how fast the built extension is, in system Chromium.
//
//   npx vite-node --script bench/run.mjs [--runs=5] [--sizes=1,30,100] [--no-scroll] [--no-stored] [--no-sheet] [--only=phrases|attachments|hostile]
// --no-sheet leaves out what the fixed highlight sheet costs each page's load (bench/sheet-cost.mjs).
//
// --only=phrases runs just the phrase-finding case (bench/phrases.mjs) on the largest size and
// replaces that section of bench/RESULTS.md, leaving the rest of the last full run as it was;
// --only=attachments does the same for the attachment viewer's section (bench/attachments.mjs), and
// --only=hostile for the hostile pages of issue 22 (bench/hostile.mjs).
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
// plus: the hostile pages of issue 22 at 4× (verdict, longest task of ours, exceptions; bench/hostile.mjs);
// the attachment viewer on a 50-page PDF vs pdf.js's text floor (bench/attachments.mjs);
// phrase finding with 500 reader phrases vs none (bench/phrases.mjs), the first check on a non-document page, long tasks while scrolling the 100× page (with a
// no-extension baseline; also throttled), storage writes per second while scrolling (empty store and
// 200 documents), and content.js gzipped.
// Prints a markdown table and writes it to bench/RESULTS.md (bench/report.mjs builds it). Exit 0 even when a target is missed
// (a MISSED line says which); exit 1 only when the bench itself cannot run.
// The measures are in bench/measures.mjs (one function each, run in order); this file wires them up.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumNotFoundMessage, findChromium, portalUrl } from '../scripts/find-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { contentScriptSize, environment, loadNow } from './environment.mjs';
import { attachments, emptyResults, hostile, MEASURES, phrases, writePages } from './measures.mjs';
import { BenchError, parseArgs } from './options';
import { readabilitySource } from './page-load.mjs';
import { buildReport } from './report.mjs';
import { RESULTS_MD } from './report-common';
import { spliceAttachments } from './report-attachments.mjs';
import { spliceHostile } from './report-hostile.mjs';
import { spliceIntoResults } from './report-phrases.mjs';
import { EXTENSION_DIR, ROOT } from './setup.mjs';

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new BenchError(chromiumNotFoundMessage());
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new BenchError('extension build not found (.output/chrome-mv3/manifest.json) — run npm run build first');
  }
  readabilitySource();
  const started = Date.now();

  const pagesDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-pages-'));
  const server = await startServer({ root: pagesDir, port: 0, host: '127.0.0.1' });
  // Opened under a *.edu.cn name (Chromium maps it to the server): the shipped manifest's portals.
  const origin = portalUrl(server.url);
  try {
    const pages = await writePages(pagesDir, options.sizes);
    const env = await environment(executablePath, options.runs);
    console.log(`Chromium ${env.chromium}, ${env.cores} × ${env.cpu}; pages in ${pagesDir}, served at ${origin}`);
    const largest = Math.max(...options.sizes);
    const run = { executablePath, origin, options, pagesDir, pages, largest: pages.find((p) => p.times === largest) };
    const results = emptyResults();

    if (options.only === 'phrases') {
      await phrases(run, results);
      await spliceIntoResults(results.phrases, env);
      return;
    }
    if (options.only === 'attachments') {
      await attachments(run, results);
      await spliceAttachments(results.attachments, env);
      return;
    }
    if (options.only === 'hostile') {
      await hostile(run, results);
      env.loadAfter = loadNow();
      await spliceHostile(results.hostile, env);
      return;
    }
    for (const measure of MEASURES) await measure(run, results);

    env.loadAfter = loadNow();
    const { markdown, missed } = buildReport({ env, ...results, size: contentScriptSize() });
    console.log('');
    console.log(markdown);
    await writeFile(RESULTS_MD, markdown + '\n');
    console.log(
      `Written to ${path.relative(ROOT, RESULTS_MD)} (bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
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
