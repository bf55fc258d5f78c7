// The context-menu item: made once per start on document links only, and a click opens the viewer on the link.
import { describe, expect, it, vi } from 'vitest';
import {
  ATTACHMENT_LINK_PATTERNS,
  ATTACHMENT_MENU_ID,
  installAttachmentMenu,
  type MenusApi,
} from '../../../lib/background/attachment-menu';

/** A match pattern as Chrome reads it, for URLs (scheme *, host *, path with * wildcards, query included). */
function matches(pattern: string, url: string): boolean {
  const [, path] = /^\*:\/\/\*(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const re = new RegExp(
    '^' +
      path!
        .split('*')
        .map((p) => p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return /^https?:$/.test(u.protocol) && re.test(u.pathname + u.search);
}

function fakeMenus() {
  let listener:
    ((info: { menuItemId: string | number; linkUrl?: string }, tab?: { id?: number; index?: number }) => void) | null =
    null;
  const api: MenusApi = {
    removeAll: vi.fn(async () => {}),
    create: vi.fn(),
    onClicked: { addListener: (l) => (listener = l) },
  };
  return {
    api,
    click: (info: { menuItemId: string; linkUrl?: string }, tab?: { id?: number }) => listener!(info, tab),
  };
}

describe('attachment menu', () => {
  it('targets document links and VSB attachment downloads, not pages or spreadsheets', () => {
    const hit = (url: string) => ATTACHMENT_LINK_PATTERNS.some((p) => matches(p, url));
    expect(hit('https://a.edu.cn/_upload/article/files/7e/c3/x.docx')).toBe(true);
    expect(hit('http://a.edu.cn/files/工作要点.pdf?v=2')).toBe(true);
    expect(hit('http://a.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2')).toBe(
      true,
    );
    expect(hit('http://a.edu.cn/f/a.wps')).toBe(true);
    expect(hit('http://a.edu.cn/info/1021/8890.htm')).toBe(false);
    expect(hit('http://a.edu.cn/f/名单.xls')).toBe(false);
    expect(hit('http://a.edu.cn/system/_content/download.jsp?urltype=news.DownloadImage&id=3')).toBe(false);
  });

  it('makes the item afresh on links and opens the clicked link in the viewer', async () => {
    const { api, click } = fakeMenus();
    const open = vi.fn(async () => true);
    expect(installAttachmentMenu({ contextMenus: api }, '在导读中打开', open)).toBe(true);
    await vi.waitFor(() => expect(api.create).toHaveBeenCalledTimes(1));
    expect(api.removeAll).toHaveBeenCalled();
    expect(api.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: ATTACHMENT_MENU_ID,
        title: '在导读中打开',
        contexts: ['link'],
        targetUrlPatterns: ATTACHMENT_LINK_PATTERNS,
      }),
    );
    click({ menuItemId: ATTACHMENT_MENU_ID, linkUrl: 'https://a.edu.cn/f/a.pdf' }, { id: 4 });
    click({ menuItemId: 'someone-else', linkUrl: 'https://a.edu.cn/f/b.pdf' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://a.edu.cn/f/a.pdf', { id: 4 });
  });

  it('uses Firefox menus when there is no contextMenus, and does nothing without either', () => {
    const { api } = fakeMenus();
    expect(installAttachmentMenu({ menus: api }, 'x', vi.fn())).toBe(true);
    expect(installAttachmentMenu({}, 'x', vi.fn())).toBe(false);
  });
});
