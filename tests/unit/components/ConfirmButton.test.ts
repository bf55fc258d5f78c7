// ConfirmButton with a clock of the test's own: one press arms and says so, a hurried second press
// does nothing, an unhurried one acts; without need, the first press acts.
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: unknown[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { ConfirmButton } = await import('../../../components/ConfirmButton');

function setup(needed = true) {
  const root = document.createElement('div');
  document.body.append(root);
  let clock = 0;
  const onConfirm = vi.fn();
  void act(() => {
    render(h(ConfirmButton, { name: '重置进度', onConfirm, needed, now: () => clock, children: '重置进度' }), root);
  });
  const button = () => root.querySelector('button')!;
  const click = (at: number) => {
    clock = at;
    void act(() => button().click());
  };
  return { root, button, click, onConfirm };
}

describe('ConfirmButton', () => {
  it('arms on one press, announces it, and does not act', () => {
    const { root, button, click, onConfirm } = setup();
    click(0);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(button().textContent).toBe('confirmAgain');
    expect(button().getAttribute('aria-label')).toBe('confirmArmedLabel(重置进度)');
    expect(root.querySelector('[aria-live]')?.textContent).toBe('confirmArmedLabel(重置进度)');
    expect(button().dataset.confirm).toBe('wait');
  });

  it('ignores a second press within 500 ms and acts on one after', () => {
    const { click, onConfirm, button } = setup();
    click(0);
    click(300);
    expect(onConfirm).not.toHaveBeenCalled();
    click(800);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(button().getAttribute('aria-label')).toBe('重置进度');
  });

  it('acts on the first press when no confirmation is needed', () => {
    const { click, onConfirm } = setup(false);
    click(0);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
