// The highlights as the reader's state shows them: on/off, the user's phrases listed and painted.
import { describe, expect, it } from 'vitest';
import { createHighlights } from '../../../entrypoints/reader/highlights';
import { createPhraseLayer } from '../../../entrypoints/reader/phrase-layer';
import { detectedFixture, readerStore } from './reader-fixture';

function setUp() {
  const found = detectedFixture();
  const store = readerStore(found);
  const life = new AbortController();
  const phrases = createPhraseLayer(found.model, []);
  const highlights = createHighlights({
    win: window,
    store,
    phrases,
    root: found.root,
    offset: () => 0,
    signal: life.signal,
  });
  return { found, store, life, highlights };
}

describe('createHighlights', () => {
  it("lists the user's phrases with their counts as they change", async () => {
    const { store, highlights } = setUp();
    expect(await highlights.setUserPhrases(['守护好校园安全稳定'])).toBe(true);
    expect(store.get().phrases).toContainEqual(
      expect.objectContaining({ term: '守护好校园安全稳定', category: 'user', count: 1 }),
    );
    await highlights.setUserPhrases([]);
    expect(store.get().phrases.some((p) => p.category === 'user')).toBe(false);
  });

  it('a newer list replaces one still being searched: only the newer is listed', async () => {
    const { store, highlights } = setUp();
    const older = highlights.setUserPhrases(['守护好校园安全稳定']);
    const newer = highlights.setUserPhrases(['组织引领']);
    expect(await older).toBe(false);
    expect(await newer).toBe(true);
    const user = store
      .get()
      .phrases.filter((p) => p.category === 'user')
      .map((p) => p.term);
    expect(user).not.toContain('守护好校园安全稳定');
  });

  it('switching off shows in the state; the text of the page stays as it was', () => {
    const { found, store, highlights } = setUp();
    const text = found.root.textContent;
    highlights.setOn(true);
    highlights.setOn(false);
    expect(store.get().highlightsOn).toBe(false);
    expect(found.root.textContent).toBe(text);
  });
});
