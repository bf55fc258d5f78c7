// The panel frame's side of the handshake with its reader: it takes the one MessagePort that comes
// with a nonce the background gave for this tab, and nothing else. Page script can post anything to
// the frame, but never learns a nonce (they travel reader → background → frame, never through the
// page), so it cannot hand the panel a port of its own.
//
// The reader starts loading the frame and tells the background its nonce at the same time (neither
// waits for the other: the frame's page load is most of the reader's start-up), so the nonces the
// frame asked for when its script started may predate its reader's. A connect message with a nonce
// the frame does not know yet makes it ask once more; the reader posts only after the background has
// its nonce, so that second answer has it. Asks are one at a time and capped, so a page posting
// made-up nonces costs the background a few messages, never a stream of them.
import { FRAME_CONNECT } from './panel-protocol';

/** How many times the frame asks again for its tab's nonces after the first answer. */
export const NONCE_REASKS = 4;

export interface ConnectMessage {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}

export interface FrameHandshake {
  /** A message posted to the frame's window (any origin: the check is the nonce). */
  receive(event: ConnectMessage): void;
}

/**
 * `askNonces` asks the background for this tab's live nonces; `accept` gets the port once, when a
 * connect message carries a known nonce.
 */
export function createFrameHandshake(
  askNonces: () => Promise<readonly string[]>,
  accept: (port: MessagePort) => void,
): FrameHandshake {
  let connected = false;
  let known: ReadonlySet<string> | null = null;
  let asking = false;
  let reasks = 0;
  /** Connect messages not taken yet; `askedAfter`: an ask was sent after it came, so its answer is the last word. */
  let waiting: { event: ConnectMessage; nonce: string; askedAfter: boolean }[] = [];

  const ask = () => {
    asking = true;
    for (const entry of waiting) entry.askedAfter = true;
    const answered = (nonces: readonly string[]) => {
      asking = false;
      known = new Set(nonces);
      settle();
    };
    askNonces().then(answered, () => answered([]));
  };

  /** Takes the first waiting message with a known nonce; else drops the ones the last answer settled and asks about the rest. */
  const settle = () => {
    if (connected || !known || asking) return;
    const nonces = known;
    const match = waiting.find((entry) => nonces.has(entry.nonce));
    if (match) {
      connected = true;
      waiting = [];
      accept(match.event.ports[0]!);
      return;
    }
    waiting = waiting.filter((entry) => !entry.askedAfter);
    if (waiting.length === 0) return;
    if (reasks < NONCE_REASKS) {
      reasks++;
      ask();
    } else {
      waiting = []; // no more asks: nonces unknown now stay unknown
    }
  };

  ask();

  return {
    receive(event) {
      if (connected) return;
      const data = event.data as { type?: unknown; nonce?: unknown } | null;
      if (data?.type !== FRAME_CONNECT || typeof data.nonce !== 'string' || event.ports.length !== 1) return;
      waiting.push({ event, nonce: data.nonce, askedAfter: false });
      settle();
    },
  };
}
