// Export to JSON and Markdown; import validates the whole file before anything is stored.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  IMPORT_MAX_BYTES,
  exportJson,
  exportMarkdown,
  importInto,
  parseImport,
} from '../../../lib/storage/export-import';
import * as documents from '../../../lib/storage/documents';
import * as settings from '../../../lib/storage/settings';
import { installWriter } from '../../../lib/storage/writer';

const repo = { ...documents, ...settings };
import { DEFAULT_SETTINGS, emptyRecord, type DocRecord } from '../../../lib/storage/schema';

const now = new Date('2024-03-01T08:00:00Z');
const doc: DocRecord = {
  ...emptyRecord('fp:0011223344556677', 100),
  title: '致学院全体师生党员的疫情防控倡议书',
  issuer: '中共西安海棠职业学院委员会',
  date: '2022年10月6日',
  urls: ['https://a.edu.cn/info/1.htm'],
  textLength: 1000,
  furthest: 420,
  percent: 42,
  readSections: ['p1', 'p1.k1'],
  parts: [
    { id: 'p1', heading: '一、基层党组织…' },
    { id: 'p2', heading: '二、党员领导干部…' },
    { id: 'p3', heading: '三、广大师生党员…' },
  ],
  sectionTitles: { p1: '一、基层党组织…', 'p2.k1': '要主动率先垂范。' },
  bookmarks: {
    'p2.k1': { sectionId: 'p2.k1', heading: '要主动率先垂范。', note: '重点：*带头*遵守', createdAt: 5, updatedAt: 6 },
    p3: { sectionId: 'p3', heading: '三、广大师生党员…', note: '', createdAt: 5, updatedAt: 7, deleted: true },
  },
  lastReadAt: 100,
  updatedAt: 100,
};
const other: DocRecord = { ...emptyRecord('url:https://b.cn/x', 50), percent: 10 };

describe('exportJson', () => {
  it('writes the export envelope and round-trips through parseImport', () => {
    const text = exportJson({ [doc.id]: doc, [other.id]: other }, DEFAULT_SETTINGS, now);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'gongwen-reader-export', version: 1, exportedAt: '2024-03-01T08:00:00.000Z' });
    expect(parseImport(text)).toEqual({ ok: true, docs: [doc, other], settings: DEFAULT_SETTINGS });
  });
});

describe('exportMarkdown', () => {
  it('lists title, link, progress, read parts and live bookmarks with notes (zh)', () => {
    const md = exportMarkdown([doc], 'zh', now);
    expect(md).toContain('## 致学院全体师生党员的疫情防控倡议书');
    expect(md).toContain('- 链接：<https://a.edu.cn/info/1.htm>');
    expect(md).toContain('- 阅读进度：42%');
    expect(md).toContain('- 已读部分（1/3）：一、基层党组织…');
    expect(md).toContain('  - 要主动率先垂范。 — 重点：\\*带头\\*遵守');
    expect(md).not.toContain('三、广大师生党员…\n');
  });

  it('has English labels and a placeholder for an empty export', () => {
    expect(exportMarkdown([{ ...other, title: null }], 'en', now)).toContain('## (untitled)');
    expect(exportMarkdown([], 'en', now)).toContain('Nothing recorded yet.');
  });
});

describe('parseImport', () => {
  const valid = JSON.parse(exportJson([doc, other], undefined, now)) as { documents: unknown[] };

  it('refuses files that are not exports, with a clear code', () => {
    expect(parseImport('{not json')).toEqual({ ok: false, error: { code: 'not-json' } });
    expect(parseImport('[1,2]')).toEqual({ ok: false, error: { code: 'wrong-format' } });
    expect(parseImport(JSON.stringify({ format: 'other-app', version: 1, documents: [] }))).toEqual({
      ok: false,
      error: { code: 'wrong-format' },
    });
    expect(parseImport(JSON.stringify({ ...valid, version: 2 }))).toEqual({
      ok: false,
      error: { code: 'unsupported-version' },
    });
    expect(parseImport(JSON.stringify({ ...valid, documents: {} }))).toEqual({
      ok: false,
      error: { code: 'invalid-record', path: 'documents' },
    });
    expect(parseImport(JSON.stringify({ ...valid, settings: 'dark' }))).toEqual({
      ok: false,
      error: { code: 'invalid-record', path: 'settings' },
    });
  });

  it('points at a bad field deep inside a record', () => {
    const bad = structuredClone(valid) as { documents: { bookmarks: Record<string, { createdAt: unknown }> }[] };
    bad.documents[0]!.bookmarks['p2.k1']!.createdAt = 'yesterday';
    expect(parseImport(JSON.stringify(bad))).toEqual({
      ok: false,
      error: { code: 'invalid-record', path: 'documents[0].bookmarks["p2.k1"].createdAt' },
    });
  });
});

describe('importInto', () => {
  it('merges like a second tab and counts added and merged documents', () => {
    const stored = {
      ...doc,
      furthest: 800,
      percent: 80,
      bookmarks: { p3: { ...doc.bookmarks.p3!, deleted: undefined, updatedAt: 1 } },
    };
    const result = importInto({ [doc.id]: stored }, { docs: [doc, other] });
    expect(result.added).toBe(1);
    expect(result.merged).toBe(1);
    expect(result.docs[doc.id]?.furthest).toBe(800);
    expect(result.docs[doc.id]?.bookmarks.p3?.deleted).toBe(true); // newer tombstone from the file
  });
});

describe('importData (repository)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installWriter();
  });

  it('changes nothing stored when the file is bad', async () => {
    await repo.setBookmark(doc.id, 'p1', '一、', 'mine', 10);
    const before = await fakeBrowser.storage.local.get(null);
    const bad = JSON.parse(exportJson([other, doc], DEFAULT_SETTINGS, now)) as { documents: Record<string, unknown>[] };
    bad.documents[1]!.readSections = ['p1', 7];
    const result = await repo.importData(JSON.stringify(bad));
    expect(result).toEqual({ ok: false, error: { code: 'invalid-record', path: 'documents[1].readSections[1]' } });
    expect(await repo.importData('hello')).toEqual({ ok: false, error: { code: 'not-json' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('merges a good file into what is stored', async () => {
    await repo.setBookmark(doc.id, 'p1', '一、', 'mine', 10);
    await repo.addUserPhrase('a');
    const result = await repo.importData(
      exportJson([doc, other], { ...DEFAULT_SETTINGS, panelSide: 'left', userPhrases: ['b'] }, now),
    );
    expect(result).toEqual({ ok: true, added: 1, merged: 1 });
    const { docs } = await repo.loadDocuments();
    expect(Object.keys(docs).sort()).toEqual([doc.id, other.id].sort());
    expect(docs[doc.id]?.bookmarks.p1?.note).toBe('mine');
    expect(docs[doc.id]?.bookmarks['p2.k1']?.note).toBe('重点：*带头*遵守');
    expect(await repo.loadSettings()).toMatchObject({ panelSide: 'left', userPhrases: ['a', 'b'] });
  });
});

describe('hostile imports', () => {
  const at = 1_700_000_000_000;
  const future = at + 50 * 365 * 86_400_000;
  const hostile: DocRecord = {
    ...doc,
    urls: [
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'chrome://settings',
      'view-source:https://a.cn/',
      'javascript:alert(1)',
      'https://a.edu.cn/ok.htm',
    ],
    lastPosition: { anchor: { sectionId: 'p1', quote: 'q', prefix: '', suffix: '', offset: 1 }, at: future },
    bookmarks: { p1: { sectionId: 'p1', heading: '一', note: '', createdAt: future, updatedAt: future } },
    lastReadAt: future,
    updatedAt: future,
    resetAt: future,
  };

  it('clamps times to now and keeps only http(s) links', () => {
    const parsed = parseImport(exportJson([hostile]), at);
    expect(parsed.ok).toBe(true);
    const [record] = parsed.ok ? parsed.docs : [];
    expect(record).toMatchObject({ lastReadAt: at, updatedAt: at, resetAt: at, urls: ['https://a.edu.cn/ok.htm'] });
    expect(record?.lastPosition?.at).toBe(at);
    expect(record?.bookmarks.p1).toMatchObject({ createdAt: at, updatedAt: at });
  });

  it('refuses a file over the stated size before reading it', () => {
    const big = exportJson([doc]).replace('"documents"', `"padding": "${'x'.repeat(IMPORT_MAX_BYTES)}", "documents"`);
    expect(parseImport(big)).toEqual({ ok: false, error: { code: 'too-large' } });
  });

  it('a far-future record imported does not push the reader’s own records out or stop progress saving', async () => {
    fakeBrowser.reset();
    installWriter();
    const result = await repo.importData(exportJson([hostile]));
    expect(result).toEqual({ ok: true, added: 1, merged: 0 });
    const stored = (await repo.loadDocuments()).docs[doc.id]!;
    expect(stored.resetAt).toBeLessThanOrEqual(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await repo.recordProgress(doc.id, {
      meta: { title: null, issuer: null, date: null, kind: null },
      url: 'https://a.edu.cn/ok.htm',
      textLength: 1000,
      furthest: 900,
    });
    expect(saved.furthest).toBe(900);
  });
});

describe('Markdown export of hostile text and links', () => {
  const evil: DocRecord = {
    ...doc,
    title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))',
    issuer: '![i](https://evil.example/p.png) &lt;b&gt;',
    urls: [
      'https://a.cn/x"><img src=x onerror=alert(1)>',
      'https://a.cn/y [x](javascript:alert(2))',
      'javascript:alert(3)',
      'data:text/html,<b>x</b>',
    ],
    bookmarks: {
      p1: {
        sectionId: 'p1',
        heading: '<script>alert(4)</script>',
        note: '[n](javascript:alert(5))\n# heading',
        createdAt: 1,
        updatedAt: 2,
      },
    },
  };

  it('carries no raw HTML, no javascript: or data: links, and keeps each value on its line', () => {
    const md = exportMarkdown([evil], 'en', now);
    expect(md).not.toMatch(/(^|[^\\])<\/?(img|script|b)\b/i);
    expect(md).not.toMatch(/(^|[^\\])\]\((javascript|data):/i);
    expect(md).not.toMatch(/<(javascript|data):/i);
    expect(md).not.toMatch(/^# heading/m);
    expect(md).not.toMatch(/(^|[^\\])!\[/);
    expect(md).not.toMatch(/(^|[^\\])&lt;/);
    // http(s) links stay links, percent-encoded so they cannot end early.
    expect(md).toContain('<https://a.cn/x%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E>');
    expect(md).toContain('<https://a.cn/y%20%5Bx%5D%28javascript:alert%282%29%29>');
    // Anything else is plain, escaped text.
    expect(md).toContain('- Link: javascript:alert(3)');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))');
  });
});
