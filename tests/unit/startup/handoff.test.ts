// The content script and the injected reader bundle meet through the handoff, in either order.
import { describe, expect, it, vi } from 'vitest';
import { offerHandoff, receiveHandoff, type Handoff } from '../../../lib/startup/handoff';

function handoff(label: string): Handoff {
  return { label, settle: vi.fn() } as unknown as Handoff;
}

describe('handoff', () => {
  it('gives an offer made before the bundle runs to the bundle', () => {
    const offered = handoff('early offer');
    offerHandoff(offered);
    const receiver = vi.fn();
    receiveHandoff(receiver);
    expect(receiver).toHaveBeenCalledExactlyOnceWith(offered);
  });

  it('keeps a bundle that runs before the offer waiting for it', () => {
    const receiver = vi.fn();
    receiveHandoff(receiver);
    expect(receiver).not.toHaveBeenCalled();
    const offered = handoff('late offer');
    offerHandoff(offered);
    expect(receiver).toHaveBeenCalledExactlyOnceWith(offered);
  });

  it('serves each offer to one waiting bundle, first come first served', () => {
    const first = vi.fn();
    const second = vi.fn();
    receiveHandoff(first);
    receiveHandoff(second);
    const a = handoff('a');
    const b = handoff('b');
    offerHandoff(a);
    offerHandoff(b);
    expect(first).toHaveBeenCalledExactlyOnceWith(a);
    expect(second).toHaveBeenCalledExactlyOnceWith(b);
  });

  it('hands a bundle only the newest offer, and each offer only once', () => {
    offerHandoff(handoff('stale'));
    const fresh = handoff('fresh');
    offerHandoff(fresh);
    const receiver = vi.fn();
    receiveHandoff(receiver);
    expect(receiver).toHaveBeenCalledExactlyOnceWith(fresh);
    const next = vi.fn();
    receiveHandoff(next);
    expect(next).not.toHaveBeenCalled();
    offerHandoff(handoff('cleanup')); // leave no waiting receiver behind for other tests
  });
});
