import { describe, expect, it } from 'vitest';
import { enablePortals, originsToEnable, patternsFor, siteToEnable } from '../../../lib/managed/enable-portals';

describe('enablePortals', () => {
  it('asks once for every origin, then adds each and refreshes', async () => {
    const calls: string[] = [];
    const result = await enablePortals(['https://oa.example.com', 'http://10.1.2.3:8080', 'http://10.1.2.3:9090'], {
      request: (patterns) => (calls.push(`request ${patterns.join(' ')}`), Promise.resolve(true)),
      addPortal: (origin) => (calls.push(`add ${origin}`), Promise.resolve()),
      refresh: () => (calls.push('refresh'), Promise.resolve()),
    });
    expect(result).toEqual({
      ok: true,
      origins: ['https://oa.example.com', 'http://10.1.2.3:8080', 'http://10.1.2.3:9090'],
    });
    expect(calls).toEqual([
      'request https://oa.example.com/* http://10.1.2.3/*',
      'add https://oa.example.com',
      'add http://10.1.2.3:8080',
      'add http://10.1.2.3:9090',
      'refresh',
    ]);
  });

  it('adds nothing when the reader declines', async () => {
    const added: string[] = [];
    const result = await enablePortals(['https://oa.example.com'], {
      request: () => Promise.resolve(false),
      addPortal: (origin) => (added.push(origin), Promise.resolve()),
      refresh: () => Promise.resolve(),
    });
    expect(result).toEqual({ ok: false });
    expect(added).toEqual([]);
  });

  it('patterns: IP hosts without *., each scheme on its own, no port', () => {
    expect(patternsFor(['http://10.0.0.5:8080', 'https://10.0.0.5', 'http://oa.example.com'])).toEqual([
      'http://10.0.0.5/*',
      'https://10.0.0.5/*',
      'http://oa.example.com/*',
    ]);
  });

  it('offers only what is not on yet', () => {
    expect(
      originsToEnable(
        ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'],
        ['https://a.example.com', 'https://b.example.com'],
        ['https://b.example.com'],
      ),
    ).toEqual(['https://b.example.com', 'https://c.example.com']);
  });
});

describe('siteToEnable', () => {
  it('offers the active tab’s origin on a site that is not a portal yet', () => {
    expect(siteToEnable('http://10.2.3.4:8080/oa/doc?id=1', [], [], true)).toBe('http://10.2.3.4:8080');
    expect(siteToEnable('https://oa.jzvtc.com/x', ['https://oa.jzvtc.com'], ['https://oa.jzvtc.com'], true)).toBe(
      'https://oa.jzvtc.com',
    );
  });

  it('offers nothing where the reader already runs, on other schemes, or when policy forbids adding', () => {
    expect(siteToEnable('https://oa.jzvtc.com/x', ['https://oa.jzvtc.com'], [], true)).toBeNull();
    expect(siteToEnable('https://www.example.edu.cn/info/1.htm', [], [], true)).toBeNull();
    expect(siteToEnable('chrome://extensions/', [], [], true)).toBeNull();
    expect(siteToEnable('file:///home/u/a.html', [], [], true)).toBeNull();
    expect(siteToEnable(undefined, [], [], true)).toBeNull();
    expect(siteToEnable('http://10.2.3.4:8080/oa/', [], [], false)).toBeNull();
  });
});
