// Panel nonces: per tab, short-lived, never shared across tabs.
import { describe, expect, it } from 'vitest';
import { createPanelNonces } from '../../../lib/background/panel-nonces';

describe('panel nonces', () => {
  it('keeps each tab’s nonces apart and drops them after a while', () => {
    const nonces = createPanelNonces();
    nonces.add(1, 'a', 1000);
    nonces.add(2, 'b', 1000);
    nonces.add(1, 'c', 2000);
    expect(nonces.of(1, 2500)).toEqual(['a', 'c']);
    expect(nonces.of(2, 2500)).toEqual(['b']);
    expect(nonces.of(3, 2500)).toEqual([]);
    expect(nonces.of(1, 31_500)).toEqual(['c']);
    expect(nonces.of(1, 60_000)).toEqual([]);
  });
});
