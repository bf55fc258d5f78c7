import { describe, expect, it, vi } from 'vitest';
import { isTypingTarget, runShortcut, shortcutFor, type KeyEventLike } from '../../../lib/keys/shortcuts';

const key = (k: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: document.body,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps digits to parts, brackets to previous/next and h to highlights', () => {
    expect(shortcutFor(key('1'))).toEqual({ type: 'part', index: 0 });
    expect(shortcutFor(key('9'))).toEqual({ type: 'part', index: 8 });
    expect(shortcutFor(key('['))).toEqual({ type: 'previous' });
    expect(shortcutFor(key(']'))).toEqual({ type: 'next' });
    expect(shortcutFor(key('【'))).toEqual({ type: 'previous' });
    expect(shortcutFor(key('h'))).toEqual({ type: 'toggle-highlights' });
    expect(shortcutFor(key('s'))).toEqual({ type: 'toggle-study' });
    expect(shortcutFor(key('s', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key(' '))).toBeNull();
    expect(shortcutFor(key('0'))).toBeNull();
    expect(shortcutFor(key('a'))).toBeNull();
  });

  it('does nothing with a modifier held', () => {
    for (const mod of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey'] as const) {
      expect(shortcutFor(key('2', { [mod]: true }))).toBeNull();
    }
  });

  it('does nothing while composing or after the page handled the key', () => {
    expect(shortcutFor(key('2', { isComposing: true }))).toBeNull();
    expect(shortcutFor(key('2', { defaultPrevented: true }))).toBeNull();
  });

  it('does nothing while the reader types in a field', () => {
    document.body.innerHTML =
      '<input id="q"><input id="c" type="checkbox"><textarea id="t"></textarea><div contenteditable="true"><span id="e">x</span></div><select id="s"></select>';
    for (const id of ['q', 't', 'e', 's']) {
      expect(shortcutFor(key('1', { target: document.getElementById(id) }))).toBeNull();
    }
    expect(shortcutFor(key('1', { target: document.getElementById('c') }))).toEqual({ type: 'part', index: 0 });
  });

  it('treats non-elements as non-typing targets', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(window)).toBe(false);
  });
});

describe('runShortcut', () => {
  const parts = [{ id: 'p1' }, { id: 'p2' }];
  const reader = () => ({ jumpTo: vi.fn(), stepSection: vi.fn(), toggleHighlights: vi.fn(), toggleStudy: vi.fn() });

  it('runs each shortcut on the reader: a part by number, a step, the highlights, study mode', () => {
    const actions = reader();
    expect(runShortcut({ type: 'part', index: 1 }, parts, actions)).toBe(true);
    expect(runShortcut({ type: 'previous' }, parts, actions)).toBe(true);
    expect(runShortcut({ type: 'next' }, parts, actions)).toBe(true);
    expect(runShortcut({ type: 'toggle-highlights' }, parts, actions)).toBe(true);
    expect(runShortcut({ type: 'toggle-study' }, parts, actions)).toBe(true);
    expect(actions.toggleStudy).toHaveBeenCalledOnce();
    expect(actions.jumpTo).toHaveBeenCalledExactlyOnceWith('p2');
    expect(actions.stepSection.mock.calls).toEqual([[-1], [1]]);
    expect(actions.toggleHighlights).toHaveBeenCalledOnce();
  });

  it('a part number past the last part runs nothing', () => {
    const actions = reader();
    expect(runShortcut({ type: 'part', index: 2 }, parts, actions)).toBe(false);
    expect(actions.jumpTo).not.toHaveBeenCalled();
  });
});
