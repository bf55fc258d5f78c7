// The viewer's address: the extension's viewer.html with the file's absolute URL, encoded, in `src`.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { viewerUrl } from '../../../lib/attachments/viewer-url';

describe('viewerUrl', () => {
  it('puts the encoded absolute URL in src of the extension page', () => {
    const src =
      'https://www.example.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2';
    const url = viewerUrl(src);
    expect(url).toBe(
      (browser.runtime.getURL as (path: string) => string)('/viewer.html') + '?src=' + encodeURIComponent(src),
    );
    expect(new URL(url).searchParams.get('src')).toBe(src);
    expect(url).not.toContain('&owner');
  });

  it('keeps non-ASCII file names round-trip', () => {
    const src = 'http://jwc.example.edu.cn/_upload/files/工作要点 2024.pdf#page=2';
    expect(new URL(viewerUrl(src)).searchParams.get('src')).toBe(src);
  });
});
