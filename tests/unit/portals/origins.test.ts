// Portal input → origin + match pattern; script ids; selector validation.
import { describe, expect, it } from 'vitest';
import {
  isPortalScriptId,
  parsePortalInput,
  patternForOrigin,
  scriptIdFor,
  validateSelector,
} from '../../../lib/portals/origins';

describe('parsePortalInput', () => {
  it.each([
    ['oa.example.com', 'https://oa.example.com', 'https://oa.example.com/*'],
    ['  oa.example.com  ', 'https://oa.example.com', 'https://oa.example.com/*'],
    ['https://oa.example.com/path/to?x=1#h', 'https://oa.example.com', 'https://oa.example.com/*'],
    ['HTTP://OA.Example.COM', 'http://oa.example.com', 'http://oa.example.com/*'],
    ['http://127.0.0.2:4179', 'http://127.0.0.2:4179', 'http://127.0.0.2/*'],
    ['oa.example.com:8443/x', 'https://oa.example.com:8443', 'https://oa.example.com/*'],
    ['https://oa.example.com:443/', 'https://oa.example.com', 'https://oa.example.com/*'],
    ['localhost:8080', 'https://localhost:8080', 'https://localhost/*'],
    ['https://127.0.0.1', 'https://127.0.0.1', 'https://127.0.0.1/*'],
    ['http://[::1]:3000', 'http://[::1]:3000', 'http://[::1]/*'],
    ['https://例子.中国', 'https://xn--fsqu00a.xn--fiqs8s', 'https://xn--fsqu00a.xn--fiqs8s/*'],
  ])('%s → %s', (input, origin, pattern) => {
    expect(parsePortalInput(input)).toEqual({ ok: true, origin, pattern });
  });

  it.each([
    '',
    '   ',
    'not a host',
    'http://',
    'https://exa mple.com',
    'example',
    'https://user:pw@oa.example.com',
    'https://-bad-.com',
    'http://a..b',
  ])('refuses %j as invalid', (input) => {
    expect(parsePortalInput(input)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    'ftp://files.example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'chrome://extensions',
    'ws://oa.example.com',
  ])('refuses %j as an unsupported scheme', (input) => {
    expect(parsePortalInput(input)).toEqual({ ok: false, reason: 'unsupported-scheme' });
  });

  it.each([
    'www.pku.edu.cn',
    'https://oa.tsinghua.edu.cn/x',
    'http://edu.cn',
    'http://127.0.0.1:4179',
    'http://localhost:3000',
    'localhost.edu.cn',
  ])('%s is already covered by the static matches', (input) => {
    expect(parsePortalInput(input)).toEqual({ ok: false, reason: 'already-covered' });
  });

  it('does not treat look-alike hosts as covered', () => {
    expect(parsePortalInput('https://edu.cn.example.com')).toMatchObject({ ok: true });
    expect(parsePortalInput('https://notedu.cn')).toMatchObject({ ok: true });
    expect(parsePortalInput('http://127.0.0.10')).toMatchObject({ ok: true, pattern: 'http://127.0.0.10/*' });
  });
});

describe('patterns and script ids', () => {
  it('drops the port from patterns', () => {
    expect(patternForOrigin('http://127.0.0.2:4179')).toBe('http://127.0.0.2/*');
    expect(patternForOrigin('ftp://x.example.com')).toBeNull();
    expect(patternForOrigin('nonsense')).toBeNull();
  });

  it('gives origins that share a pattern the same id', () => {
    expect(scriptIdFor('http://127.0.0.2:4179')).toBe('portal:http://127.0.0.2');
    expect(scriptIdFor('http://127.0.0.2:8080')).toBe(scriptIdFor('http://127.0.0.2:4179'));
    expect(scriptIdFor('https://127.0.0.2')).not.toBe(scriptIdFor('http://127.0.0.2'));
    expect(isPortalScriptId(scriptIdFor('https://oa.example.com'))).toBe(true);
    expect(isPortalScriptId('other')).toBe(false);
  });
});

describe('validateSelector', () => {
  it.each(['#vsb_content', '.article > .body', 'div[id="x"]', 'main article:first-of-type', '', '   '])(
    'accepts %j',
    (s) => {
      expect(validateSelector(s)).toBe(true);
    },
  );

  it.each(['div[', '##x', '.', 'a > > b', ':not(', '}'])('refuses %j', (s) => {
    expect(validateSelector(s)).toBe(false);
  });
});
