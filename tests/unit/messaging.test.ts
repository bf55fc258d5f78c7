// Typed messaging: the guard admits only well-formed messages of the protocol, a handler map
// answers them, and the send helpers carry the reply back through the (fake) browser.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleWith, messageGuard, backgroundSender, type Handlers } from '../../lib/messaging';
import { isBackgroundMessage, isReaderMessage } from '../../lib/messages';

interface Demo {
  'demo:add': [{ readonly a: number; readonly b: number }, number];
  'demo:ping': [Record<never, never>, 'pong'];
}

const isDemo = messageGuard<Demo>({
  'demo:add': (m) => typeof m.a === 'number' && typeof m.b === 'number',
  'demo:ping': () => true,
});

const handlers: Handlers<Demo, string> = {
  'demo:add': ({ a, b }) => a + b,
  'demo:ping': async () => 'pong' as const,
};

describe('messageGuard', () => {
  it('admits each type only with well-formed fields', () => {
    expect(isDemo({ type: 'demo:add', a: 1, b: 2 })).toBe(true);
    expect(isDemo({ type: 'demo:add', a: 1, b: '2' })).toBe(false);
    expect(isDemo({ type: 'demo:ping' })).toBe(true);
    expect(isDemo({ type: 'demo:other' })).toBe(false);
    expect(isDemo({ type: 'toString' })).toBe(false);
    expect(isDemo({ type: 'constructor' })).toBe(false);
    expect(isDemo('demo:ping')).toBe(false);
    expect(isDemo(null)).toBe(false);
  });

  it('guards the tab and background protocols field by field', () => {
    expect(isReaderMessage({ type: 'gongwen:jump', sectionId: 'p1' })).toBe(true);
    expect(isReaderMessage({ type: 'gongwen:jump', sectionId: 1 })).toBe(false);
    expect(isReaderMessage({ type: 'gongwen:progress', percent: 1 })).toBe(false);
    expect(isBackgroundMessage({ type: 'gongwen:panel-nonce', nonce: 'n' })).toBe(true);
    expect(isBackgroundMessage({ type: 'gongwen:panel-nonce' })).toBe(false);
    expect(isBackgroundMessage({ type: 'gongwen:progress', percent: Number.NaN })).toBe(false);
    expect(isBackgroundMessage({ type: 'gongwen:status' })).toBe(false);
  });
});

describe('handleWith', () => {
  it('answers with the handler of the message’s type and leaves other messages alone', async () => {
    const listen = handleWith(isDemo, handlers);
    await expect(listen({ type: 'demo:add', a: 2, b: 3 }, 'sender')).resolves.toBe(5);
    await expect(listen({ type: 'demo:ping' }, 'sender')).resolves.toBe('pong');
    expect(listen({ type: 'demo:add', a: 2 }, 'sender')).toBeUndefined();
    expect(listen({ type: 'gongwen:write', op: 'clear', req: {} }, 'sender')).toBeUndefined();
  });

  it('hands the listener’s context (the sender) to the handler', async () => {
    const listen = handleWith<Demo, string>(isDemo, { ...handlers, 'demo:add': ({ a }, sender) => a + sender.length });
    await expect(listen({ type: 'demo:add', a: 1, b: 0 }, 'abc')).resolves.toBe(4);
  });
});

describe('send helpers', () => {
  it('carry the reply of the listening side back', async () => {
    fakeBrowser.reset();
    const listener = handleWith(isDemo, handlers);
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => listener(message, 'sender'));
    const send = backgroundSender<Demo>();
    await expect(send({ type: 'demo:add', a: 40, b: 2 })).resolves.toBe(42);
    fakeBrowser.reset();
  });
});
