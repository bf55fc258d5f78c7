// The popup's PDF offer: http(s) addresses whose path names a PDF, nothing else.
import { describe, expect, it } from 'vitest';
import { pdfTabSource } from '../../../lib/tabs/pdf-tab';

describe('pdfTabSource', () => {
  it('takes a PDF address, query and all', () => {
    expect(pdfTabSource('https://jwc.example.edu.cn/_upload/a/工作要点.PDF?v=2')).toBe(
      'https://jwc.example.edu.cn/_upload/a/%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9.PDF?v=2',
    );
  });

  it('leaves pages, other files and non-web addresses', () => {
    for (const url of [
      undefined,
      '',
      'https://a.edu.cn/info/1.htm',
      'https://a.edu.cn/f/a.docx',
      'https://a.edu.cn/view?file=a.pdf',
      'file:///tmp/a.pdf',
      'about:blank',
    ]) {
      expect(pdfTabSource(url), String(url)).toBeNull();
    }
  });
});
