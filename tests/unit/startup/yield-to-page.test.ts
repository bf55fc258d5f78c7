import { describe, expect, it, vi } from 'vitest';
import { yieldToPage, type YieldScope } from '../../../lib/startup/yield-to-page';

/** Order of events: a task queued before the yield must run before the code after it. */
async function taskRunsFirst(scope: YieldScope, queue: (run: () => void) => void): Promise<string[]> {
  const order: string[] = [];
  queue(() => order.push('page task'));
  await yieldToPage(scope);
  order.push('after yield');
  return order;
}

describe('yieldToPage', () => {
  it('uses scheduler.yield() where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    const scope: YieldScope = { scheduler: { yield: yieldFn }, setTimeout: globalThis.setTimeout.bind(globalThis) };
    await yieldToPage(scope);
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it('falls back to a MessageChannel task, after tasks already queued', async () => {
    const setTimeoutSpy = vi.fn(globalThis.setTimeout.bind(globalThis));
    const scope: YieldScope = { MessageChannel, setTimeout: setTimeoutSpy as unknown as YieldScope['setTimeout'] };
    const order = await taskRunsFirst(scope, (run) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        run();
      };
      channel.port2.postMessage(null);
    });
    expect(order).toEqual(['page task', 'after yield']);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });

  it('falls back to setTimeout where there is neither', async () => {
    const scope: YieldScope = { setTimeout: globalThis.setTimeout.bind(globalThis) };
    const order = await taskRunsFirst(scope, (run) => setTimeout(run, 0));
    expect(order).toEqual(['page task', 'after yield']);
  });

  it('never resolves in the same task (a microtask queued after it runs first)', async () => {
    const order: string[] = [];
    const done = yieldToPage({ setTimeout: globalThis.setTimeout.bind(globalThis) }).then(() => order.push('yielded'));
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'yielded']);
  });
});
