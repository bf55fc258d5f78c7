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
  const highlights = createHighlights({ win: window, store, phrases, root: found.root, offset: () => 0, signal: life.signal });
  return { found, store, life, highlights };
}

describe('createHighlights', () => {
  it("lists the user's phrases with their counts as they change", () => {
    const { store, highlights } = setUp();
    highlights.setUserPhrases(['守护好校园安全稳定']);
    expect(store.get().phrases).toContainEqual(expect.objectContaining({ term: '守护好校园安全稳定', category: 'user', count: 1 }));
    highlights.setUserPhrases([]);
    expect(store.get().phrases.some((p) => p.category === 'user')).toBe(false);
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
