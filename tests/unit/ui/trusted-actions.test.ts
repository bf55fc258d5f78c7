import { describe, expect, it, vi } from 'vitest';
import { createDispatchWatch, trustedOnly } from '../../../lib/ui/trusted-actions';

/** What the browser makes of real input: the same event, with isTrusted set (scripts cannot do this in a browser). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function setUp() {
  const root = document.createElement('div');
  const button = document.createElement('button');
  root.append(button);
  document.body.append(root);
  const watch = createDispatchWatch();
  const stop = watch.watch(root);
  const save = vi.fn((value: string) => `saved ${value}`);
  const refused = vi.fn();
  const actions = trustedOnly({ save }, watch.inTrustedEvent, refused);
  return { root, button, watch, stop, save, refused, actions };
}

describe('trustedOnly with createDispatchWatch', () => {
  it('runs an action from a trusted click inside the panel, with its arguments and result', () => {
    const { button, actions, save, refused } = setUp();
    let result: unknown;
    button.addEventListener('click', () => (result = actions.save('note')));
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(save).toHaveBeenCalledWith('note');
    expect(result).toBe('saved note');
    expect(refused).not.toHaveBeenCalled();
  });

  it('refuses the same action from a script-dispatched click (event.isTrusted false)', () => {
    const { button, actions, save, refused } = setUp();
    button.addEventListener('click', () => actions.save('forged'));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button.click();
    expect(save).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(2);
    expect(refused).toHaveBeenCalledWith('save');
  });

  it('refuses a call made outside any event, and after the trusted event has been dispatched', () => {
    const { button, actions, save } = setUp();
    actions.save('direct');
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    actions.save('later');
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses a forged event dispatched from inside a trusted one, and still allows the trusted one after it', () => {
    const { root, button, actions, save } = setUp();
    const inner = document.createElement('input');
    root.append(inner);
    inner.addEventListener('change', () => actions.save('inner'));
    button.addEventListener('click', () => {
      inner.dispatchEvent(new Event('change', { bubbles: true }));
      actions.save('outer');
    });
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(save.mock.calls).toEqual([['outer']]);
  });

  it('ignores trusted events outside the watched panel, and after the watch is stopped', () => {
    const { button, actions, save, stop } = setUp();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.addEventListener('click', () => actions.save('outside'));
    outside.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    stop();
    button.addEventListener('click', () => actions.save('unwatched'));
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(save).not.toHaveBeenCalled();
  });

  it('checks an event passed along as the first argument too', () => {
    const save = vi.fn();
    const actions = trustedOnly({ save: (_event: Event) => save() }, () => true);
    actions.save(new Event('change'));
    expect(save).not.toHaveBeenCalled();
    actions.save(trusted(new Event('change')));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('guards every action and cannot be changed afterwards', () => {
    const actions = trustedOnly({ a: vi.fn(), b: vi.fn() }, () => false);
    expect(Object.keys(actions)).toEqual(['a', 'b']);
    expect(Object.isFrozen(actions)).toBe(true);
  });
});
