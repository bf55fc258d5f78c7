// The panel's own choices: open or folded, side, width, text size, the keyboard hint, docked in
// the browser's side panel; and where it opens once the layout is measured.
import type { ReaderActions, ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { clampPanelWidth, isTextSize } from '../../lib/prefs/panel-prefs';
import type { ReaderSettings } from './reader-settings';
import type { Side } from '../../lib/ui/layout';

/** Width changes while dragging are saved once the drag rests this long. */
export const WIDTH_SAVE_MS = 400;

export interface PanelPrefsDeps {
  readonly store: Store<ReaderState>;
  readonly settings: ReaderSettings;
  readonly signal: AbortSignal;
}

export type PanelPrefsActions = Pick<
  ReaderActions,
  'setOpen' | 'setSide' | 'setWidth' | 'setTextSize' | 'dismissKeysHint' | 'setDocked'
>;

export interface PanelPrefs {
  readonly actions: PanelPrefsActions;
  /** The layout was measured: whether the full panel fits beside the text. The first call opens it as the reader left it. */
  placed(beside: boolean, side?: Side): void;
}

export function createPanelPrefs({ store, settings, signal }: PanelPrefsDeps): PanelPrefs {
  let widthTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(widthTimer), { once: true });
  let placedOnce = false;
  return {
    actions: {
      setOpen(open) {
        const state = store.get();
        // Asking for the outline on the page shows it there, docked elsewhere or not.
        store.set(open ? { open: true, docked: false } : { open: false });
        // Remembered where the panel fits beside the text; an overlay opened on a narrow window is for now only.
        if (state.beside) settings.save({ panelOpen: !!open });
      },
      setSide(side) {
        if (side !== 'left' && side !== 'right') return;
        // Fixed for this page, so the move happens even where the layout had put the panel on the
        // other side (no room, or the rail's side) and the stored side is already this one.
        store.set({ side, sideFixed: true });
        settings.save({ panelSide: side });
      },
      setWidth(width) {
        if (typeof width !== 'number' || !Number.isFinite(width)) return;
        const clamped = clampPanelWidth(width);
        store.set({ width: clamped });
        clearTimeout(widthTimer);
        widthTimer = setTimeout(() => settings.save({ panelWidth: clamped }), WIDTH_SAVE_MS);
      },
      setTextSize(size) {
        if (!isTextSize(size)) return;
        store.set({ textSize: size });
        settings.save({ textSize: size });
      },
      dismissKeysHint() {
        store.set({ keysHint: false });
        settings.save({ keysHintDismissed: true });
      },
      setDocked(docked) {
        store.set({ docked: !!docked });
      },
    },
    placed(beside, side) {
      const state = store.get();
      if (side && side !== state.placedSide) store.set({ placedSide: side });
      if (!placedOnce) {
        placedOnce = true;
        store.set({ beside, open: settings.current().panelOpen && beside });
      } else if (beside !== state.beside) {
        // A window grown wide enough reopens the panel as the reader left it; one narrowed folds it.
        store.set({ beside, open: beside ? settings.current().panelOpen : false });
      }
    },
  };
}
