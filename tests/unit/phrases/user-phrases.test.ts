import { describe, expect, it } from 'vitest';
import {
  addUserPhrase,
  normalizeUserPhrase,
  removeUserPhrase,
  userPhraseLimit,
} from '../../../lib/phrases/user-phrases';
import { parseSettings } from '../../../lib/storage/schema';

describe('normalizeUserPhrase', () => {
  it('trims, strips quote marks and inner whitespace', () => {
    expect(normalizeUserPhrase('  “安全网” ')).toEqual({ ok: true, phrase: '安全网' });
    expect(normalizeUserPhrase('「疫情 防控」')).toEqual({ ok: true, phrase: '疫情防控' });
    expect(normalizeUserPhrase('"早快准\n严细实"')).toEqual({ ok: true, phrase: '早快准严细实' });
    expect(normalizeUserPhrase('“半个引号')).toEqual({ ok: true, phrase: '半个引号' });
    expect(normalizeUserPhrase('疫')).toEqual({ ok: true, phrase: '疫' });
  });

  it('rejects empty, too long and duplicate phrases', () => {
    expect(normalizeUserPhrase('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeUserPhrase('“”')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeUserPhrase('字'.repeat(30)).ok).toBe(true);
    expect(normalizeUserPhrase('字'.repeat(31))).toEqual({ ok: false, reason: 'too-long' });
    expect(normalizeUserPhrase('“安全网”', ['安全网'])).toEqual({ ok: false, reason: 'duplicate' });
  });
});

describe('add / remove', () => {
  it('returns new arrays and leaves the input alone', () => {
    const list: readonly string[] = Object.freeze(['安全网']);
    const added = addUserPhrase(list, ' “五双” ');
    expect(added).toEqual(['安全网', '五双']);
    expect(list).toEqual(['安全网']);
    const same = addUserPhrase(added, '五双');
    expect(same).toEqual(added);
    expect(same).not.toBe(added);
    expect(addUserPhrase(added, '')).toEqual(added);
    const removed = removeUserPhrase(added, '“安全网”');
    expect(removed).toEqual(['五双']);
    expect(added).toEqual(['安全网', '五双']);
  });
});

describe('the cap on reader phrases', () => {
  const full = Array.from({ length: userPhraseLimit }, (_, i) => `词语${i}`);

  it('refuses a new phrase once the list holds userPhraseLimit, and accepts it one below', () => {
    expect(userPhraseLimit).toBe(200);
    expect(normalizeUserPhrase('新词', full)).toEqual({ ok: false, reason: 'limit' });
    expect(normalizeUserPhrase('新词', full.slice(1))).toEqual({ ok: true, phrase: '新词' });
    expect(addUserPhrase(full, '新词')).toEqual(full);
  });

  it('still says which problem comes first: empty, too long or duplicate before the limit', () => {
    expect(normalizeUserPhrase('  ', full)).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeUserPhrase('词语7', full)).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('stored or imported settings are cut to the same cap', () => {
    const settings = parseSettings({ userPhrases: Array.from({ length: 500 }, (_, i) => `导入${i}`) });
    expect(settings.userPhrases).toHaveLength(userPhraseLimit);
    expect(settings.userPhrases[0]).toBe('导入0');
  });
});
