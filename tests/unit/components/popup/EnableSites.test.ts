// The popup's 在本单位门户上启用 / 在此网站启用: shown only when there is something to turn on, one
// permission request from the click, then every origin added and the registrations refreshed.
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import type { EnableApi } from '../../../../lib/managed/enable-portals';

vi.mock('../../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { EnableSites } = await import('../../../../components/popup/EnableSites');

function fakeApi(granted: boolean): EnableApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    request: (patterns) => (calls.push(`request ${patterns.join(' ')}`), Promise.resolve(granted)),
    addPortal: (origin) => (calls.push(`add ${origin}`), Promise.resolve()),
    refresh: () => (calls.push('refresh'), Promise.resolve()),
  };
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('EnableSites', () => {
  it('shows nothing when every portal is on and the tab is not a site to add', () => {
    const root = document.createElement('div');
    render(h(EnableSites, { pending: [], site: null, api: fakeApi(true) }), root);
    expect(root.innerHTML).toBe('');
  });

  it('turns every policy origin on with one request from the click', async () => {
    const root = document.createElement('div');
    const api = fakeApi(true);
    render(h(EnableSites, { pending: ['https://oa.jzvtc.com', 'http://10.2.3.4:8080'], site: null, api }), root);
    expect(buttons(root)).toEqual(['optManagedEnable']);
    root.querySelector('button')!.click();
    await settle();
    expect(api.calls).toEqual([
      'request https://oa.jzvtc.com/* http://10.2.3.4/*',
      'add https://oa.jzvtc.com',
      'add http://10.2.3.4:8080',
      'refresh',
    ]);
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe('optManagedEnabled(2)');
    expect(buttons(root)).toEqual([]);
  });

  it('turns the active tab’s site on, and says so when the browser refuses', async () => {
    const root = document.createElement('div');
    const refused = fakeApi(false);
    render(h(EnableSites, { pending: [], site: 'http://10.2.3.4:8080', api: refused }), root);
    expect(buttons(root)).toEqual(['popupEnableSite']);
    expect(root.querySelector('.site-origin')?.textContent).toBe('http://10.2.3.4:8080');
    root.querySelector('button')!.click();
    await settle();
    await settle();
    expect(refused.calls).toEqual(['request http://10.2.3.4/*']);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('optManagedDenied');
    expect(buttons(root)).toEqual(['popupEnableSite']);

    const api = fakeApi(true);
    render(h(EnableSites, { pending: [], site: 'http://10.2.3.4:8080', api }), root);
    root.querySelector('button')!.click();
    await settle();
    await settle();
    expect(api.calls).toEqual(['request http://10.2.3.4/*', 'add http://10.2.3.4:8080', 'refresh']);
    expect(root.querySelector('[role=status]')?.textContent).toBe('popupSiteEnabled(http://10.2.3.4:8080)');
  });
});
