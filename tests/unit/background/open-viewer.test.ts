// Opening the viewer: http(s) files only, in a new tab beside the asking tab, at the contract's address.
import { describe, expect, it, vi } from 'vitest';
import { openViewer, viewerSource } from '../../../lib/background/open-viewer';
import { viewerUrl } from '../../../lib/attachments/viewer-url';

describe('openViewer', () => {
  it('opens the viewer on the file beside the asking tab', async () => {
    const create = vi.fn(async () => ({}));
    const src = 'https://www.example.edu.cn/_upload/a.pdf';
    expect(await openViewer({ create }, src, { id: 7, index: 2 })).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: viewerUrl(src), active: true, openerTabId: 7, index: 3 });
  });

  it('opens it without an opener from the browser side panel', async () => {
    const create = vi.fn(async () => ({}));
    await openViewer({ create }, 'http://a.edu.cn/f.docx');
    expect(create).toHaveBeenCalledWith({ url: viewerUrl('http://a.edu.cn/f.docx'), active: true });
  });

  it('refuses anything but an absolute http(s) address', async () => {
    const create = vi.fn(async () => ({}));
    for (const src of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      '/relative.pdf',
      'data:application/pdf,x',
      'chrome://settings',
    ]) {
      expect(await openViewer({ create }, src), src).toBe(false);
      expect(viewerSource(src)).toBeNull();
    }
    expect(create).not.toHaveBeenCalled();
  });
});
