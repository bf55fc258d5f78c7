// The reader follows stored settings: changes made elsewhere reach its state and phrases without a
// reload; its own changes go to the writer as patches and phrase deltas, so nothing made elsewhere is lost.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installWriter } from '../../../lib/storage/writer';
import * as stored from '../../../lib/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/schema';
import { createReaderSettings, type SettingsStorage } from '../../../entrypoints/reader/reader-settings';
import { detectedFixture, readerStore } from './reader-fixture';

const storage: SettingsStorage = {
  load: () => stored.loadSettings(),
  watch: stored.watchSettings,
  save: stored.saveSettings,
  addPhrase: stored.addUserPhrase,
  removePhrase: stored.removeUserPhrase,
};

function setUp(initial: Settings = DEFAULT_SETTINGS, through: SettingsStorage = storage) {
  const life = new AbortController();
  const store = readerStore(detectedFixture(), initial);
  const onUserPhrases = vi.fn();
  const onHighlights = vi.fn();
  const fail = vi.fn();
  const sync = createReaderSettings({
    initial,
    store,
    storage: through,
    onUserPhrases,
    onHighlights,
    fail,
    signal: life.signal,
  });
  return { life, store, sync, onUserPhrases, onHighlights, fail };
}

beforeEach(() => {
  fakeBrowser.reset();
  installWriter();
});

describe('createReaderSettings', () => {
  it('takes a phrase added elsewhere (the options page) without a reload', async () => {
    const { sync, onUserPhrases } = setUp();
    await stored.addUserPhrase('组织引领');
    await vi.waitFor(() => expect(onUserPhrases).toHaveBeenLastCalledWith(['组织引领']));
    expect(sync.current().userPhrases).toEqual(['组织引领']);
  });

  it('adds its own phrase as a delta: one added elsewhere meanwhile is kept, here and in storage', async () => {
    // A copy that never heard of the phrase added elsewhere (its change event not yet delivered).
    const { sync, onUserPhrases } = setUp(DEFAULT_SETTINGS, { ...storage, watch: () => () => {} });
    await stored.addUserPhrase('组织引领');
    sync.addPhrase('守护好校园安全稳定');
    expect(onUserPhrases).toHaveBeenCalledWith(['守护好校园安全稳定']); // shown at once
    await vi.waitFor(() => expect(sync.current().userPhrases).toEqual(['组织引领', '守护好校园安全稳定']));
    expect((await stored.loadSettings()).userPhrases).toEqual(['组织引领', '守护好校园安全稳定']);
    expect(onUserPhrases).toHaveBeenLastCalledWith(['组织引领', '守护好校园安全稳定']);
  });

  it('removes by delta, and a duplicate or unknown phrase changes nothing', async () => {
    await stored.addUserPhrase('两个维护');
    await stored.addUserPhrase('组织引领');
    const { sync, onUserPhrases } = setUp(await stored.loadSettings());
    sync.addPhrase('“两个维护”');
    sync.removePhrase('不在列表');
    expect(onUserPhrases).not.toHaveBeenCalled();
    sync.removePhrase('两个维护');
    expect(onUserPhrases).toHaveBeenLastCalledWith(['组织引领']);
    await vi.waitFor(async () => expect((await stored.loadSettings()).userPhrases).toEqual(['组织引领']));
  });

  it('shows side, width, text size and the hint as stored elsewhere; highlights switched elsewhere are reported', async () => {
    const { store, onHighlights } = setUp();
    await stored.saveSettings({
      panelSide: 'left',
      panelWidth: 400,
      textSize: 18,
      keysHintDismissed: true,
      highlightsOn: false,
    });
    await vi.waitFor(() =>
      expect(store.get()).toMatchObject({ side: 'left', width: 400, textSize: 18, keysHint: false }),
    );
    expect(onHighlights).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('keeps a value shown but not yet stored (a width being dragged) when something else changes', async () => {
    const { store } = setUp();
    store.set({ width: 420 }); // the drag's width, saved once the drag rests
    await stored.saveSettings({ textSize: 16 });
    await vi.waitFor(() => expect(store.get().textSize).toBe(16));
    expect(store.get().width).toBe(420);
  });

  it('its own save is shown at once and not undone by the stored value it replaces', async () => {
    const { sync, store, onHighlights } = setUp();
    sync.save({ panelSide: 'left' });
    expect(sync.current().panelSide).toBe('left');
    await vi.waitFor(async () => expect((await stored.loadSettings()).panelSide).toBe('left'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.get().side).toBe('right'); // the store is the caller's to set; the sync only follows storage changes
    expect(onHighlights).not.toHaveBeenCalled();
  });

  it('a reply that comes after a later change elsewhere does not bring back what that change removed', async () => {
    await stored.addUserPhrase('组织引领');
    const before = await stored.loadSettings();
    let answer: (settings: Settings) => void = () => {};
    let changed: (settings: Settings) => void = () => {};
    const { sync, onUserPhrases } = setUp(before, {
      ...storage,
      watch: (cb) => ((changed = cb), () => {}),
      save: () => new Promise<Settings>((resolve) => (answer = resolve)),
    });
    sync.save({ textSize: 16 }); // ours, in flight
    await stored.removeUserPhrase('组织引领'); // the options page's, stored after ours
    changed(await stored.loadSettings()); // its change event arrives first…
    answer({ ...before, textSize: 16 }); // …then our reply, which still lists the phrase
    await vi.waitFor(() => expect(onUserPhrases).toHaveBeenLastCalledWith([]));
    expect(sync.current().userPhrases).toEqual([]);
  });

  it('reports a failed write', async () => {
    const life = new AbortController();
    const fail = vi.fn();
    const error = Object.assign(new Error('full'), { code: 'quota' });
    const sync = createReaderSettings({
      initial: DEFAULT_SETTINGS,
      store: readerStore(detectedFixture()),
      storage: { ...storage, save: () => Promise.reject(error) },
      onUserPhrases: vi.fn(),
      onHighlights: vi.fn(),
      fail,
      signal: life.signal,
    });
    sync.save({ textSize: 20 });
    await vi.waitFor(() => expect(fail).toHaveBeenCalledWith(error));
  });

  it('stops following storage once its signal aborts', async () => {
    const { life, onUserPhrases, sync } = setUp();
    life.abort();
    await stored.addUserPhrase('组织引领');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onUserPhrases).not.toHaveBeenCalled();
    expect(sync.current().userPhrases).toEqual([]);
  });
});
