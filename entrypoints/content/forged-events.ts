// Keeps page script from stopping the reader with WXT's own events. WXT stops an older copy of a
// content script when a newer one announces itself with a DOM event named after the extension's id
// and entrypoint — names a page can learn and dispatch. Only announcements made by a copy of this
// script starting in this world get through: a page's script cannot set this world's globals.
import { browser } from 'wxt/browser';

/** WXT's name for the event (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, private there). */
function startedEventName(): string {
  return `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
}

const SLOT = '__gongwenStartGuard';
interface Guard {
  /** Set by a copy of this script just before WXT's context announces it (synchronously after). */
  expecting: boolean;
}
type Scope = { [SLOT]?: Guard };

/**
 * Call at the module's top level, before WXT creates the content script's context: lets that one
 * announcement through, and (once per world) stops every other one before WXT's listener sees it.
 */
export function admitOwnStartOnly(): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return; // the build reads this module in Node
  const scope = globalThis as Scope;
  const guard: Guard = scope[SLOT] ?? { expecting: false };
  guard.expecting = true;
  // WXT announces synchronously, in this same task; should it not, no later event is let through.
  queueMicrotask(() => {
    guard.expecting = false;
  });
  if (scope[SLOT]) return;
  scope[SLOT] = guard;
  // Capture on window runs before WXT's listener on document, in every world.
  window.addEventListener(
    startedEventName(),
    (event) => {
      if (guard.expecting) {
        guard.expecting = false;
        return;
      }
      event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
