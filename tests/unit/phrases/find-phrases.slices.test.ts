// Phrase finding in slices (issue 14): the automaton pauses every few thousand characters and the
// finder between its steps, with the same matches as one go, wherever the pauses fall — a phrase
// across a pause is still found.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAutomaton } from '../../../lib/phrases/automaton';
import { findPhrases, findPhrasesSteps } from '../../../lib/phrases/find-phrases';
import { builtInLexicon } from '../../../lib/phrases/lexicon';
import { drain, runInSlices } from '../../../lib/startup/slices';
import { seedText as readSeedText } from './seed-text';

const seedText = readSeedText();
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Counts the pauses a run of `steps` makes. */
function pausesOf(steps: Generator<void, unknown, void>): number {
  let pauses = 0;
  while (!steps.next().done) pauses++;
  return pauses;
}

describe('automaton in chunks', () => {
  const terms = builtInLexicon.map((e) => e.term.replace(/\s/g, ''));
  const automaton = buildAutomaton(terms);

  it('finds across a chunk edge what it finds in one pass, for every chunk size', () => {
    const whole = automaton.longestAt(seedText);
    expect(whole.length).toBeGreaterThan(10);
    for (const chunk of [1, 2, 3, 7, 64, 1000])
      expect(drain(automaton.longestAtSteps(seedText, chunk)), `chunk ${chunk}`).toEqual(whole);
  });

  it('pauses once per chunk after the first', () => {
    expect(pausesOf(automaton.longestAtSteps('一二三四五六七', 3))).toBe(2);
    expect(pausesOf(automaton.longestAtSteps('', 3))).toBe(0);
  });

  it('on random cuts of the seed text and random chunk sizes', () => {
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(3000), fc.integer({ min: 1, max: 50 }), (from, length, chunk) => {
        const text = seedText.slice(from, from + length);
        expect(drain(automaton.longestAtSteps(text, chunk))).toEqual(automaton.longestAt(text));
      }),
      { numRuns: 50 },
    );
  });
});

describe('findPhrasesSteps', () => {
  // A long text: the seed many times over, so every step of the finder pauses more than once.
  const long = Array.from({ length: 30 }, () => seedText).join('\n');

  it("in slices with the page's turns between them gives what findPhrases gives", async () => {
    const user = ['组织引领', '校园安全'];
    let slices = 0;
    const sliced = await runInSlices(findPhrasesSteps(long, { userPhrases: user }), {
      sliceMs: 0,
      pause,
      onSlice: () => slices++,
    });
    expect(sliced?.value).toEqual(findPhrases(long, { userPhrases: user }));
    expect(sliced!.value.length).toBeGreaterThan(300);
    // Bounded steps: many slices on a long text, not one.
    expect(slices).toBeGreaterThan(long.length / 8192);
  });
});
