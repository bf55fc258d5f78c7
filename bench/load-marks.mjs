// What one load leaves in the page's timeline, read back: the reader's measures and stage marks
// (lib/startup/marks.ts), the page's long tasks from its start, and the two references the reader
// is judged against (Readability's parse and one text pass, the floor), timed in the same page.
import {
  BUNDLE_MARK,
  DETECTED_MARK,
  READY_MEASURE,
  RESTORED_MARK,
  STAGE_PREFIX,
  START_MARK,
} from '../lib/startup/marks';
import { STAGES } from './report-common';

/** The marks and measure the report's STAGES run between, by their short names there. */
const STAGE_ENDS = {
  start: START_MARK,
  detected: DETECTED_MARK,
  bundle: BUNDLE_MARK,
  restored: RESTORED_MARK,
  ready: READY_MEASURE,
};

/** Each of STAGES' spans on this load (NaN when a mark is missing). */
export async function stageTimes(page) {
  const at = await page.evaluate((ends) => {
    const out = {};
    for (const [name, entryName] of Object.entries(ends)) {
      const entry = performance.getEntriesByName(entryName).at(-1);
      if (entry) out[name] = entry.entryType === 'measure' ? entry.startTime + entry.duration : entry.startTime;
    }
    return out;
  }, STAGE_ENDS);
  return Object.fromEntries(
    STAGES.map(({ key, from, to }) => [
      key,
      at[from] !== undefined && at[to] !== undefined ? Math.max(0, at[to] - at[from]) : NaN,
    ]),
  );
}

/** A performance.measure's duration from the page; NaN (with a warning) if the content script never records it. */
export async function measureDuration(page, name, timeout = 10_000) {
  try {
    const handle = await page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.duration ?? null, name, {
      timeout,
      polling: 20,
    });
    return await handle.jsonValue();
  } catch (error) {
    if (!/Timeout/i.test(String(error))) throw error;
    console.warn(`  (no '${name}' measure on ${page.url()} within ${timeout / 1000} s)`);
    return NaN;
  }
}

/** Readability.parse() and the text-node floor, timed in the page (the clone is made outside the timed region). */
export async function timeReferences(page, readabilitySource) {
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

/**
 * Long tasks from the page's start (a `longtask` observer installed before any page script), kept
 * apart from the scroll measurement's own observer.
 */
export function recordStartTasks() {
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
 * The reader's own stages (gongwen-reader:stage:* marks) and the long tasks that overlap them:
 * the longest stage, the longest task of ours (that stage, or a > 50 ms task holding one of our
 * stages), and the detection's slices.
 */
export async function ourTasks(page) {
  return page.evaluate(
    ([prefix, readyName]) => {
      const stages = performance
        .getEntriesByType('mark')
        .filter((e) => e.name.startsWith(prefix))
        .map((e) => ({
          name: e.name.slice(prefix.length),
          start: e.startTime,
          end: e.startTime + (e.detail?.duration ?? 0),
          ms: e.detail?.duration ?? 0,
        }));
      const tasks = window.__benchStartTasks ?? [];
      const ours = tasks.filter((t) => stages.some((st) => st.start < t.start + t.duration && st.end > t.start));
      const longestStage = stages.reduce((best, st) => (st.ms > best.ms ? { name: st.name, ms: st.ms } : best), {
        name: '–',
        ms: 0,
      });
      const stageMax = {};
      for (const st of stages) stageMax[st.name] = Math.max(stageMax[st.name] ?? 0, st.ms);
      const detect = stages.filter((st) => st.name === 'detect');
      const ready = performance.getEntriesByName(readyName)[0];
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
    },
    [STAGE_PREFIX, READY_MEASURE],
  );
}

/** The longest task of ours (the load table's column): the longest stage, or a long task holding one of our stages. */
export const longestOfOurs = (ours) => Math.max(ours.longestTaskMs, ours.longestStage.ms);
