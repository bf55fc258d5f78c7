// The panel's own choices: shown at once, stored through the settings; a width stored once the drag rests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelPrefs, WIDTH_SAVE_MS } from '../../../entrypoints/reader/panel-prefs-actions';
import type { ReaderSettings } from '../../../entrypoints/reader/reader-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/schema';
import { PANEL_MAX } from '../../../lib/prefs/panel-prefs';
import { detectedFixture, readerStore } from './reader-fixture';

function fakeSettings(initial: Partial<Settings> = {}): ReaderSettings & { saved: unknown[] } {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const saved: unknown[] = [];
  return {
    saved,
    current: () => current,
    save(patch) {
      saved.push(patch);
      current = { ...current, ...patch };
    },
    addPhrase: vi.fn(),
    removePhrase: vi.fn(),
  };
}

describe('createPanelPrefs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores a dragged width once, after the drag rests, clamped', () => {
    const store = readerStore(detectedFixture());
    const settings = fakeSettings();
    const prefs = createPanelPrefs({ store, settings, signal: new AbortController().signal });
    prefs.actions.setWidth(350);
    prefs.actions.setWidth(9999);
    expect(store.get().width).toBe(PANEL_MAX);
    expect(settings.saved).toEqual([]);
    vi.advanceTimersByTime(WIDTH_SAVE_MS);
    expect(settings.saved).toEqual([{ panelWidth: PANEL_MAX }]);
  });

  it('a width still resting when the reader stops is not stored', () => {
    const life = new AbortController();
    const settings = fakeSettings();
    createPanelPrefs({ store: readerStore(detectedFixture()), settings, signal: life.signal }).actions.setWidth(350);
    life.abort();
    vi.advanceTimersByTime(WIDTH_SAVE_MS);
    expect(settings.saved).toEqual([]);
  });

  it('opens where it fits beside the text as the reader left it; an overlay opened on request is not remembered', () => {
    const store = readerStore(detectedFixture());
    const settings = fakeSettings({ panelOpen: true });
    const prefs = createPanelPrefs({ store, settings, signal: new AbortController().signal });
    prefs.placed(false);
    expect(store.get().open).toBe(false);
    prefs.actions.setOpen(true);
    expect(store.get().open).toBe(true);
    expect(settings.saved).toEqual([]);
    prefs.placed(true);
    expect(store.get()).toMatchObject({ beside: true, open: true });
    prefs.actions.setOpen(false);
    expect(settings.saved).toEqual([{ panelOpen: false }]);
    prefs.placed(false);
    prefs.placed(true);
    expect(store.get().open).toBe(false);
  });

  it('a move always moves: fixed on the asked side even when it is the stored one; the placed side is kept apart', () => {
    const store = readerStore(detectedFixture());
    const settings = fakeSettings({ panelSide: 'right' });
    const prefs = createPanelPrefs({ store, settings, signal: new AbortController().signal });
    // Laid out on the left (the rail's side) although right is stored.
    prefs.placed(false, 'left');
    expect(store.get()).toMatchObject({ side: 'right', placedSide: 'left', sideFixed: false });
    prefs.actions.setSide('right');
    expect(store.get()).toMatchObject({ side: 'right', sideFixed: true });
    expect(settings.saved).toEqual([{ panelSide: 'right' }]);
  });

  it('refuses values a panel could not have sent', () => {
    const store = readerStore(detectedFixture());
    const settings = fakeSettings();
    const prefs = createPanelPrefs({ store, settings, signal: new AbortController().signal });
    prefs.actions.setSide('top' as never);
    prefs.actions.setTextSize(15 as never);
    prefs.actions.setWidth(Number.NaN);
    expect(settings.saved).toEqual([]);
    prefs.actions.setTextSize(18);
    prefs.actions.dismissKeysHint();
    expect(store.get()).toMatchObject({ textSize: 18, keysHint: false });
    expect(settings.saved).toEqual([{ textSize: 18 }, { keysHintDismissed: true }]);
  });
});
