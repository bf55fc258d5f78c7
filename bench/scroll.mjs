// Scrolling: long tasks and long animation frames while wheel-scrolling the whole page, with the
// extension and (the baseline) without it, at CPU 1× or slowed.
import { chromium } from '@playwright/test';
import { median, sleep, VIEWPORT, waitForQuiet } from './browser.mjs';
import { LONG_TASK_MS, ms, SCROLL_STEP_PX } from './report-common';
import { BASE_ARGS } from './setup.mjs';

/** Wheel steps of the throttled scroll (a slowed CPU scrolls the whole 100× page in minutes). */
export const THROTTLED_SCROLL_STEPS = 160;
const SCROLL_PAUSE_MS = 20;
/** The whole-page scroll stops here if it has not reached the bottom (keeps the bench within ~5 min). */
const SCROLL_CAP_MS = 75_000;

/** Page geometry for the scroll loops. */
const scrollState = (page) =>
  page.evaluate(() => ({ y: scrollY, max: document.documentElement.scrollHeight - innerHeight }));

/**
 * Scrolls with the mouse wheel over the article column, SCROLL_STEP_PX per step and a step at most
 * every SCROLL_PAUSE_MS (each wheel dispatch already waits for the renderer's ack, ~1 frame): to the
 * bottom once (`untilMs` unset; stops after `capMs` or `maxSteps`), or back and forth for `untilMs`.
 * Position is checked every 8 steps.
 */
export async function wheelScroll(page, { untilMs, capMs = SCROLL_CAP_MS, maxSteps = Infinity } = {}) {
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
export async function longTasksWhileScrolling(page, { maxSteps = Infinity } = {}) {
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    window.__benchLoafs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__benchLoafs.push({
            start: e.startTime,
            duration: e.duration,
            render: e.startTime + e.duration - (e.renderStart || e.startTime + e.duration),
          });
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
  const { tasks, loafs, height, reached } = await page.evaluate(
    (t0) => ({
      tasks: window.__benchLongTasks.filter((t) => t.start >= t0),
      loafs: window.__benchLoafs?.filter((t) => t.start >= t0) ?? null,
      height: document.documentElement.scrollHeight,
      reached: (scrollY + innerHeight) / document.documentElement.scrollHeight,
    }),
    from,
  );
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
export async function baselineLongTasks(executablePath, url, maxSteps, rate = 1) {
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

export function describeScroll(r) {
  const frames =
    r.frames === null
      ? 'long animation frames unsupported'
      : `${r.frames} frames > ${LONG_TASK_MS} ms (max ${ms(r.framesMaxMs)})`;
  return (
    `${r.count} long tasks > ${LONG_TASK_MS} ms (max ${ms(r.maxMs)}), ${frames}; ${r.steps} wheel steps in ${(r.scrollMs / 1000).toFixed(1)} s, ` +
    `${r.msPerStep.toFixed(1)} ms/step (slowest ${r.slowestStepMs} ms), reached ${(r.reached * 100).toFixed(0)} % of the page${r.capped ? ' (time cap)' : ''}`
  );
}
