// The status line: confirmations clear themselves, a failed save says why in one line.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { CONFIRM_MS, createStatusLine } = await import('../../../entrypoints/reader/status-line');
import { detectedFixture, readerStore } from './reader-fixture';

describe('createStatusLine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears a confirmation after CONFIRM_MS, unless something else was said meanwhile', () => {
    const store = readerStore(detectedFixture());
    const line = createStatusLine({ store, signal: new AbortController().signal });
    line.confirm('已收藏');
    expect(store.get().message).toBe('已收藏');
    vi.advanceTimersByTime(CONFIRM_MS);
    expect(store.get().message).toBeNull();
    line.confirm('已收藏');
    line.say('别的');
    vi.advanceTimersByTime(CONFIRM_MS);
    expect(store.get().message).toBe('别的');
  });

  it('a failure that means this page may not save (cleared, kept) stops saving; others only say why', () => {
    const store = readerStore(detectedFixture());
    const onSavingStopped = vi.fn();
    const line = createStatusLine({ store, signal: new AbortController().signal, onSavingStopped });
    line.fail(Object.assign(new Error('x'), { code: 'quota' }));
    expect(onSavingStopped).not.toHaveBeenCalled();
    expect(store.get().message).toBe('storageError(storageQuota)');
    line.fail(Object.assign(new Error('x'), { code: 'cleared' }));
    expect(onSavingStopped).toHaveBeenCalledOnce();
    expect(store.get().message).toBe('storageClearedHere');
  });

  it('leaves the line alone once its signal aborts', () => {
    const store = readerStore(detectedFixture());
    const life = new AbortController();
    createStatusLine({ store, signal: life.signal }).confirm('已收藏');
    life.abort();
    vi.advanceTimersByTime(CONFIRM_MS);
    expect(store.get().message).toBe('已收藏');
  });
});
