// The reader's keys on the page: only the browser's own keys count, and they end with the reader.
import { describe, expect, it, vi } from 'vitest';
import { listenPageKeys } from '../../../entrypoints/reader/page-keys';

const parts = [{ id: 'p1' }, { id: 'p2' }];

/** A keydown as the browser makes it (happy-dom's dispatched events are untrusted, as a page's are). */
function trustedKey(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('listenPageKeys', () => {
  it('runs a trusted key and claims it; a key past the last part is left to the page', () => {
    const life = new AbortController();
    const actions = { jumpTo: vi.fn(), stepSection: vi.fn(), toggleHighlights: vi.fn(), toggleStudy: vi.fn() };
    listenPageKeys({ win: window, parts, actions, signal: life.signal });
    const two = trustedKey('2');
    window.dispatchEvent(two);
    expect(actions.jumpTo).toHaveBeenCalledExactlyOnceWith('p2');
    expect(two.defaultPrevented).toBe(true);
    const nine = trustedKey('9');
    window.dispatchEvent(nine);
    expect(nine.defaultPrevented).toBe(false);
    life.abort();
  });

  it("ignores a page's forged key", () => {
    const life = new AbortController();
    const actions = { jumpTo: vi.fn(), stepSection: vi.fn(), toggleHighlights: vi.fn(), toggleStudy: vi.fn() };
    listenPageKeys({ win: window, parts, actions, signal: life.signal });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true, cancelable: true }));
    expect(actions.toggleHighlights).not.toHaveBeenCalled();
    life.abort();
  });

  it('stops listening once its signal aborts', () => {
    const life = new AbortController();
    const actions = { jumpTo: vi.fn(), stepSection: vi.fn(), toggleHighlights: vi.fn(), toggleStudy: vi.fn() };
    listenPageKeys({ win: window, parts, actions, signal: life.signal });
    life.abort();
    window.dispatchEvent(trustedKey('h'));
    expect(actions.toggleHighlights).not.toHaveBeenCalled();
  });
});
