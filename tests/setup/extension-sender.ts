// Unit-test setup: WXT's fake browser delivers runtime messages with an empty sender, which the
// writer (lib/storage/writer-trust.ts) rightly refuses — real browsers always say who sent. Lib
// code under unit test runs as an extension page does (options, popup), so its messages carry
// that page's sender; tests of content-script senders call handleWriteMessage with their own.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Trigger = (message: unknown, sender: object) => Promise<unknown[]>;

beforeEach(() => {
  const runtime = fakeBrowser.runtime as unknown as {
    onMessage: { hasListeners(): boolean; trigger: Trigger };
    sendMessage: (message: unknown) => Promise<unknown>;
  };
  runtime.sendMessage = async (message: unknown) => {
    if (!runtime.onMessage.hasListeners()) throw Error('No listeners available');
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    return (await runtime.onMessage.trigger(message, sender)).find((r) => !!r);
  };
});
