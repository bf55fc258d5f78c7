// The background injects the reader bundle only where the reader is not switched off.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createReaderGate, type ReaderGate } from '../../../lib/background/reader-allowed';
import { setSiteSettings } from '../../../lib/storage/settings';
import { installWriter } from '../../../lib/storage/writer';

describe('the reader gate', () => {
  let readerAllowed: ReaderGate;
  beforeEach(() => {
    fakeBrowser.reset();
    installWriter();
    readerAllowed = createReaderGate();
  });

  it('allows sites with default settings, a chosen container, or no readable URL', async () => {
    expect(await readerAllowed('https://news.example.edu.cn/info/1011/2345.htm')).toBe(true);
    await setSiteSettings('https://oa.example.edu.cn', { selector: '#vsb_content' });
    expect(await readerAllowed('https://oa.example.edu.cn/a.htm')).toBe(true);
    expect(await readerAllowed(undefined)).toBe(true);
    expect(await readerAllowed('not a url')).toBe(true);
  });

  it('refuses every page of a site where the reader is off, and only that site', async () => {
    await setSiteSettings('https://news.example.edu.cn', { disabled: true });
    expect(await readerAllowed('https://news.example.edu.cn/info/1011/2345.htm')).toBe(false);
    expect(await readerAllowed('https://news.example.edu.cn/')).toBe(false);
    expect(await readerAllowed('http://news.example.edu.cn/info/1011/2345.htm')).toBe(true);
  });

  it('follows the site settings as they change, without reading storage for every page', async () => {
    expect(await readerAllowed('https://news.example.edu.cn/a.htm')).toBe(true);
    await setSiteSettings('https://news.example.edu.cn', { disabled: true });
    await vi.waitFor(async () => expect(await readerAllowed('https://news.example.edu.cn/a.htm')).toBe(false));
    await setSiteSettings('https://news.example.edu.cn', { disabled: false });
    await vi.waitFor(async () => expect(await readerAllowed('https://news.example.edu.cn/a.htm')).toBe(true));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await readerAllowed('https://news.example.edu.cn/b.htm');
    await readerAllowed('https://oa.example.edu.cn/c.htm');
    expect(get).not.toHaveBeenCalled();
  });
});
