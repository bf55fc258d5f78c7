// Portal registrations: one content script per granted portal pattern, and which portals a removed permission takes.
import { describe, expect, it, vi } from 'vitest';
import {
  desiredScripts,
  portalsLosing,
  refreshRegistrations,
  type RegistrationApi,
} from '../../../lib/background/registrations';

function fakeApi(granted: string[], existing: { id: string; matches?: string[]; css?: string[] }[] = []) {
  let scripts = [...existing];
  const api: RegistrationApi & { scripts: () => typeof scripts } = {
    getRegistered: vi.fn(async () => scripts),
    register: vi.fn(async (list) => {
      for (const s of list) {
        if (scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.push({ id: s.id, matches: [...s.matches], css: [...s.css] });
      }
    }),
    unregister: vi.fn(async (ids) => {
      scripts = scripts.filter((s) => !ids.includes(s.id));
    }),
    hasPermission: vi.fn(async (pattern) => granted.includes(pattern)),
    scripts: () => scripts,
  };
  return api;
}

describe('refreshRegistrations', () => {
  it('registers granted portals once per pattern and reports the others', async () => {
    const api = fakeApi(['http://127.0.0.2/*', 'https://oa.example.com/*']);
    const result = await refreshRegistrations(
      ['http://127.0.0.2:4179', 'http://127.0.0.2:8080', 'https://oa.example.com', 'https://ungranted.example.com'],
      api,
    );
    expect(api.scripts()).toEqual([
      { id: 'portal:http://127.0.0.2', matches: ['http://127.0.0.2/*'], css: ['highlights.css'] },
      { id: 'portal:https://oa.example.com', matches: ['https://oa.example.com/*'], css: ['highlights.css'] },
    ]);
    expect(result).toEqual({
      registered: ['http://127.0.0.2:4179', 'http://127.0.0.2:8080', 'https://oa.example.com'],
      withoutPermission: ['https://ungranted.example.com'],
    });
  });

  it('is idempotent and leaves foreign registrations alone', async () => {
    const api = fakeApi(['https://oa.example.com/*'], [{ id: 'someone-else', matches: ['https://x/*'] }]);
    await refreshRegistrations(['https://oa.example.com'], api);
    await refreshRegistrations(['https://oa.example.com'], api);
    expect(api.register).toHaveBeenCalledTimes(1);
    expect(api.unregister).not.toHaveBeenCalled();
    expect(api.scripts().map((s) => s.id)).toEqual(['someone-else', 'portal:https://oa.example.com']);
  });

  it('unregisters removed portals, revoked permissions and changed matches', async () => {
    const api = fakeApi(
      ['https://a.example.com/*'],
      [
        { id: 'portal:https://gone.example.com', matches: ['https://gone.example.com/*'] },
        { id: 'portal:https://revoked.example.com', matches: ['https://revoked.example.com/*'] },
        { id: 'portal:https://a.example.com', matches: ['https://a.example.com/old/*'] },
      ],
    );
    await refreshRegistrations(['https://revoked.example.com', 'https://a.example.com'], api);
    expect(api.scripts()).toEqual([
      { id: 'portal:https://a.example.com', matches: ['https://a.example.com/*'], css: ['highlights.css'] },
    ]);
  });

  it('registers again a portal registered by a version without the highlight sheet', async () => {
    const api = fakeApi(
      ['https://a.example.com/*'],
      [{ id: 'portal:https://a.example.com', matches: ['https://a.example.com/*'] }],
    );
    await refreshRegistrations(['https://a.example.com'], api);
    expect(api.scripts()).toEqual([
      { id: 'portal:https://a.example.com', matches: ['https://a.example.com/*'], css: ['highlights.css'] },
    ]);
    await refreshRegistrations(['https://a.example.com'], api);
    expect(api.register).toHaveBeenCalledTimes(1);
  });

  it('groups by pattern', () => {
    expect([...desiredScripts(['http://h.example.com:1', 'http://h.example.com:2', 'bad'])]).toEqual([
      [
        'portal:http://h.example.com',
        { pattern: 'http://h.example.com/*', origins: ['http://h.example.com:1', 'http://h.example.com:2'] },
      ],
    ]);
  });
});

describe('portalsLosing', () => {
  const portals = ['http://127.0.0.2:4179', 'https://oa.example.com', 'https://ob.example.com'];
  it('matches removed patterns to portals, ports ignored', () => {
    expect(portalsLosing(portals, ['http://127.0.0.2/*'])).toEqual(['http://127.0.0.2:4179']);
    expect(portalsLosing(portals, ['*://oa.example.com/*'])).toEqual(['https://oa.example.com']);
    expect(portalsLosing(portals, ['*://*/*'])).toEqual(portals);
    expect(portalsLosing(portals, [])).toEqual([]);
  });
});
