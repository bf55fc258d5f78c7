// Page load: one page's fresh loads at CPU 1× and slowed, each measured for `ready`, the first
// check, the reader's stages and tasks, the panel's frame and the references (medians per
// setting); and the first check on a page that is not a document.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHECK_MEASURE, READY_MEASURE } from '../lib/startup/marks';
import { clearStorage, median, sleep, waitForQuiet } from './browser.mjs';
import {
  longestOfOurs,
  measureDuration,
  ourTasks,
  recordStartTasks,
  stageTimes,
  timeReferences,
} from './load-marks.mjs';
import { BenchError } from './options';
import { outlineParts, waitForPanel } from './panel.mjs';
import { panelFrameTimes } from './panel-frame.mjs';
import { FRAME_STEPS, NON_DOCUMENT, STAGES } from './report-common';
import { launchWithExtension, READABILITY_JS, THROTTLE } from './setup.mjs';
import { attributeTasks, longestOurs, startTrace } from './trace.mjs';

let readabilitySourceText = '';

/** Mozilla Readability's source, read once (the reference parser put into each measured page). */
export function readabilitySource() {
  if (!readabilitySourceText) readabilitySourceText = readFileSync(READABILITY_JS, 'utf8');
  return readabilitySourceText;
}

/**
 * A fresh load's frame: about:blank, `prepare()` (storage for a first visit), the CPU slowed `rate`×
 * while `measure()` loads and reads the page, then back to 1×. Also the hostile pages' loads
 * (bench/hostile.mjs).
 */
export async function throttledLoad({ page, cdp, rate, prepare }, measure) {
  await page.goto('about:blank');
  await prepare();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await measure();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** One fresh load of `url` at CPU slowdown `rate`: ready, the first check, stages, our tasks, Readability and the floor. */
function measureLoad({ page, cdp, url, rate, prepare, trace = false }) {
  return throttledLoad({ page, cdp, rate, prepare }, async () => {
    // A Chrome trace of the load (one run per page and CPU setting: tracing slows the page down a
    // little): which tasks are ours, and how much of each is our script vs style/layout we forced.
    const tracing = trace ? await startTrace(cdp) : null;
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const nav = await waitForPanel(page, 120_000);
    const readyMs = await measureDuration(page, READY_MEASURE);
    const checkMs = await measureDuration(page, CHECK_MEASURE);
    const stages = await stageTimes(page);
    const panel = await panelFrameTimes(page);
    await waitForQuiet(page, 300, 20_000);
    const traced = tracing ? longestOurs(attributeTasks(await tracing.stop(), url)) : undefined;
    const ours = await ourTasks(page);
    const refs = await timeReferences(page, readabilitySource());
    return {
      nav,
      readyMs,
      checkMs,
      ...stages,
      ...panel,
      ...ours,
      ...refs,
      traced,
      longestOursMs: longestOfOurs(ours),
    };
  });
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

/** One traced task of ours (bench/trace.mjs) in words. */
function describeTraced(t) {
  return `${t.ms.toFixed(1)} ms task: script ${t.scriptMs.toFixed(1)}, forced style/layout ${t.forcedMs.toFixed(1)}, other style/layout ${t.otherLayoutMs.toFixed(1)} (${t.entries.join(', ') || 'no entry'})`;
}

/**
 * One page: `runs` fresh loads at CPU 1× and `runs` at THROTTLE×, alternating, in a fresh profile.
 * `prepareStorage(worker)` runs before each load (default: clear, a first visit); `extra` gets the
 * browser afterwards.
 */
export async function benchPage(
  executablePath,
  origin,
  pageInfo,
  runs,
  { extra, prepareStorage = clearStorage, setup } = {},
) {
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
  return {
    ...pageInfo,
    ...info,
    normal: summarize(normal),
    throttled: summarize(throttled),
    chars: normal[0]?.chars ?? 0,
  };
}

/** The first check on a non-document page: 'gongwen-reader:check', `runs` fresh loads. */
export async function benchNonDocument(page, origin, runs) {
  const values = [];
  for (let run = 0; run < runs; run++) {
    await page.goto('about:blank');
    await page.goto(`${origin}/${NON_DOCUMENT}`, { waitUntil: 'load' });
    values.push(await measureDuration(page, CHECK_MEASURE));
  }
  await sleep(500);
  const panel = await page.locator('gongwen-reader').count();
  if (panel > 0) throw new BenchError(`${NON_DOCUMENT} got a reader panel — it is not a document`);
  return { checkMs: median(values), minMs: Math.min(...values), values };
}
