// The report's hostile-pages section (issue 22, "Bad input": bounded time, a sensible outline or
// none, never an exception), and --only=hostile putting a fresh one into the last full run's
// bench/RESULTS.md in place of the old.
import { judgeInto, ms } from './report-common';
import { spliceSection } from './splice-results.mjs';
import { TARGETS } from './targets';

const HEADING = '## Hostile pages: bounded time, an outline or none, no exception';
const MISSED_LABEL = 'hostile page';
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** The hostile-pages section (lines), each page judged against the long-task target. */
export function hostileSection(h, judge) {
  const goal = TARGETS.hostileLongestTaskMs;
  const lines = [
    HEADING,
    '',
    `| Page | HTML | verdict | longest task of ours, worst run (median) | longest stage | detection, all slices | all our stages | exceptions / console errors | Target |`,
    '| --- | ---: | --- | ---: | --- | ---: | ---: | --- | --- |',
  ];
  for (const p of h.pages) {
    const ok = p.longestOursMs <= goal;
    // Detection that never decided (a hang, or an exception watch-document swallowed) is a miss too.
    const stuck = p.verdicts.some((v) => v.startsWith('no verdict'));
    const errors = p.errors.length ? p.errors.map((e) => e.replace(/\|/g, '\\|')).join('; ') : 'none';
    lines.push(
      `| ${p.label} | ${kb(p.bytes)} | ${p.verdicts.join(' / ')} | ${ms(p.longestOursMs)} (${ms(p.medianLongestMs)}) | ${p.longestStage.name} ${ms(p.longestStage.ms)} | ` +
        `${ms(p.detectWorkMs)} in ${p.detectSlices} | ${ms(p.workAllMs)} | ${errors} | ≤ ${goal} ms at ${h.throttle}× ${judge(
          `${MISSED_LABEL} "${p.label}": longest task of ours, CPU ${h.throttle}×`,
          ok,
          `${ms(p.longestOursMs)} (${p.longestStage.name} stage ${ms(p.longestStage.ms)})`,
        )}${p.errors.length ? ` ${judge(`${MISSED_LABEL} "${p.label}": exceptions`, false, errors)}` : ''}${
          stuck ? ` ${judge(`${MISSED_LABEL} "${p.label}": no verdict`, false, p.verdicts.join(' / '))}` : ''
        } |`,
    );
  }
  lines.push(
    '',
    `Each page made at bench time (bench/hostile-pages.mjs: a portal page in the CMS markup of tests/fixtures/cms-spans.html, our own text) and loaded ${h.runs} times in one Chromium with the built extension, ` +
      `the CPU slowed ${h.throttle}× (\`Emulation.setCPUThrottlingRate\`), storage cleared before each load. ` +
      "`verdict` = the content script's status as the popup asks for it (`gongwen:status`) once detection has decided: served with the outline's top-level parts (a covering note and the attachments group not counted) and sub-points, or not served and why (`no-parts`: no outline found; `no-signals`: numbered, but too few document signals to open by itself); several verdicts are the runs disagreeing. " +
      '`longest task of ours` = as in the load table: the longest of our stage marks (`gongwen-reader:stage:*`) and of any `longtask` entry overlapping one of them, from load until no stage mark was added for 1.5 s; the worst of the runs, the median in brackets. ' +
      '`detection, all slices` and `all our stages` = medians of the sums of our stage marks. ' +
      "`exceptions / console errors` = CDP `Runtime.exceptionThrown` and `console.error` in the page's renderer, the content script's isolated world included (the pages run no script of their own); the panel's own frame is another process and is not watched here.",
    '',
  );
  return lines;
}

/** --only=hostile: replaces the hostile-pages section of bench/RESULTS.md (and its Missed lines), keeping the rest. */
export async function spliceHostile(hostile, env) {
  const missed = [];
  const section = hostileSection(hostile, judgeInto(missed));
  section.splice(
    section.length - 1,
    0,
    '',
    `Run alone (\`npx vite-node --script bench/run.mjs --only=hostile --runs=${hostile.runs}\`) on ${env.date}, source ${env.git}, load average ${env.loadBefore.toFixed(2)} before / ${env.loadAfter.toFixed(2)} after on ${env.cores} cores; the other sections are from the full run.`,
  );
  await spliceSection({ heading: HEADING, section, missedPrefix: `- MISSED: ${MISSED_LABEL}`, missed });
}
