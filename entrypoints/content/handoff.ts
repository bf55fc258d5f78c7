// Hands a detected document from the small content script to the reader bundle, which the
// background injects into the same isolated world only on pages that hold a document.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Detected } from './watch-document';
import type { RunningReader } from './start-reader';
import type { RestoredState } from './restore-state';

export interface Handoff {
  readonly ctx: ContentScriptContext;
  readonly found: Detected;
  readonly restoring: Promise<RestoredState>;
  settle(result: RunningReader | Error): void;
}

const KEY = '__gongwenReaderHandoff';
type Scope = { [KEY]?: Handoff };

export function offerHandoff(handoff: Handoff): void {
  (globalThis as Scope)[KEY] = handoff;
}

/** The pending handoff, taken once. */
export function takeHandoff(): Handoff | null {
  const scope = globalThis as Scope;
  const handoff = scope[KEY] ?? null;
  delete scope[KEY];
  return handoff;
}
