// The popup opens stored links (which may come from an import) only when they are web pages.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDocument, openSection } from '../../../lib/tabs/open-document';
import { installWriter } from '../../../lib/storage/writer';

beforeEach(() => {
  fakeBrowser.reset();
  installWriter();
});

const click = () => new MouseEvent('click', { cancelable: true });

it('opens http(s) links and refuses data:, file:, chrome:, view-source: and javascript:', async () => {
  const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
  for (const url of [
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'chrome://settings',
    'view-source:https://a.cn/',
    'javascript:alert(1)',
  ]) {
    openDocument(click(), url);
    await openSection(url, 'fp:0011223344556677', { sectionId: 'p1', heading: '一' });
  }
  expect(create).not.toHaveBeenCalled();
  openDocument(click(), 'https://a.edu.cn/info/1.htm');
  await openSection('http://a.edu.cn/info/2.htm', 'fp:0011223344556677', { sectionId: 'p1', heading: '一' });
  expect(create.mock.calls.map(([props]) => props?.url?.split('#')[0])).toEqual([
    'https://a.edu.cn/info/1.htm',
    'http://a.edu.cn/info/2.htm',
  ]);
});

it('opens a stored attachment (a record the viewer made, keyed by the file URL) in the viewer', async () => {
  const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
  const viewer = (src: string) => `${fakeBrowser.runtime.getURL('/viewer.html')}?src=${encodeURIComponent(src)}`;
  const pdf = 'https://a.edu.cn/_upload/article/files/ab/cd/工作要点.pdf';
  const vsb = 'https://b.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2';
  openDocument(click(), pdf);
  openDocument(click(), 'https://a.edu.cn/files/实施办法.DOCX?v=2');
  openDocument(click(), vsb);
  await openSection('https://a.edu.cn/files/倡议书.doc', 'fp:0011223344556677', { sectionId: 'p2', heading: '二、' });
  // Spreadsheets and web pages stay as they are.
  openDocument(click(), 'https://a.edu.cn/files/名单.xlsx');
  openDocument(click(), 'https://a.edu.cn/info/1.htm');
  expect(create.mock.calls.map(([props]) => props?.url)).toEqual([
    viewer(pdf),
    viewer('https://a.edu.cn/files/实施办法.DOCX?v=2'),
    viewer(vsb),
    viewer('https://a.edu.cn/files/倡议书.doc'),
    'https://a.edu.cn/files/名单.xlsx',
    'https://a.edu.cn/info/1.htm',
  ]);
});
