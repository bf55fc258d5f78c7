import { describe, expect, it } from 'vitest';
import { MANAGED_LIMITS, NOT_MANAGED, PROBLEMS_SHOWN, validateManaged } from '../../../lib/managed/validate';

describe('validateManaged', () => {
  it('no policy is "not managed", without problems', () => {
    expect(validateManaged(undefined)).toEqual({ config: NOT_MANAGED, problems: [], moreProblems: 0 });
    expect(validateManaged({}).config.present).toBe(false);
  });

  it('keeps every valid value', () => {
    const { config, problems } = validateManaged({
      organisationName: ' 示例职业技术学院 ',
      supportUrl: 'https://it.example.com/help',
      portalOrigins: ['https://oa.example.com/path', 'http://10.1.2.3:8080', 'www.example.edu.cn'],
      glossary: [{ phrase: '三 全育人', gloss: '全员育人、全程育人、全方位育人' }],
      extraPhrases: ['双高计划'],
      defaultSettings: { highlightsOn: false, panelSide: 'left', textSize: 18 },
      lockedSettings: ['highlightsOn'],
      syncAllowed: false,
      usersMayAddPortals: false,
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      present: true,
      organisationName: '示例职业技术学院',
      supportUrl: 'https://it.example.com/help',
      // *.edu.cn is in the manifest already: no permission to ask for.
      portalOrigins: ['https://oa.example.com', 'http://10.1.2.3:8080'],
      glossary: [{ phrase: '三全育人', gloss: '全员育人、全程育人、全方位育人' }],
      extraPhrases: ['双高计划'],
      defaults: { highlightsOn: false, panelSide: 'left', textSize: 18 },
      locked: ['highlightsOn'],
      syncAllowed: false,
      usersMayAddPortals: false,
    });
  });

  it('drops wrong types key by key and keeps the rest', () => {
    const { config, problems } = validateManaged({
      organisationName: 42,
      syncAllowed: 'no',
      portalOrigins: 'https://oa.example.com',
      glossary: [{ phrase: 1, gloss: 'x' }, { phrase: '好', gloss: '' }, 'x', { phrase: '对', gloss: '对的' }],
      defaultSettings: { panelSide: 'top', textSize: 15, colour: 'red', panelOpen: false },
      lockedSettings: ['panelSide', 'panelOpen', 'nope'],
      surprise: true,
    });
    expect(config.organisationName).toBeNull();
    expect(config.syncAllowed).toBe(true);
    expect(config.portalOrigins).toEqual([]);
    expect(config.glossary).toEqual([{ phrase: '对', gloss: '对的' }]);
    expect(config.defaults).toEqual({ panelOpen: false });
    // panelSide has no valid value to hold, so it cannot be locked.
    expect(config.locked).toEqual(['panelOpen']);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'surprise', reason: 'unknown-key' },
        { path: 'organisationName', reason: 'wrong-type' },
        { path: 'syncAllowed', reason: 'wrong-type' },
        { path: 'portalOrigins', reason: 'wrong-type' },
        { path: 'glossary[0].phrase', reason: 'wrong-type' },
        { path: 'glossary[1].gloss', reason: 'wrong-type' },
        { path: 'glossary[2]', reason: 'wrong-type' },
        { path: 'defaultSettings.panelSide', reason: 'wrong-type' },
        { path: 'defaultSettings.textSize', reason: 'wrong-type' },
        { path: 'defaultSettings.colour', reason: 'not-a-setting' },
        { path: 'lockedSettings[0]', reason: 'not-a-setting' },
        { path: 'lockedSettings[2]', reason: 'not-a-setting' },
      ]),
    );
  });

  it('refuses patterns and anything broader than an origin', () => {
    const { config, problems } = validateManaged({
      portalOrigins: [
        '<all_urls>',
        '*://*/*',
        'https://*.example.com',
        'file:///home/x',
        'ftp://x.example.com',
        'https://ok.example.com',
        'https://ok.example.com/',
      ],
    });
    expect(config.portalOrigins).toEqual(['https://ok.example.com']);
    expect(problems).toEqual([
      { path: 'portalOrigins[0]', reason: 'broad-pattern' },
      { path: 'portalOrigins[1]', reason: 'broad-pattern' },
      { path: 'portalOrigins[2]', reason: 'broad-pattern' },
      { path: 'portalOrigins[3]', reason: 'bad-origin' },
      { path: 'portalOrigins[4]', reason: 'bad-origin' },
      { path: 'portalOrigins[6]', reason: 'duplicate' },
    ]);
  });

  it('refuses markup in glosses and names, and a support link that is not a web address', () => {
    const { config, problems } = validateManaged({
      organisationName: '<b>学院</b>',
      supportUrl: 'javascript:alert(1)',
      glossary: [
        { phrase: '甲', gloss: '<img src=x onerror=alert(1)>' },
        { phrase: '乙', gloss: 'a &amp; b' },
        { phrase: '丙', gloss: '\u202e反向' },
        { phrase: '丁', gloss: '1 < 2 和 3 > 2' },
      ],
    });
    expect(config.organisationName).toBeNull();
    expect(config.supportUrl).toBeNull();
    expect(config.glossary).toEqual([{ phrase: '丁', gloss: '1 < 2 和 3 > 2' }]);
    expect(problems).toEqual([
      { path: 'organisationName', reason: 'markup' },
      { path: 'supportUrl', reason: 'bad-url' },
      { path: 'glossary[0].gloss', reason: 'markup' },
      { path: 'glossary[1].gloss', reason: 'markup' },
      { path: 'glossary[2].gloss', reason: 'markup' },
    ]);
  });

  it('bounds 10 000 origins and 50 000 glossary entries, and the problems listed', () => {
    const origins = Array.from({ length: 10_000 }, (_, i) => `http://10.0.${Math.floor(i / 250)}.${i % 250}:8080`);
    const glossary = Array.from({ length: 50_000 }, (_, i) => ({
      phrase: `词${i}`,
      gloss: i % 2 ? `释义${i}` : `<i>${i}</i>`,
    }));
    const { config, problems, moreProblems } = validateManaged({ portalOrigins: origins, glossary });
    expect(config.portalOrigins).toHaveLength(MANAGED_LIMITS.origins);
    expect(config.glossary).toHaveLength(MANAGED_LIMITS.glossary / 2);
    expect(problems).toHaveLength(PROBLEMS_SHOWN);
    expect(problems.slice(0, 2)).toEqual([
      { path: 'portalOrigins', reason: 'too-many' },
      { path: 'glossary', reason: 'too-many' },
    ]);
    expect(problems.length + moreProblems).toBe(2 + MANAGED_LIMITS.glossary / 2);
  });

  it('never throws on odd input', () => {
    for (const input of [
      null,
      3,
      'x',
      [],
      { portalOrigins: [null, {}, []] },
      { defaultSettings: [] },
      { glossary: [{}] },
    ]) {
      expect(() => validateManaged(input)).not.toThrow();
    }
  });
});
