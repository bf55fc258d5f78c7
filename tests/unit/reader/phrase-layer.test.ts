// The phrase layer finds the page's phrases in slices at start-up (issue 14): the page has its
// turns in between, the result is what finding them at once gives, and anything that needs them
// sooner gets them at once.
import { describe, expect, it, vi } from 'vitest';
import { findPhrases } from '../../../lib/phrases/find-phrases';
import { builtInLexicon } from '../../../lib/phrases/lexicon';
import { detectedFixture } from './reader-fixture';

// The page's turn as a timer task, so a task the page queued first runs first.
vi.mock('../../../lib/startup/yield-to-page', () => ({
  yieldToPage: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
}));
const { createPhraseLayer } = await import('../../../entrypoints/reader/phrase-layer');

/** A slow machine: every look at the clock finds 5 ms gone, so every step of the finder ends a slice. */
function slowClock(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
}

const user = ['守护好校园安全稳定'];

describe('createPhraseLayer, finding in slices', () => {
  it('lets the page run between slices and finds what findPhrases finds', async () => {
    const { model } = detectedFixture();
    const expected = findPhrases(model.text, { lexicon: builtInLexicon, userPhrases: user });
    slowClock();
    const layer = createPhraseLayer(model, user);
    const log: string[] = [];
    setTimeout(() => log.push('page task'), 0);
    const slices: number[] = [];
    const finding = layer
      .findInSlices({ onSlice: (began) => slices.push(began) })
      .then((done) => log.push(`found ${done}`));
    expect(log).toEqual([]);
    await finding;
    expect(log).toEqual(['page task', 'found true']);
    expect(slices.length).toBeGreaterThan(2);
    expect(layer.matches()).toEqual(expected);
    expect(layer.summary().some((p) => p.term === '守护好校园安全稳定' && p.category === 'user')).toBe(true);
  });

  it('gives the phrases at once to whoever asks while the slices are still running', async () => {
    const { model } = detectedFixture();
    const expected = findPhrases(model.text, { lexicon: builtInLexicon, userPhrases: user });
    slowClock();
    const layer = createPhraseLayer(model, user);
    const finding = layer.findInSlices();
    expect(layer.matches()).toEqual(expected);
    expect(await finding).toBe(true);
    expect(layer.matches()).toEqual(expected);
  });

  it('a stopped finding ends without phrases; asking later still finds them', async () => {
    const { model } = detectedFixture();
    slowClock();
    const layer = createPhraseLayer(model, []);
    const stop = new AbortController();
    const finding = layer.findInSlices({ signal: stop.signal });
    stop.abort();
    expect(await finding).toBe(false);
    expect(layer.matches()).toEqual(findPhrases(model.text));
  });
});

describe('createPhraseLayer, the organisation’s phrases', () => {
  it('finds them beside the reader’s own, with their gloss', () => {
    const { model } = detectedFixture();
    const word = [...model.text.slice(0, 40).replace(/[^\p{Script=Han}]/gu, '')].slice(0, 4).join('');
    expect(word.length).toBe(4);
    const layer = createPhraseLayer(model, user, [{ term: word, category: 'organisation', gloss: '本单位释义' }]);
    const row = layer.summary().find((p) => p.term === word);
    expect(row).toEqual(expect.objectContaining({ category: 'organisation', gloss: '本单位释义' }));
    expect(layer.summary().some((p) => p.category === 'user')).toBe(true);
  });
});
