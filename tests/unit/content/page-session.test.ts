// The content script's state for the page on screen: one object per page, ended whole.
import { describe, expect, it, vi } from 'vitest';
import { createPageSession } from '../../../entrypoints/content/page-session';
import type { RunningReader } from '../../../lib/startup/handoff';

function reader() {
  const remove = vi.fn();
  const running: RunningReader = {
    controller: { status: vi.fn(), jumpToId: vi.fn(), resumeReading: vi.fn(), command: vi.fn() },
    remove,
  };
  return Object.assign(running, { remove });
}

describe('createPageSession', () => {
  it('starts with no reader and nothing found yet', () => {
    const page = createPageSession();
    expect(page.reader()).toBeNull();
    expect(page.status).toEqual({ found: false, reason: 'no-parts' });
    expect(page.ended()).toBe(false);
  });

  it('ending it stops the watch, takes its reader off and forgets what it read', () => {
    const page = createPageSession();
    const stop = vi.fn();
    const running = reader();
    page.watching(stop);
    page.adopt(running);
    page.stored = Promise.resolve({} as never);
    page.end();
    expect(stop).toHaveBeenCalledOnce();
    expect(running.remove).toHaveBeenCalledOnce();
    expect(page.reader()).toBeNull();
    expect(page.stored).toBeNull();
    page.end();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('a reader that comes up after its page ended is taken off, not kept', () => {
    const page = createPageSession();
    page.end();
    const late = reader();
    page.adopt(late);
    expect(late.remove).toHaveBeenCalledOnce();
    expect(page.reader()).toBeNull();
  });

  it('a watch started for an ended page is stopped at once; stopWatching stops the current one only once', () => {
    const ended = createPageSession();
    ended.end();
    const late = vi.fn();
    ended.watching(late);
    expect(late).toHaveBeenCalledOnce();

    const page = createPageSession();
    const stop = vi.fn();
    page.watching(stop);
    page.stopWatching();
    page.stopWatching();
    expect(stop).toHaveBeenCalledOnce();
  });
});
