import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../lib/ui/create-store';

describe('createStore', () => {
  it('notifies on real changes only', () => {
    const store = createStore({ a: 1, b: 'x' });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set({ a: 1 });
    expect(listener).not.toHaveBeenCalled();
    store.set({ a: 2 });
    expect(listener).toHaveBeenCalledWith({ a: 2, b: 'x' });
    unsubscribe();
    store.set({ b: 'y' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toEqual({ a: 2, b: 'y' });
  });
});
