import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../../lib/managed/apply-policy';
import { validateManaged } from '../../../lib/managed/validate';
import { DEFAULT_SETTINGS } from '../../../lib/storage/schema';

const policy = validateManaged({
  defaultSettings: { highlightsOn: false, panelSide: 'left' },
  lockedSettings: ['highlightsOn'],
}).config;

describe('applyPolicy', () => {
  it("IT's defaults stand in only while the reader never saved settings", () => {
    expect(applyPolicy(DEFAULT_SETTINGS, policy, true)).toMatchObject({ highlightsOn: false, panelSide: 'left' });
    const saved = { ...DEFAULT_SETTINGS, panelSide: 'right' as const };
    expect(applyPolicy(saved, policy, false).panelSide).toBe('right');
  });

  it('locked settings take the policy value whatever is stored, except for the writer', () => {
    const saved = { ...DEFAULT_SETTINGS, highlightsOn: true };
    expect(applyPolicy(saved, policy, false).highlightsOn).toBe(false);
    expect(applyPolicy(saved, policy, false, false).highlightsOn).toBe(true);
  });

  it('no policy changes nothing', () => {
    expect(applyPolicy(DEFAULT_SETTINGS, validateManaged(undefined).config, true)).toBe(DEFAULT_SETTINGS);
  });
});
