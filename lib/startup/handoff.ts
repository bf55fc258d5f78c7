// Hands a detected document from the small content script to the reader bundle, which the
// background injects into the same isolated world only on pages that hold a document. The bundle
// is asked for as soon as the page reads as a document, so either side may arrive first: an
// offer waits for the next bundle to run, a bundle waits for the next offer.
import type { DetectedDocument as Detected } from '../document/detect';
import type { PageStatus, ReaderCommand } from '../messages';
import type { RestoredState } from './restore-state';

/** What the content script may ask of a running reader (the popup's questions, relayed commands). */
export interface ReaderHandle {
  /** What the popup shows for this tab. */
  status(): PageStatus;
  /** Jumps to a section by id (popup, bookmark links); false when the id is unknown. */
  jumpToId(id: string): boolean;
  /** Goes back to the stored reading position (popup's 继续阅读); false when none is offered. */
  resumeReading(): boolean;
  /** A browser keyboard command relayed by the background script. */
  command(name: ReaderCommand): void;
}

/** A reader on the page, as the content script holds it. */
export interface RunningReader {
  readonly controller: ReaderHandle;
  /** Takes the panel and highlights off the page (the article changed under a single-page portal). */
  remove(): void;
}

/**
 * What the reader needs of its host: to be told when it must leave. The content script's WXT
 * context is one; the attachment viewer (an extension page) gives its own.
 */
export interface ReaderContext {
  onInvalidated(cb: () => void): unknown;
}

export interface Handoff {
  readonly ctx: ReaderContext;
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
