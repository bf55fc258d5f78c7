// The panel protocol: every reader action crosses by name with its arguments, and nothing else gets through.
import { describe, expect, it, vi } from 'vitest';
import {
  ACTION_NAMES,
  actionSender,
  dispatchAction,
  isFromPanel,
  type FromPanel,
} from '../../../lib/ui/panel-protocol';
import type { ReaderActions } from '../../../lib/ui/reader-state';

function spyActions(): ReaderActions {
  return Object.fromEntries(ACTION_NAMES.map((name) => [name, vi.fn()])) as unknown as ReaderActions;
}

describe('panel protocol', () => {
  it('sends each action as a message the reader dispatches to the same action', () => {
    const sent: FromPanel[] = [];
    const proxy = actionSender((m) => sent.push(m));
    proxy.jumpTo('p2');
    proxy.setBookmarkNote('p1.k1', '复习');
    proxy.setTextSize(18);
    const target = spyActions();
    for (const message of sent) {
      expect(isFromPanel(JSON.parse(JSON.stringify(message)))).toBe(true);
      if (message.type === 'gongwen:action') dispatchAction(target, message.action);
    }
    expect(target.jumpTo).toHaveBeenCalledWith('p2');
    expect(target.setBookmarkNote).toHaveBeenCalledWith('p1.k1', '复习');
    expect(target.setTextSize).toHaveBeenCalledWith(18);
  });

  it('sends only the declared arguments, so a handler given straight to an event prop still crosses', () => {
    const sent: FromPanel[] = [];
    const proxy = actionSender((m) => sent.push(m));
    (proxy.toggleHighlights as (...args: unknown[]) => void)(new Event('change'));
    (proxy.jumpTo as (...args: unknown[]) => void)('p1', new Event('click'));
    expect(sent.map((m) => structuredClone(m))).toEqual([
      { type: 'gongwen:action', action: { name: 'toggleHighlights', args: [] } },
      { type: 'gongwen:action', action: { name: 'jumpTo', args: ['p1'] } },
    ]);
  });

  it.each([
    null,
    'gongwen:action',
    { type: 'gongwen:action' },
    { type: 'gongwen:action', action: { name: 'constructor', args: [] } },
    { type: 'gongwen:action', action: { name: 'toString', args: [] } },
    { type: 'gongwen:action', action: { name: 'jumpTo', args: 'p1' } },
    { type: 'gongwen:height', height: Number.NaN },
    { type: 'gongwen:other' },
  ])('refuses %j', (value) => {
    expect(isFromPanel(value)).toBe(false);
  });
});
