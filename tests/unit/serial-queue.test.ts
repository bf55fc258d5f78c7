// serialQueue: tasks run one after another, in order, and one's failure is not the next one's.
import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../lib/serial-queue';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('serialQueue', () => {
  it('starts a task only once the one before it has settled', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    let release!: () => void;
    const first = queue(async () => {
      log.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first end');
      return 1;
    });
    const second = queue(async () => {
      log.push('second start');
      return 2;
    });
    await tick();
    expect(log).toEqual(['first start']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second start']);
  });

  it("gives a task's error to its caller only; the next task still runs", async () => {
    const queue = serialQueue();
    const failed = queue(() => Promise.reject(new Error('boom')));
    const next = queue(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
