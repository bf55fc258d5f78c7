// The frame guard on its own, in happy-dom: what the page changes on the host and the frame is put
// back, the reader's own style writes are let be, a removed host goes back, and repairs are bounded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardFrame, MAX_REPAIRS } from '../../../entrypoints/reader/frame-guard';

const SRC = 'chrome-extension://abc/sidepanel.html';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const host = document.createElement('gongwen-reader');
  const root = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.setAttribute('src', SRC);
  root.append(frame);
  document.body.append(host);
  const aborter = new AbortController();
  const restyle = vi.fn(() => void (frame.style.left = '10px'));
  const guard = guardFrame({
    host,
    frame,
    src: SRC,
    parent: () => document.body,
    restyle,
    reconnect: async () => true,
    signal: aborter.signal,
  });
  return { host, frame, guard, restyle, aborter };
}

afterEach(() => void (document.body.innerHTML = ''));

describe('guardFrame', () => {
  it("puts back what the page changes and lets the reader's own writes be", async () => {
    const { host, frame, guard, restyle, aborter } = setup();
    guard.ownStyle(() => (frame.style.top = '5px'));
    await settle();
    expect(restyle).not.toHaveBeenCalled();
    host.setAttribute('style', 'opacity:0');
    frame.style.setProperty('opacity', '0', 'important');
    frame.setAttribute('hidden', '');
    frame.setAttribute('src', '/fake.html');
    await settle();
    expect(host.hasAttribute('style')).toBe(false);
    expect(frame.hasAttribute('hidden')).toBe(false);
    expect(frame.style.opacity).toBe('');
    expect(restyle).toHaveBeenCalledTimes(1);
    expect(frame.getAttribute('src')).toBe(SRC);
    // No loop: the repair's own writes are not repaired again.
    await settle();
    expect(restyle).toHaveBeenCalledTimes(1);
    aborter.abort();
  });

  it('puts a removed host back, and stops after MAX_REPAIRS', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { host, guard, aborter } = setup();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);
    for (let i = 0; i < MAX_REPAIRS + 10; i++) {
      host.setAttribute('data-x', String(i));
      await settle();
    }
    expect(guard.repairs()).toBe(MAX_REPAIRS);
    expect(host.hasAttribute('data-x')).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    aborter.abort();
  });
});
