// The reader's copy of the stored settings, kept in step with storage: changes made elsewhere (the
// options page, another tab) reach this panel's state and highlights without a reload, and the
// reader's own changes go to the writer as patches or phrase deltas, never as a whole list.
import type { Settings } from '../../lib/storage/schema';
import type { SettingsPatch } from '../../lib/storage/protocol';
import type { ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { addUserPhrase, removeUserPhrase } from '../../lib/phrases/user-phrases';

/** The storage side, as lib/storage/settings.ts has it (injected so tests can drive it). */
export interface SettingsStorage {
  /** The settings as stored now (with the policy on top). */
  load(): Promise<Settings>;
  watch(cb: (settings: Settings) => void): () => void;
  save(patch: SettingsPatch): Promise<Settings>;
  addPhrase(phrase: string): Promise<Settings>;
  removePhrase(phrase: string): Promise<Settings>;
}

export interface ReaderSettingsDeps {
  readonly initial: Settings;
  readonly store: Store<ReaderState>;
  readonly storage: SettingsStorage;
  readonly signal: AbortSignal;
  /** The user phrases changed (here or elsewhere): find and paint them again. */
  readonly onUserPhrases: (phrases: readonly string[]) => void;
  /** Highlights were switched on or off elsewhere. */
  readonly onHighlights: (on: boolean) => void;
  readonly fail: (error: unknown) => void;
}

export interface ReaderSettings {
  current(): Settings;
  /** Shown at once, then stored. */
  save(patch: SettingsPatch): void;
  addPhrase(phrase: string): void;
  removePhrase(phrase: string): void;
}

export function createReaderSettings(deps: ReaderSettingsDeps): ReaderSettings {
  const { store, storage, signal } = deps;
  let settings = deps.initial;
  /** Own writes not yet answered: stored values seen meanwhile may predate them and are not shown. */
  let inFlight = 0;

  /**
   * Takes stored settings as this reader's: what changed there reaches the panel's state, phrases
   * and highlights. Only what changed: a value shown but not yet stored (a width being dragged) stays.
   */
  const adopt = (next: Settings) => {
    const before = settings;
    settings = next;
    const patch: { -readonly [K in keyof ReaderState]?: ReaderState[K] } = {};
    if (next.panelSide !== before.panelSide) patch.side = next.panelSide;
    if (next.panelWidth !== before.panelWidth) patch.width = next.panelWidth;
    if (next.textSize !== before.textSize) patch.textSize = next.textSize;
    if (next.keysHintDismissed !== before.keysHintDismissed) patch.keysHint = !next.keysHintDismissed;
    store.set(patch);
    if (!samePhrases(before.userPhrases, next.userPhrases)) deps.onUserPhrases(next.userPhrases);
    if (next.highlightsOn !== before.highlightsOn && next.highlightsOn !== store.get().highlightsOn)
      deps.onHighlights(next.highlightsOn);
  };

  const stored = (next: Settings) => {
    if (!signal.aborted && inFlight === 0) adopt(next);
  };

  const write = (op: Promise<Settings>) => {
    inFlight++;
    op.catch(deps.fail).finally(() => {
      if (--inFlight > 0 || signal.aborted) return;
      // What is stored now is the truth, not the write's reply: another page's write (a phrase
      // deleted in the options page) may land after ours while its change event reaches us before
      // our reply does, and adopting the reply would bring the deleted phrase back. A failed write
      // left storage as it was, and this read says so too.
      storage.load().then(stored, deps.fail);
    });
  };

  const unwatch = storage.watch(stored);
  signal.addEventListener('abort', unwatch, { once: true });

  return {
    current: () => settings,
    save(patch) {
      settings = { ...settings, ...patch };
      write(storage.save(patch));
    },
    addPhrase(phrase) {
      const userPhrases = addUserPhrase(settings.userPhrases, phrase);
      if (userPhrases.length === settings.userPhrases.length) return;
      settings = { ...settings, userPhrases };
      deps.onUserPhrases(userPhrases);
      write(storage.addPhrase(userPhrases[userPhrases.length - 1]!));
    },
    removePhrase(phrase) {
      const userPhrases = removeUserPhrase(settings.userPhrases, phrase);
      if (userPhrases.length === settings.userPhrases.length) return;
      settings = { ...settings, userPhrases };
      deps.onUserPhrases(userPhrases);
      write(storage.removePhrase(phrase));
    },
  };
}

function samePhrases(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
