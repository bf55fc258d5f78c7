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
//
// The reader may connect again to the same document: the frame's load event can come after the
// page's script already took the first port (seen under load), and the reader then sends a fresh
// port with a fresh nonce after closing its end of the first. The frame takes it, as it would after
// a reload, or it would keep talking into a closed port. Each nonce is taken once.
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
 * `askNonces` asks the background for this tab's live nonces; `accept` gets a port each time a
 * connect message carries a known nonce not taken before (the newest port replaces the last).
 */
export function createFrameHandshake(
  askNonces: () => Promise<readonly string[]>,
  accept: (port: MessagePort) => void,
): FrameHandshake {
  const taken = new Set<string>();
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
    if (!known || asking) return;
    const nonces = known;
    const match = waiting.find((entry) => nonces.has(entry.nonce));
    if (match) {
      taken.add(match.nonce);
      waiting = [];
      reasks = 0; // a reconnect later on gets its own few asks
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
      const data = event.data as { type?: unknown; nonce?: unknown } | null;
      if (data?.type !== FRAME_CONNECT || typeof data.nonce !== 'string' || event.ports.length !== 1) return;
      if (taken.has(data.nonce)) return;
      waiting.push({ event, nonce: data.nonce, askedAfter: false });
      settle();
    },
  };
}
