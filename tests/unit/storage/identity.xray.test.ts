// Regression: in a Firefox content script `URL` is the page's, seen through an Xray wrapper, and the
// iterators its searchParams hand back cannot be iterated from the sandbox. normalizeUrl must read
// the query through forEach, the one way that works there (tests/e2e-firefox shows it in Firefox).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeUrl } from '../../../lib/storage/identity';

/** A URL whose searchParams behave as through Firefox's Xray: entries()/keys()/values()/[Symbol.iterator] yield nothing iterable. */
class XrayLikeURL extends URL {
  override get searchParams(): URLSearchParams {
    const real = super.searchParams;
    const notIterable = () => ({}) as never;
    return Object.assign(Object.create(URLSearchParams.prototype) as URLSearchParams, {
      forEach: real.forEach.bind(real),
      entries: notIterable,
      keys: notIterable,
      values: notIterable,
      [Symbol.iterator]: notIterable,
      toString: real.toString.bind(real),
    });
  }
}

describe('normalizeUrl with wrapped URL objects (Firefox content scripts)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads, filters and sorts the query without iterating an iterator from the URL object', () => {
    vi.stubGlobal('URL', XrayLikeURL);
    expect(normalizeUrl('https://www.example.edu.cn/info/1021/5531.htm?utm_source=wx&b=2&spm=a.b&a=1#p3')).toBe(
      'https://www.example.edu.cn/info/1021/5531.htm?a=1&b=2',
    );
    expect(normalizeUrl('https://www.example.edu.cn/a?x=1&x=0')).toBe('https://www.example.edu.cn/a?x=0&x=1');
  });
});
