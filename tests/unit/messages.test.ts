// The guards of the tab and background protocols: well-formed messages only.
import { describe, expect, it } from 'vitest';
import { isBackgroundMessage, isReaderMessage } from '../../lib/messages';

describe('message guards', () => {
  it('accept the new message types only when well formed', () => {
    expect(isReaderMessage({ type: 'gongwen:command', command: 'previous-part' })).toBe(true);
    expect(isReaderMessage({ type: 'gongwen:command', command: 'explode' })).toBe(false);
    expect(isReaderMessage({ type: 'gongwen:status' })).toBe(true);
    expect(isBackgroundMessage({ type: 'gongwen:progress', percent: 12 })).toBe(true);
    expect(isBackgroundMessage({ type: 'gongwen:progress', percent: null })).toBe(true);
    expect(isBackgroundMessage({ type: 'gongwen:progress', percent: '12' })).toBe(false);
    expect(isBackgroundMessage({ type: 'gongwen:refresh-portals' })).toBe(true);
    expect(isBackgroundMessage(null)).toBe(false);
  });
});
