// Keyboard commands forwarded to the tab they were pressed in.
import { describe, expect, it, vi } from 'vitest';
import { forwardCommand } from '../../../lib/background/commands';

describe('commands', () => {
  it('forwards known commands to the given or active tab', async () => {
    const api = { activeTabId: vi.fn(async () => 3), sendToTab: vi.fn(async () => undefined) };
    expect(await forwardCommand('next-part', 9, api)).toBe(true);
    expect(api.sendToTab).toHaveBeenLastCalledWith(9, { type: 'gongwen:command', command: 'next-part' });
    expect(await forwardCommand('toggle-panel', undefined, api)).toBe(true);
    expect(api.sendToTab).toHaveBeenLastCalledWith(3, { type: 'gongwen:command', command: 'toggle-panel' });
    expect(await forwardCommand('_execute_action', 9, api)).toBe(false);
  });

  it('is quiet when no reader listens', async () => {
    const api = {
      activeTabId: async () => 3,
      sendToTab: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist'))),
    };
    expect(await forwardCommand('toggle-highlights', 3, api)).toBe(false);
  });
});
