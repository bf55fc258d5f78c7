// Validators: good records pass unchanged, damaged ones fail with a path, settings get defaults.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  HEADING_MAX,
  TITLE_MAX,
  emptyRecord,
  parseDocRecord,
  parseSettings,
  validateDocRecord,
} from '../../../lib/storage/schema';

const good = {
  ...emptyRecord('fp:0011223344556677', 10),
  title: '通知',
  urls: ['https://a.cn/1'],
  readSections: ['p1'],
  ledger: { pre: 12, p1: 40 },
  bookmarks: { 'p1.k2': { sectionId: 'p1.k2', heading: '要…', note: 'n', createdAt: 1, updatedAt: 2 } },
  lastPosition: { anchor: { sectionId: null, quote: 'q', prefix: '', suffix: '', offset: 3 }, at: 4 },
};

describe('parseDocRecord', () => {
  it('accepts a valid record as it is', () => {
    expect(parseDocRecord(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('rejects damaged records with the path of the bad field', () => {
    expect(parseDocRecord(null)).toBeNull();
    expect(validateDocRecord({ ...good, furthest: -1 })).toEqual({ ok: false, path: 'furthest' });
    expect(validateDocRecord({ ...good, id: 'whatever' })).toEqual({ ok: false, path: 'id' });
    const badNote = { ...good, bookmarks: { 'p1.k2': { ...good.bookmarks['p1.k2'], note: 5 } } };
    expect(validateDocRecord(badNote, 'documents[2]')).toEqual({
      ok: false,
      path: 'documents[2].bookmarks["p1.k2"].note',
    });
    const wrongKey = { ...good, bookmarks: { p9: good.bookmarks['p1.k2'] } };
    expect(validateDocRecord(wrongKey)).toEqual({ ok: false, path: 'bookmarks["p9"]' });
    expect(validateDocRecord({ ...good, sectionTitles: { p1: '一、', 'p1.k1': 7 } })).toEqual({
      ok: false,
      path: 'sectionTitles["p1.k1"]',
    });
    expect(
      validateDocRecord({ ...good, parts: [{ id: 'p1', heading: '一、' }, { id: 'p2' }] }, 'documents[0]'),
    ).toEqual({
      ok: false,
      path: 'documents[0].parts[1].heading',
    });
    expect(validateDocRecord({ ...good, urls: ['https://a.edu.cn/1', null] })).toEqual({ ok: false, path: 'urls[1]' });
    expect(validateDocRecord({ ...good, ledger: { p1: 40, p2: -1 } }, 'documents[3]')).toEqual({
      ok: false,
      path: 'documents[3].ledger["p2"]',
    });
    expect(validateDocRecord({ ...good, ledger: { p1: '40' } })).toEqual({ ok: false, path: 'ledger["p1"]' });
    expect(validateDocRecord({ ...good, ledger: [40] })).toEqual({ ok: false, path: 'ledger' });
  });

  it('migrates a record from before the reading-time rule: no ledger, read sections kept', () => {
    const { ledger: _none, ...old } = good;
    expect(parseDocRecord(JSON.parse(JSON.stringify(old)))).toEqual({ ...good, ledger: {} });
  });

  it('keeps the ledger compact: whole characters, no empty entries', () => {
    expect(parseDocRecord({ ...good, ledger: { p1: 40.8, p2: 0 } })?.ledger).toEqual({ p1: 40 });
  });

  it('cuts over-long notes and ignores __proto__ keys', () => {
    const long = { ...good, bookmarks: { 'p1.k2': { ...good.bookmarks['p1.k2'], note: 'x'.repeat(500) } } };
    expect(parseDocRecord(long)?.bookmarks['p1.k2']?.note).toHaveLength(200);
    const polluted = JSON.parse(`{"__proto__": {"polluted": true}}`) as unknown;
    const parsed = parseDocRecord({ ...good, sectionTitles: polluted });
    expect(parsed?.sectionTitles).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseSettings', () => {
  it('fills defaults for missing or bad fields', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({
        highlightsOn: 'yes',
        panelSide: 'top',
        panelOpen: false,
        userPhrases: [' 两个维护 ', 3, '', '两个维护'],
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      panelOpen: false,
      userPhrases: ['两个维护'],
    });
  });
});

describe('bounds on read', () => {
  it('cuts over-long strings, drops non-web links and over-long ids, bounds every list', () => {
    const long = 'x'.repeat(10_000);
    const record = {
      ...emptyRecord('fp:0011223344556677', 1),
      title: long,
      urls: [
        'data:text/html,x',
        'file:///etc/passwd',
        'chrome://settings',
        'view-source:https://a.cn/',
        `https://a.cn/${long}`,
        'https://a.cn/ok',
      ],
      readSections: [...Array(5000).keys()].map((i) => `s${i}`),
      sectionTitles: { p1: long, [long]: 'id too long' },
      parts: [{ id: 'p1', heading: long }],
      lastPosition: { anchor: { sectionId: 'p1', quote: long, prefix: long, suffix: long, offset: 1 }, at: 1 },
      bookmarks: { p1: { sectionId: 'p1', heading: long, note: long, createdAt: 1, updatedAt: 1 } },
    };
    const parsed = parseDocRecord(record)!;
    expect(parsed.title).toHaveLength(TITLE_MAX);
    expect(parsed.urls).toEqual(['https://a.cn/ok']);
    expect(parsed.readSections).toHaveLength(2000);
    expect(parsed.sectionTitles).toEqual({ p1: 'x'.repeat(HEADING_MAX) });
    expect(parsed.parts[0]?.heading).toHaveLength(HEADING_MAX);
    expect(parsed.lastPosition?.anchor.quote.length).toBeLessThanOrEqual(128);
    expect(parsed.bookmarks.p1?.heading).toHaveLength(HEADING_MAX);
    expect(parsed.bookmarks.p1?.note).toHaveLength(200);
  });
});
