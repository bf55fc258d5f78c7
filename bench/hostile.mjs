// The hostile pages (issue 22, "Bad input"): each page of bench/hostile-pages.mjs loaded `runs`
// times in Chromium with the built extension, the CPU slowed 4×, storage cleared before each load
// (a first visit). Per load: the detector's verdict as the popup asks for it (served and with how
// many outline parts, or turned down and why), the longest task of ours by the load table's
// definition (bench/load-marks.mjs: the longest stage mark, or a long task holding one of our
// stages), our start-up work in all, and every exception or console error in the page's renderer
// (the content script's isolated world included: the pages carry no script of their own).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHECK_MEASURE, READY_MEASURE, STAGE_PREFIX } from '../lib/startup/marks';
import { clearStorage, median, sleep } from './browser.mjs';
import { writeHostilePages } from './hostile-pages.mjs';
import { longestOfOurs, measureDuration, ourTasks, recordStartTasks } from './load-marks.mjs';
import { throttledLoad } from './page-load.mjs';
import { launchWithExtension, THROTTLE } from './setup.mjs';
import { statusOf } from '../scripts/tab-status.mjs';

/** How long the detector may take to give its verdict on one page at 4× before the run says it gave none. */
const VERDICT_TIMEOUT_MS = 120_000;
/** Our stages are over when no new stage mark has appeared for this long (measure slices run after ready). */
const STAGES_QUIET_MS = 1_500;

/** The verdict once detection has decided (a reader up, or the page turned down), or the last status at the deadline. */
async function settledStatus(worker, url) {
  const began = Date.now();
  let last = null;
  while (Date.now() - began < VERDICT_TIMEOUT_MS) {
    last = await statusOf(worker, url);
    if (!last.error && (last.found || last.reason !== 'starting')) return { status: last, settled: true };
    await sleep(100);
  }
  return { status: last, settled: false };
}

/** Waits until no stage mark of ours has been added for STAGES_QUIET_MS (at most `maxMs`). */
function stagesSettled(page, maxMs = 60_000) {
  return page.evaluate(
    ([prefix, quiet, max]) =>
      new Promise((resolve) => {
        const began = performance.now();
        const count = () => performance.getEntriesByType('mark').filter((e) => e.name.startsWith(prefix)).length;
        let seen = count();
        let since = began;
        const tick = () => {
          const now = performance.now();
          const n = count();
          if (n !== seen) [seen, since] = [n, now];
          if (now - since >= quiet || now - began >= max) resolve(undefined);
          else setTimeout(tick, 100);
        };
        setTimeout(tick, 100);
      }),
    [STAGE_PREFIX, STAGES_QUIET_MS, maxMs],
  );
}

/** The verdict in words: `served, N parts (M sub-points)`, `not served (reason)`, or no verdict. */
function describeVerdict({ status, settled }) {
  if (!settled)
    return `no verdict in ${VERDICT_TIMEOUT_MS / 1000} s (${status?.error ?? status?.reason ?? 'no status'})`;
  if (!status.found) return `not served (${status.reason})`;
  // The outline's top level as the corpus run counts it: the documents' parts, not a covering note or the attachments.
  const parts = status.parts.filter((p) => p.group !== 'note' && p.group !== 'attachments');
  const sub = parts.reduce((sum, p) => sum + (p.subparts ?? 0), 0);
  return `served, ${parts.length} parts${sub ? ` (${sub} sub-points)` : ''}`;
}

/** One CDP event's error in a line: an uncaught exception or a console.error, with where it came from. */
function describeException({ exceptionDetails: d }) {
  const text = d.exception?.description ?? d.text ?? 'exception';
  return `exception: ${text.split('\n')[0]}${d.url ? ` (${d.url.replace(/^chrome-extension:\/\/[^/]+/, 'extension')})` : ''}`;
}
function describeConsoleError({ args }) {
  return `console.error: ${args.map((a) => a.value ?? a.description ?? a.type).join(' ')}`.split('\n')[0];
}

/** One throttled fresh load of one hostile page: verdict, our tasks and stages, errors. */
async function loadOnce({ page, cdp, worker, url, errors }) {
  errors.length = 0;
  return throttledLoad({ page, cdp, rate: THROTTLE, prepare: () => clearStorage(worker) }, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    // The first check is measured on every page, document or not: the content script ran.
    const checkMs = await measureDuration(page, CHECK_MEASURE, 60_000);
    const verdict = await settledStatus(worker, url);
    const readyMs = verdict.status?.found ? await measureDuration(page, READY_MEASURE) : NaN;
    await stagesSettled(page);
    const ours = await ourTasks(page);
    return {
      verdict: describeVerdict(verdict),
      served: verdict.status?.found === true,
      checkMs,
      readyMs,
      longestOursMs: longestOfOurs(ours),
      longestStage: ours.longestStage,
      workAllMs: ours.workAllMs,
      detectWorkMs: ours.detectWorkMs,
      detectSlices: ours.detectSlices,
      errors: [...new Set(errors)],
    };
  });
}

/**
 * The hostile pages, written into `pagesDir` (served at `origin`, a portal name), each loaded `runs`
 * times at CPU THROTTLE×. Returns what bench/report-hostile.mjs reports.
 */
export async function benchHostile({ executablePath, origin, pagesDir, runs, log = console.log }) {
  const pages = await writeHostilePages(pagesDir);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-hostile-'));
  const { context, worker, page } = await launchWithExtension(executablePath, userDataDir);
  try {
    await context.addInitScript(recordStartTasks);
    const cdp = await context.newCDPSession(page);
    const errors = [];
    cdp.on('Runtime.exceptionThrown', (event) => errors.push(describeException(event)));
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type === 'error' || event.type === 'assert') errors.push(describeConsoleError(event));
    });
    await cdp.send('Runtime.enable');
    const out = [];
    for (const info of pages) {
      const url = `${origin}/${info.file}`;
      const rows = [];
      for (let run = 0; run < runs; run++) {
        const row = await loadOnce({ page, cdp, worker, url, errors });
        rows.push(row);
        log(
          `  ${info.label} CPU ${THROTTLE}× run ${run + 1}/${runs}: ${row.verdict}; longest task of ours ${row.longestOursMs.toFixed(1)} ms ` +
            `(longest stage ${row.longestStage.name} ${row.longestStage.ms.toFixed(1)} ms); detection ${row.detectWorkMs.toFixed(1)} ms in ${row.detectSlices}; ` +
            `all our stages ${row.workAllMs.toFixed(1)} ms${row.errors.length ? `; errors: ${row.errors.join(' | ')}` : ''}`,
        );
      }
      const worst = rows.reduce((a, b) => (b.longestOursMs > a.longestOursMs ? b : a), rows[0]);
      out.push({
        ...info,
        runs: rows.length,
        verdicts: [...new Set(rows.map((r) => r.verdict))],
        // The worst run, as in the load table: one freeze is one too many.
        longestOursMs: worst.longestOursMs,
        longestStage: worst.longestStage,
        medianLongestMs: median(rows.map((r) => r.longestOursMs)),
        workAllMs: median(rows.map((r) => r.workAllMs)),
        detectWorkMs: median(rows.map((r) => r.detectWorkMs)),
        detectSlices: median(rows.map((r) => r.detectSlices)),
        readyMs: median(rows.map((r) => r.readyMs)),
        errors: [...new Set(rows.flatMap((r) => r.errors))],
      });
    }
    return { runs, throttle: THROTTLE, pages: out };
  } finally {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
}
