// The panel frame's handshake: a port is taken only with a nonce the background knows for this
// tab, each nonce once; a frame that asked before its reader's nonce arrived asks again, a bounded
// number of times.
import { describe, expect, it } from 'vitest';
import { createFrameHandshake, NONCE_REASKS, type ConnectMessage } from '../../../lib/ui/frame-handshake';
import { FRAME_CONNECT } from '../../../lib/ui/panel-protocol';

/** The background as the frame sees it: each ask answers with the nonces registered by then, when `answer()` is called. */
function fakeBackground(initial: string[] = []) {
  const registered = [...initial];
  const pending: (() => void)[] = [];
  let asks = 0;
  return {
    register: (nonce: string) => registered.push(nonce),
    askNonces: () => {
      asks++;
      return new Promise<readonly string[]>((resolve) => pending.push(() => resolve([...registered])));
    },
    /** Answers the oldest ask with what is registered now, and lets the answer's handlers run. */
    async answer() {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get asks() {
      return asks;
    },
    get waiting() {
      return pending.length;
    },
  };
}

function connect(nonce: unknown, ports = [new MessageChannel().port2]): ConnectMessage & { port: MessagePort } {
  return { data: { type: FRAME_CONNECT, nonce }, ports, port: ports[0]! };
}

describe('frame handshake', () => {
  it('takes the port that comes with its tab’s nonce, and only that one, once', async () => {
    const background = fakeBackground(['n1']);
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    const forged = connect('made-up');
    const real = connect('n1');
    handshake.receive(forged); // page script posting first, before the frame knows any nonce
    handshake.receive(real);
    expect(taken).toEqual([]);
    await background.answer();
    expect(taken).toEqual([real.port]);
    handshake.receive(connect('n1'));
    expect(taken).toHaveLength(1);
  });

  it('takes a fresh port from its reader connecting again, with a fresh nonce, and never a used one', async () => {
    // The reader connected, then saw the frame's (late) load event and connected again after
    // closing its end of the first port: the frame must move to the new port.
    const background = fakeBackground(['n1']);
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    const first = connect('n1');
    handshake.receive(first);
    await background.answer();
    expect(taken).toEqual([first.port]);
    background.register('n2');
    const again = connect('n2');
    handshake.receive(again);
    await background.answer();
    expect(taken).toEqual([first.port, again.port]);
    handshake.receive(connect('n1'));
    handshake.receive(connect('n2'));
    handshake.receive(connect('made-up'));
    await background.answer();
    expect(taken).toEqual([first.port, again.port]);
  });

  it('ignores messages that are not a connect with one port and a string nonce', async () => {
    const background = fakeBackground(['n1']);
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    await background.answer();
    handshake.receive({ data: { type: 'other', nonce: 'n1' }, ports: [new MessageChannel().port2] });
    handshake.receive({ data: { type: FRAME_CONNECT, nonce: 'n1' }, ports: [] });
    handshake.receive({ data: { type: FRAME_CONNECT, nonce: 1 }, ports: [new MessageChannel().port2] });
    handshake.receive({ data: null, ports: [new MessageChannel().port2] });
    expect(taken).toEqual([]);
    expect(background.asks).toBe(1);
  });

  it('asks again when its reader’s nonce reached the background after the first answer', async () => {
    const background = fakeBackground();
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    await background.answer(); // answered before the reader told the background
    background.register('late');
    const real = connect('late');
    handshake.receive(real);
    expect(background.asks).toBe(2);
    expect(taken).toEqual([]);
    await background.answer();
    expect(taken).toEqual([real.port]);
  });

  it('re-checks a connect that came while the first ask was out against a later answer', async () => {
    const background = fakeBackground();
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    background.register('late'); // while the frame's first ask is out: its answer has it
    const real = connect('late');
    handshake.receive(real);
    await background.answer();
    expect(taken).toEqual([real.port]);
    expect(background.asks).toBe(1);
  });

  it('never takes a made-up nonce, and asks the background a bounded number of times however many come', async () => {
    const background = fakeBackground(['n1']);
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(background.askNonces, (port) => taken.push(port));
    await background.answer();
    for (let i = 0; i < 50; i++) {
      handshake.receive(connect(`guess-${i}`));
      await background.answer();
    }
    expect(taken).toEqual([]);
    expect(background.asks).toBe(1 + NONCE_REASKS);
    expect(background.waiting).toBe(0);
  });

  it('has one ask out at a time', async () => {
    const background = fakeBackground();
    const handshake = createFrameHandshake(background.askNonces, () => {});
    for (let i = 0; i < 10; i++) handshake.receive(connect(`guess-${i}`));
    expect(background.asks).toBe(1);
    await background.answer();
    expect(background.asks).toBe(2);
  });

  it('treats a failed ask as no nonces', async () => {
    const taken: MessagePort[] = [];
    const handshake = createFrameHandshake(
      () => Promise.reject(new Error('no background')),
      (port) => taken.push(port),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    handshake.receive(connect('n1'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taken).toEqual([]);
  });
});
