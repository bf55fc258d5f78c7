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
