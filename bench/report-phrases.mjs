// The report's phrase-finding section, and --only=phrases putting a fresh one into the last
// full run's bench/RESULTS.md in place of the old.
import { FLOOD, SHARED_PREFIX } from './phrases.mjs';
import { judgeInto, ms } from './report-common';
import { spliceSection } from './splice-results.mjs';
import { TARGETS } from './targets';

const PHRASES_HEADING = '## Phrase finding: 500 reader phrases vs none';

/** The phrase-finding section (lines), judged against its target. */
export function phraseSection(phrases, judge) {
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

/** --only=phrases: replaces the phrase-finding section of bench/RESULTS.md (and its Missed line), keeping the rest. */
export async function spliceIntoResults(phrases, env) {
  const missed = [];
  const judge = judgeInto(missed);
  const section = phraseSection(phrases, judge);
  section.splice(
    section.length - 1,
    0,
    '',
    `Run alone (\`npx vite-node --script bench/run.mjs --only=phrases\`) on ${env.date}, source ${env.git}, load average ${env.loadBefore.toFixed(2)} on ${env.cores} cores; the sections above are from the full run.`,
  );
  await spliceSection({ heading: PHRASES_HEADING, section, missedPrefix: '- MISSED: phrase finding', missed });
}
