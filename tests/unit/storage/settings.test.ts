// Portals and per-site settings: stored items with versions, validated on read, and clearAllData.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { pendingJumpItem, portalsItem, settingsItem, sitesItem } from '../../../lib/storage/items';
import * as documents from '../../../lib/storage/documents';
import * as settings from '../../../lib/storage/settings';
import * as jump from '../../../lib/storage/pending-jump';
import { installWriter } from '../../../lib/storage/writer';
import { emptyRecord, parsePortals, parseSites, type SiteSettings } from '../../../lib/storage/schema';

const repo = { ...documents, ...settings, ...jump };

beforeEach(() => {
  fakeBrowser.reset();
  installWriter();
});

describe('portals', () => {
  it('starts empty, adds each origin once in order, removes', async () => {
    expect(await repo.listPortals()).toEqual([]);
    await repo.addPortal('https://oa.example.com');
    await repo.addPortal('http://127.0.0.2:4179');
    expect(await repo.addPortal('https://oa.example.com')).toEqual(['https://oa.example.com', 'http://127.0.0.2:4179']);
    expect(await repo.removePortal('https://oa.example.com')).toEqual(['http://127.0.0.2:4179']);
    expect(await repo.removePortal('https://never.example.com')).toEqual(['http://127.0.0.2:4179']);
    expect(await portalsItem().getValue()).toEqual(['http://127.0.0.2:4179']);
  });

  it('is stored under local:portals as version 1, so a later version migrates from it', async () => {
    await repo.addPortal('https://oa.example.com');
    expect(await fakeBrowser.storage.local.get('portals')).toEqual({ portals: ['https://oa.example.com'] });
    const v2 = storage.defineItem<{ origin: string }[]>('local:portals', {
      fallback: [],
      version: 2,
      migrations: { 2: (old: string[]) => old.map((origin) => ({ origin })) },
    });
    expect(await v2.getValue()).toEqual([{ origin: 'https://oa.example.com' }]);
    expect(await fakeBrowser.storage.local.get('portals$')).toEqual({ portals$: { v: 2 } });
  });

  it('drops what is not an http(s) origin on read', async () => {
    await fakeBrowser.storage.local.set({
      portals: [
        'https://oa.example.com',
        'https://oa.example.com/path',
        'ftp://x.example.com',
        42,
        null,
        'https://oa.example.com',
        'http://b.example.com:81',
      ],
    });
    expect(await repo.listPortals()).toEqual(['https://oa.example.com', 'http://b.example.com:81']);
    expect(parsePortals('nope')).toEqual([]);
    expect(await repo.addPortal('not an origin')).toEqual(['https://oa.example.com', 'http://b.example.com:81']);
  });

  it('watches', async () => {
    const seen: string[][] = [];
    const stop = repo.watchPortals((p) => seen.push(p));
    await repo.addPortal('https://oa.example.com');
    stop();
    await repo.addPortal('https://ob.example.com');
    expect(seen).toEqual([['https://oa.example.com']]);
  });
});

describe('site settings', () => {
  const O = 'http://127.0.0.1:4179';

  it('defaults to enabled, no selector', async () => {
    expect(await repo.getSiteSettings(O)).toEqual({ disabled: false, selector: null });
  });

  it('merges patches and remembers them under the origin, version 1', async () => {
    await repo.setSiteSettings(O, { disabled: true });
    expect(await repo.setSiteSettings(O, { selector: '  #vsb_content ' })).toEqual({
      disabled: true,
      selector: '#vsb_content',
    });
    expect(await repo.getSiteSettings(O)).toEqual({ disabled: true, selector: '#vsb_content' });
    expect(await repo.getSiteSettings('http://127.0.0.1:9999')).toEqual({ disabled: false, selector: null });
    expect(Object.keys(await fakeBrowser.storage.local.get('sites'))).toEqual(['sites']);
  });

  it('removes a site that is back at the defaults; an empty selector means none', async () => {
    await repo.setSiteSettings(O, { disabled: true, selector: '.a' });
    await repo.setSiteSettings(O, { disabled: false, selector: '' });
    expect(await sitesItem().getValue()).toEqual({});
  });

  it('reads hostname keys too, the origin key winning', async () => {
    await sitesItem().setValue({ 'oa.example.com': { disabled: true, selector: null } });
    expect(await repo.getSiteSettings('https://oa.example.com')).toEqual({ disabled: true, selector: null });
    await repo.setSiteSettings('https://oa.example.com', { disabled: false, selector: '.x' });
    expect(await repo.getSiteSettings('https://oa.example.com')).toEqual({ disabled: false, selector: '.x' });
  });

  it('drops bad entries on read and keeps the others', async () => {
    await fakeBrowser.storage.local.set({
      sites: {
        'https://good.example.com': { disabled: true, selector: null },
        'https://also.example.com': { disabled: false, selector: '.article' },
        'https://bad1.example.com': { disabled: 'yes', selector: null },
        'https://bad2.example.com': { disabled: false, selector: 42 },
        'https://bad3.example.com': null,
        '': { disabled: true, selector: null },
      },
    });
    expect(Object.keys(await repo.loadSites()).sort()).toEqual([
      'https://also.example.com',
      'https://good.example.com',
    ]);
    expect(await repo.getSiteSettings('https://bad1.example.com')).toEqual({ disabled: false, selector: null });
    // The next write keeps the good ones.
    await repo.setSiteSettings('https://new.example.com', { disabled: true });
    expect(Object.keys((await sitesItem().getValue()) as Record<string, SiteSettings>).sort()).toEqual([
      'https://also.example.com',
      'https://good.example.com',
      'https://new.example.com',
    ]);
  });

  it('ignores a stored non-object and __proto__ keys', () => {
    expect(parseSites([1, 2])).toEqual({});
    expect(parseSites('x')).toEqual({});
    const parsed = parseSites(
      JSON.parse('{"__proto__": {"disabled": true, "selector": null}, "a": {"disabled": true}}'),
    );
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed).toEqual({ a: { disabled: true, selector: null } });
  });
});

describe('clearAllData', () => {
  it('removes documents, settings, sites and a pending jump, keeps portals', async () => {
    const doc = emptyRecord('fp:0011223344556677', 1);
    await fakeBrowser.storage.local.set({ [documents.docKey(doc.id)]: doc });
    await repo.addUserPhrase('组织引领');
    await repo.saveSettings({ panelSide: 'left' });
    await repo.setSiteSettings('https://oa.example.com', { disabled: true });
    await repo.requestJump(doc.id, 'p1');
    await repo.addPortal('https://oa.example.com');

    await repo.clearAllData();

    expect((await repo.loadDocuments()).docs).toEqual({});
    expect(await repo.loadSettings()).toMatchObject({ userPhrases: [], panelSide: 'right' });
    expect(await repo.loadSites()).toEqual({});
    expect(await pendingJumpItem().getValue()).toBeNull();
    expect(await settingsItem().getValue()).toMatchObject({ version: 1 });
    expect(await repo.listPortals()).toEqual(['https://oa.example.com']);
  });
});
