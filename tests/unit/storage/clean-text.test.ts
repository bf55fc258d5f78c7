// Text hygiene: bidi overrides, isolates and other invisible controls leave stored records and
// exports; visible text, line breaks, tabs and the emoji joiner stay.
import { describe, expect, it } from 'vitest';
import { cleanRecord, cleanText, hasInvisible } from '../../../lib/storage/clean-text';
import { emptyRecord } from '../../../lib/storage/schema';
import { exportJson, exportMarkdown } from '../../../lib/storage/export-import';

const RLO = '\u202E';

describe('cleanText', () => {
  it('removes every bidi override, embedding and isolate and other invisible controls', () => {
    const controls = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u200B',
      '\uFEFF',
      '\u2060',
      '\u0000',
      '\u0085',
      '\u001B',
    ];
    for (const c of controls) {
      expect(cleanText(`备注${c}exe.jpg`)).toBe('备注exe.jpg');
      expect(hasInvisible(`a${c}b`)).toBe(true);
    }
    expect(cleanText('第一行\n第二行\t制表 👩\u200D💻 ，。')).toBe('第一行\n第二行\t制表 👩\u200D💻 ，。');
    expect(hasInvisible('平常的文字')).toBe(false);
  });
});

describe('cleanRecord', () => {
  const dirty = {
    ...emptyRecord('fp:0000000000000001', 5),
    title: `关于${RLO}通知`,
    sectionTitles: { p1: `一、${RLO}总体要求` },
    parts: [{ id: 'p1', heading: `一、\u2067总体要求\u2069` }],
    bookmarks: {
      p1: { sectionId: 'p1', heading: `一、${RLO}总体`, note: `看${RLO}gpj.exe`, createdAt: 5, updatedAt: 5 },
    },
    study: { p1: { state: 'known' as const, heading: `一、${RLO}`, terms: [`立德${RLO}树人`], updatedAt: 5 } },
  };

  it('cleans headings, titles, notes and study terms, and leaves a clean record as it is', () => {
    const clean = cleanRecord(dirty);
    expect(hasInvisible(JSON.stringify(clean))).toBe(false);
    expect(clean.bookmarks.p1?.note).toBe('看gpj.exe');
    expect(clean.study?.p1?.terms).toEqual(['立德树人']);
    expect(cleanRecord(clean)).toBe(clean);
  });

  it('keeps every bidi override out of both exports', () => {
    expect(exportMarkdown({ [dirty.id]: dirty }, 'zh')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(exportJson({ [dirty.id]: dirty })).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(exportJson({ [dirty.id]: dirty })).not.toMatch(/\\u202e/i);
  });
});

describe('the writer', () => {
  it('stores a note and heading typed with a bidi override without it', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { installWriter } = await import('../../../lib/storage/writer');
    const { setBookmark, loadDocuments } = await import('../../../lib/storage/documents');
    fakeBrowser.reset();
    installWriter();
    await setBookmark('fp:00000000000000aa', 'p1', `一、${RLO}总体要求`, `备注${RLO}txt.exe`, 10);
    const stored = (await loadDocuments()).docs['fp:00000000000000aa']!;
    expect(stored.bookmarks.p1).toMatchObject({ heading: '一、总体要求', note: '备注txt.exe' });
  });
});
