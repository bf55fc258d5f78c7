// pure(): a panel part re-renders only when its own props changed.
import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { pure, shallowEqual } from '../../../lib/ui/pure';

describe('shallowEqual', () => {
  it('compares own keys by identity', () => {
    const list = [1, 2];
    expect(shallowEqual({ a: 1, list }, { a: 1, list })).toBe(true);
    expect(shallowEqual({ a: 1, list }, { a: 1, list: [1, 2] })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ n: NaN }, { n: NaN })).toBe(true);
  });
});

describe('pure', () => {
  it('skips renders with the same props and renders on a changed prop', () => {
    let renders = 0;
    const Label = pure(function Label({ text, items }: { text: string; items: readonly string[] }) {
      renders++;
      return h('span', null, `${text}:${items.length}`);
    });
    const root = document.createElement('div');
    const items = ['a'];
    render(h(Label, { text: '甲', items }), root);
    render(h(Label, { text: '甲', items }), root);
    expect(renders).toBe(1);
    render(h(Label, { text: '乙', items }), root);
    expect(renders).toBe(2);
    render(h(Label, { text: '乙', items: ['a', 'b'] }), root);
    expect(renders).toBe(3);
    expect(root.textContent).toBe('乙:2');
  });
});
