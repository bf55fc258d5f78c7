// Document identity: URL noise removed, fingerprints stable across spacing and mirrors.
import { describe, expect, it } from 'vitest';
import { documentId, fingerprint, normalizeUrl } from '../../../lib/storage/identity';

describe('normalizeUrl', () => {
  it('drops tracking parameters, fragment, default port and trailing slash; sorts the rest', () => {
    expect(
      normalizeUrl(
        'HTTPS://News.Example.edu.cn:443/info/1021/5531.htm/?utm_source=wx&b=2&spm=a.b&a=1&from=timeline&fbclid=x&gclid=y#p3',
      ),
    ).toBe('https://news.example.edu.cn/info/1021/5531.htm?a=1&b=2');
    expect(normalizeUrl('http://example.cn:80/a/')).toBe('http://example.cn/a');
    expect(normalizeUrl('http://example.cn:8080/a')).toBe('http://example.cn:8080/a');
    expect(normalizeUrl('https://example.cn/?utm_medium=x')).toBe('https://example.cn/');
  });

  it('maps the same page under different noise to one URL', () => {
    const variants = [
      'https://x.edu.cn/content.jsp?wbnewsid=77&urltype=news.NewsContentUrl',
      'https://x.edu.cn/content.jsp?urltype=news.NewsContentUrl&wbnewsid=77&utm_campaign=a',
      'https://x.edu.cn/content.jsp?urltype=news.NewsContentUrl&wbnewsid=77#top',
    ];
    expect(new Set(variants.map(normalizeUrl)).size).toBe(1);
  });

  it('keeps strings that are not URLs', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
    expect(normalizeUrl('file:///tmp/a.html#x')).toBe('file:///tmp/a.html');
  });
});

describe('fingerprint and documentId', () => {
  const meta = {
    title: '致学院全体师生党员的疫情防控倡议书',
    issuer: '中共西安海棠职业学院委员会',
    date: '2022年10月6日',
  };

  it('ignores whitespace and full-width forms', () => {
    const spaced = {
      title: '致学院全体师生党员的 疫情防控\u3000倡议书',
      issuer: ' 中共西安海棠职业学院委员会',
      date: '２０２２年１０月６日',
    };
    expect(fingerprint(spaced)).toBe(fingerprint(meta));
    expect(fingerprint(meta)).toMatch(/^fp:[0-9a-f]{16}$/);
  });

  it('differs when the issuer or date differs, and is null without a title', () => {
    expect(fingerprint({ ...meta, issuer: '另一学院' })).not.toBe(fingerprint(meta));
    expect(fingerprint({ ...meta, date: '2022年10月7日' })).not.toBe(fingerprint(meta));
    expect(fingerprint({ ...meta, title: '  ' })).toBeNull();
  });

  it('gives a print view and a mirror the same id; falls back to the URL without a title', () => {
    expect(documentId(meta, 'https://a.edu.cn/info/1.htm')).toBe(documentId(meta, 'https://mirror.cn/print?id=1'));
    expect(documentId({ title: null, issuer: null, date: null }, 'https://a.edu.cn/x/?utm_source=1')).toBe(
      'url:https://a.edu.cn/x',
    );
  });
});
