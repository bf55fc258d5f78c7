// The report's load section: per page and CPU setting, ready vs. Readability, detection vs. the
// floor, the longest task of ours (also from a trace), the frame's account and the stages.
import { FRAME_STEPS, ms, STAGES } from './report-common';
import { TARGETS } from './targets';

/** The ready / Readability limit for a page of `times`× the seed (issue 14: ≤ 3 at 1×, ≤ 0.5 from 30×). */
function readyTarget(times, limits = TARGETS.readyOverReadability) {
  if (!Number.isFinite(times)) return null;
  return times <= 1 ? limits.small : limits.long;
}

/** Why ready / Readability is missed when the limit is below what an extension page in a frame takes by itself. */
function belowFloor(limit, r) {
  const allowed = limit * r.readabilityMs;
  return Number.isFinite(r.frameFloorMs) && allowed < r.frameFloorMs
    ? `; the limit allows ${ms(allowed)} in all, an extension page in a frame takes ${ms(r.frameFloorMs)} from its navigation to its HTML parsed, before any script of ours runs in it`
    : '';
}

/** The load section's lines for `sizes` (bench/page-load.mjs results), each target judged by `judge`. */
export function loadSection(sizes, env, judge) {
  const lines = [];
  lines.push(`## Load: ready vs. Readability, detection vs. one text pass, longest task of ours`, '');
  lines.push(
    `Each page loaded ${env.runs} times as it is and ${env.runs} times with the CPU slowed ${env.throttle}× ` +
      '(`Emulation.setCPUThrottlingRate`, DevTools\' "4× slowdown": an old office PC); storage cleared before each load (first visits) ' +
      'unless the row says 200 stored documents. Medians; ratios are medians of per-run ratios.',
    '',
  );
  lines.push(
    '| Page | CPU | ready | first check (sync) | detection, all slices | floor | check / floor | Readability.parse | ready / Readability | longest stage of ours | longest task of ours | Targets |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |');
  for (const s of sizes) {
    for (const [cpu, r] of [
      ['1×', s.normal],
      [`${env.throttle}×`, s.throttled],
    ]) {
      if (!r) continue;
      const verdicts = [];
      if (cpu === '1×') {
        const limit = readyTarget(s.times);
        if (limit !== null) {
          verdicts.push(
            `ready/R ≤ ${limit} ${judge(`ready / Readability at ${s.label}`, r.ratio <= limit, `${r.ratio.toFixed(2)} > ${limit} (ready ${ms(r.readyMs)}, Readability ${ms(r.readabilityMs)}${belowFloor(limit, r)})`)}`,
          );
        }
        if (s.times >= 30 && !s.seeded) {
          verdicts.push(
            `check/floor ≤ ${TARGETS.detectionOverFloor} ${judge(`first detection / floor at ${s.label}`, r.checkOverFloor <= TARGETS.detectionOverFloor, `${r.checkOverFloor.toFixed(1)} × the floor (${ms(r.checkMs)} vs ${ms(r.floorMs, 2)})`)}`,
          );
        }
      } else {
        verdicts.push(
          `task ≤ ${TARGETS.longestTaskOfOursMs} ms ${judge(`longest task of ours at ${s.label}, CPU ${cpu}`, r.longestOursMs <= TARGETS.longestTaskOfOursMs, `${ms(r.longestOursMs)} (${r.longestStage.name} stage ${ms(r.longestStage.ms)})`)}`,
        );
      }
      lines.push(
        `| ${s.label} | ${cpu} | ${ms(r.readyMs)} | ${ms(r.checkMs)} | ${ms(r.detectWorkMs)} in ${r.detectSlices} | ${ms(r.floorMs, 2)} | ${r.checkOverFloor.toFixed(1)} | ${ms(r.readabilityMs)} | ${r.ratio.toFixed(2)} | ${r.longestStage.name} ${ms(r.longestStage.ms)} | ${ms(r.longestOursMs)} | ${verdicts.join('; ')} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    "`ready` = `gongwen-reader:ready` (content script start → the panel's page in its frame is connected and given the document: the rail/outline can draw); " +
      '`first check (sync)` = `gongwen-reader:check` (content script start → end of the synchronous part of its first detection: since issue 14 detection reads the page in slices of about 5 ms of work with `scheduler.yield()` between them, so this is the first slice); ' +
      "`detection, all slices` = the sum of the detection's slices and how many there were; " +
      '`floor` = one TreeWalker pass summing text-node lengths, same CPU setting; `check / floor` = median of per-run ratios; ' +
      '`Readability.parse` excludes the `document.cloneNode(true)` it needs; ' +
      "`longest stage of ours` = the longest synchronous start-up stage, from the reader's own stage marks (`gongwen-reader:stage:*`: detect slices, frame, controller, host, place = measuring for placement, phrases = key phrases found, start = palette + layout measure for tracking + first highlights; each a mark with `detail.duration`); " +
      '`longest task of ours` = the longest of: that stage, and any `longtask` (> 50 ms) entry from load to ready that overlaps one of our stages (so page work in the same task counts against us). ' +
      "Not covered by stage marks: compiling the injected reader bundle and the panel's messages after `ready`. " +
      "The panel's own page runs in an extension frame (its own process): CPU throttling applies to the portal page's renderer only.",
  );
  lines.push('');
  lines.push('### Longest task of ours, from a Chrome trace (first run of each page and CPU setting)', '');
  lines.push('| Page | CPU | task | our script | style/layout we forced | other style/layout in it | entered by |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const s of sizes) {
    for (const [cpu, r] of [
      ['1×', s.normal],
      [`${TARGETS.cpuThrottlingRate}×`, s.throttled],
    ]) {
      const t = r?.traced;
      if (!t) continue;
      lines.push(
        `| ${s.label} | ${cpu} | ${ms(t.ms)} | ${ms(t.scriptMs)} | ${ms(t.forcedMs)} | ${ms(t.otherLayoutMs)} | ${t.entries.join(', ') || 'microtasks'} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    'From `Tracing.start` (devtools.timeline, disabled-by-default-devtools.timeline{,.stack}, v8.execute, toplevel, blink.user_timing) around the load, in bench/trace.mjs: ' +
      "the page renderer's main-thread tasks; a task is ours when a script event in it names a chrome-extension:// script, a style/layout event's stack starts in one, or one of our `gongwen-reader:*` marks is taken in it. " +
      '`our script` = our script events (outermost; microtask runs in a task that is ours by a mark) minus the style/layout inside them; ' +
      "`style/layout we forced` = UpdateLayoutTree/Layout inside our script or with our script on its stack; `other` = the rest of the task's style/layout (the browser's rendering step, e.g. the page's own first layout while one of our animation-frame callbacks ran in it). " +
      'The row is the task with the most of our own work (script + forced). Tracing slows the page a little; one traced run per row.',
  );
  lines.push('');
  lines.push(
    "### Faster than a reader mode: the reader's own work, the frame's floor, the outline drawn (medians, CPU 1×)",
    '',
  );
  lines.push(
    '| Page | Readability.parse | ready | ready / Readability | frame floor | our main-thread work to ready | work / Readability | Target | all our start-up work | outline drawn | drawn / Readability |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const s of sizes) {
    const r = s.normal;
    const limit = readyTarget(s.times, TARGETS.ourWorkOverReadability);
    const verdict =
      limit === null
        ? ''
        : `work/R ≤ ${limit} ${judge(`our main-thread work to ready / Readability at ${s.label}`, r.workRatio <= limit, `${r.workRatio.toFixed(2)} > ${limit} (${ms(r.workToReadyMs)} of our stages, Readability ${ms(r.readabilityMs)})`)}`;
    lines.push(
      `| ${s.label} | ${ms(r.readabilityMs)} | ${ms(r.readyMs)} | ${r.ratio.toFixed(2)} | ${ms(r.frameFloorMs)} | ${ms(r.workToReadyMs)} | ${r.workRatio.toFixed(2)} | ${verdict} | ${ms(r.workAllMs)} | ${ms(r.drawnMs)} | ${r.drawnRatio.toFixed(2)} |`,
    );
  }
  lines.push('');
  lines.push(
    "`frame floor` = the panel's frame from its navigation start to its HTML parsed (the frame's own navigation timing: the browser reading the extension's page, " +
      "the extension's renderer process, commit and parsing), before any script of ours runs in it: what any extension page in a frame costs on this machine, " +
      'measured on the same page in the same run; `ready` cannot come sooner than the frame being inserted plus this. ' +
      "`our main-thread work to ready` = the sum of the reader's stage marks (`gongwen-reader:stage:*`, detection's slices included) that start before `ready`: " +
      "the page's main thread the reader took to get there, the counterpart of Readability's parse, which is main-thread work too (not covered: compiling the injected bundle, a few ms); " +
      '`all our start-up work` = all stage marks, the phrase and highlight stages after `ready` too; ' +
      "`outline drawn` = content script start → the panel page's first render with the document (`gongwen-panel:drawn` in the frame's own timeline, put on the page's clock by both `performance.timeOrigin`s). " +
      'Ratios are medians of per-run ratios. `ready / Readability` stays judged in the table above.',
  );
  lines.push('');
  lines.push("### Where the panel's frame goes (medians, CPU 1×)", '');
  lines.push(`| Page | ${FRAME_STEPS.map((st) => st.label).join(' | ')} | outline drawn |`);
  lines.push(`| --- | ${FRAME_STEPS.map(() => '---:').join(' | ')} | ---: |`);
  for (const s of sizes) {
    lines.push(
      `| ${s.label} | ${FRAME_STEPS.map((st) => ms(s.normal.frame?.[st.key])).join(' | ')} | ${ms(s.normal.drawnMs)} |`,
    );
  }
  lines.push('');
  lines.push(
    "From the start of the reader's `frame` stage (where the iframe is put on the page; its address is set within that stage): `inserted → navigation` = until the frame's navigation starts " +
      '(since issue 14 the reader no longer waits for the background to take its nonce first); `fetch` = navigation start → response end; ' +
      "`process + HTML` = → the frame's HTML parsed (`domInteractive`: commit to the extension's renderer process and parsing); " +
      "`panel script` = → the panel page's script running (`gongwen-panel:script`: its bundle fetched and its imports evaluated); `→ load` = → the frame's load event ended; " +
      "`load → connected` = → `ready`: the frame's load event reaching the reader on the page's main thread, which posts the port (this waits for whatever the page's thread is doing: " +
      "on long pages, the reader's own later stages); `→ outline drawn` = → the panel's first render with the document. Each a median of its own, so the columns need not add up to the medians of the totals.",
  );
  lines.push('');
  lines.push('### Where `ready` goes (medians, CPU 1×)', '');
  lines.push(`| Page | ${STAGES.map((st) => st.label).join(' | ')} | ready |`);
  lines.push(`| --- | ${STAGES.map(() => '---:').join(' | ')} | ---: |`);
  for (const s of sizes) {
    lines.push(
      `| ${s.label} | ${STAGES.map((st) => ms(s.normal.stages[st.key])).join(' | ')} | ${ms(s.normal.readyMs)} |`,
    );
  }
  lines.push('');
  lines.push(
    "`detect` = content script start → document found (all slices, with the page's tasks between them; storage is read meanwhile); " +
      '`bundle injected` = → the reader bundle runs (a message to the background, `scripting.executeScript`, compiling it); ' +
      '`then storage` = → the stored state is there, if it came later than the bundle; ' +
      "`reader start + panel` = → panel connected: the panel's frame starts loading as soon as the bundle runs (in parallel with the storage reads), " +
      'then the controller and host are set up; most of this column is the extension page loading in its frame.',
  );
  lines.push('');
  lines.push('### Stages of ours (medians of the longest slice per stage, ms)', '');
  const names = [
    ...new Set(sizes.flatMap((s) => [...Object.keys(s.normal.stageMax), ...Object.keys(s.throttled?.stageMax ?? {})])),
  ];
  lines.push(`| Page | CPU | ${names.join(' | ')} |`);
  lines.push(`| --- | --- | ${names.map(() => '---:').join(' | ')} |`);
  for (const s of sizes) {
    for (const [cpu, r] of [
      ['1×', s.normal],
      [`${env.throttle}×`, s.throttled],
    ]) {
      if (r)
        lines.push(
          `| ${s.label} | ${cpu} | ${names.map((n) => (Number.isFinite(r.stageMax[n]) ? r.stageMax[n].toFixed(1) : '–')).join(' | ')} |`,
        );
    }
  }
  lines.push('');
  return lines;
}
