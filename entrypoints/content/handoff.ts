// Hands a detected document from the small content script to the reader bundle, which the
// background injects into the same isolated world only on pages that hold a document. The bundle
// is asked for as soon as the page reads as a document, so either side may arrive first: an
// offer waits for the next bundle to run, a bundle waits for the next offer.
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

type Receiver = (handoff: Handoff) => void;

const KEY = '__gongwenReaderHandoff';
interface Slot {
  offered: Handoff | null;
  waiting: Receiver[];
}
type Scope = { [KEY]?: Slot };

function slot(): Slot {
  const scope = globalThis as Scope;
  return (scope[KEY] ??= { offered: null, waiting: [] });
}

/** Gives `handoff` to a bundle that is already waiting, or keeps it for the next one (replacing an older offer). */
export function offerHandoff(handoff: Handoff): void {
  const s = slot();
  const receiver = s.waiting.shift();
  if (receiver) receiver(handoff);
  else s.offered = handoff;
}

/** Calls `receiver` with the pending offer now, or with the next one made. */
export function receiveHandoff(receiver: Receiver): void {
  const s = slot();
  const offered = s.offered;
  s.offered = null;
  if (offered) receiver(offered);
  else s.waiting.push(receiver);
}
