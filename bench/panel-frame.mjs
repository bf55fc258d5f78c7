// Where the panel's frame spends its time on one load: the page's marks and the frame's own
// timeline (its navigation entry and the panel page's marks, lib/ui/panel-marks.ts) on one clock.
import { READY_MEASURE, START_MARK, STAGE_PREFIX } from '../lib/startup/marks';
import { PANEL_MARKS } from '../lib/ui/panel-marks';

/**
 * Where the panel's frame spends its time, from the page's marks and the frame's own timeline (its
 * navigation entry and the panel page's marks, lib/ui/panel-marks.ts), in ms after the content
 * script's start. The two timelines are put on one clock by their `performance.timeOrigin`
 * (wall-clock based, the same for every process of the browser).
 */
export async function panelFrameTimes(page) {
  const top = await page.evaluate(
    ({ startName, frameName, readyName }) => {
      const at = (name) => {
        const e = performance.getEntriesByName(name)[0];
        if (!e) return NaN;
        return e.entryType === 'measure' ? e.startTime + e.duration : e.startTime + (e.detail?.duration ?? 0);
      };
      const start = performance.getEntriesByName(startName)[0]?.startTime ?? NaN;
      const frame = performance.getEntriesByName(frameName)[0]?.startTime ?? NaN;
      return { zero: performance.timeOrigin + start, start, inserted: frame, ready: at(readyName) };
    },
    { startName: START_MARK, frameName: `${STAGE_PREFIX}frame`, readyName: READY_MEASURE },
  );
  const frame = page.frames().find((f) => /\/sidepanel\.html/.test(f.url()));
  if (!frame) return {};
  await frame
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, PANEL_MARKS.drawn, {
      timeout: 10_000,
      polling: 25,
    })
    .catch(() => {});
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
