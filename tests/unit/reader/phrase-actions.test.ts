// Phrase actions: a selection in the article can be added (and is kept while focus moves to the
// panel), a refusal says why, removal goes through the settings, highlights switch and are stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderSettings } from '../../../entrypoints/reader/reader-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/schema';
import { detectedFixture, readerStore, selectText } from './reader-fixture';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { createPhraseActions } = await import('../../../entrypoints/reader/phrase-actions');
const { createPhraseLayer } = await import('../../../entrypoints/reader/phrase-layer');
const { createHighlights } = await import('../../../entrypoints/reader/highlights');

function fakeSettings(initial: Partial<Settings> = {}) {
  const current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    current: () => current,
    save: vi.fn(),
    addPhrase: vi.fn(),
    removePhrase: vi.fn(),
  } satisfies ReaderSettings;
}

function setUp(initial: Partial<Settings> = {}) {
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
  const settings = fakeSettings(initial);
  const actions = createPhraseActions({
    win: window,
    store,
    phrases,
    highlights,
    settings,
    root: found.root,
    host: () => null,
    offset: () => 0,
    jumped: vi.fn(),
    signal: life.signal,
  });
  actions.start();
  return { found, store, life, settings, actions };
}

describe('createPhraseActions', () => {
  beforeEach(() => getSelection()?.removeAllRanges());

  it('adds the article text the reader selected, normalised, through the settings', () => {
    const { found, store, settings, actions } = setUp();
    selectText(found.root, '守护好校园安全稳定');
    expect(store.get().hasSelection).toBe(true);
    actions.actions.addSelectedPhrase();
    expect(settings.addPhrase).toHaveBeenCalledExactlyOnceWith('守护好校园安全稳定');
  });

  it('says why a selection is refused (already in the list)', () => {
    const { found, store, settings, actions } = setUp({ userPhrases: ['守护好校园安全稳定'] });
    selectText(found.root, '守护好校园安全稳定');
    actions.actions.addSelectedPhrase();
    expect(settings.addPhrase).not.toHaveBeenCalled();
    expect(store.get().message).toBe('phraseDuplicate');
  });

  it('text selected outside the article is not offered', () => {
    const { store, actions, settings } = setUp();
    const outside = document.createElement('p');
    outside.textContent = '页外文字';
    document.body.prepend(outside);
    selectText(outside, '页外文字');
    expect(store.get().hasSelection).toBe(false);
    actions.actions.addSelectedPhrase();
    expect(settings.addPhrase).not.toHaveBeenCalled();
    expect(store.get().message).toBe('phraseEmpty');
  });

  it('stops following the selection once its signal aborts', () => {
    const { found, store, life } = setUp();
    life.abort();
    selectText(found.root, '守护好校园安全稳定');
    expect(store.get().hasSelection).toBe(false);
  });

  it('switches highlights and stores the choice; removes a phrase through the settings', () => {
    const { store, settings, actions } = setUp();
    actions.actions.toggleHighlights();
    expect(store.get().highlightsOn).toBe(false);
    expect(settings.save).toHaveBeenCalledWith({ highlightsOn: false });
    actions.actions.removeUserPhrase('两个维护');
    expect(settings.removePhrase).toHaveBeenCalledWith('两个维护');
  });
});
