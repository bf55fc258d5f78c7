// The reader's keys on the page itself (in the panel's frame, the panel listens): only the
// browser's own trusted keys, so a page's forged key cannot jump, or switch highlights off and save that.
import { keyEventLike, runShortcut, shortcutFor, type ShortcutTarget } from '../../lib/keys/shortcuts';

export interface PageKeysDeps {
  readonly win: Window;
  readonly parts: readonly { readonly id: string }[];
  readonly actions: ShortcutTarget;
  readonly signal: AbortSignal;
}

export function listenPageKeys({ win, parts, actions, signal }: PageKeysDeps): void {
  if (signal.aborted) return;
  win.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      const action = shortcutFor(keyEventLike(event));
      if (action && runShortcut(action, parts, actions)) event.preventDefault();
    },
    { signal },
  );
}
