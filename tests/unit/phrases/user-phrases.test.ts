import { describe, expect, it } from 'vitest';
import { addUserPhrase, normalizeUserPhrase, removeUserPhrase } from '../../../lib/phrases/user-phrases';

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
