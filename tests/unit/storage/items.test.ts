// The documents item migrates v1 data (URL keys, 0–1 progress, bookmark id arrays) to v2.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { migrateDocumentsV1ToV2, type DocRecordV1 } from '../../../lib/storage/items';
import { loadDocuments } from '../../../lib/storage/documents';
import { migrateDocumentsMap } from '../../../lib/storage/document-store';
import { emptyRecord } from '../../../lib/storage/schema';

const v1: Record<string, DocRecordV1> = {
  'https://a.edu.cn/info/1.htm': {
    url: 'https://a.edu.cn/info/1.htm?utm_source=x',
    title: '关于做好寒假工作的通知',
    progress: 0.625,
    bookmarks: ['p1', 'p2.k1'],
    readSections: ['p1'],
    lastReadAt: 1_650_000_000_000,
  },
};

describe('migrateDocumentsV1ToV2', () => {
  it('converts v1 records', () => {
    const out = migrateDocumentsV1ToV2(v1);
    expect(Object.keys(out)).toEqual(['url:https://a.edu.cn/info/1.htm']);
    expect(out['url:https://a.edu.cn/info/1.htm']).toMatchObject({
      id: 'url:https://a.edu.cn/info/1.htm',
      title: '关于做好寒假工作的通知',
      urls: ['https://a.edu.cn/info/1.htm'],
      percent: 63,
      readSections: ['p1'],
      bookmarks: {
        p1: { sectionId: 'p1', note: '', createdAt: 1_650_000_000_000 },
        'p2.k1': { sectionId: 'p2.k1' },
      },
      lastReadAt: 1_650_000_000_000,
      resetAt: 0,
    });
  });

  it('passes v2 records through and keeps unknown entries for the repository to report', () => {
    const v2 = emptyRecord('fp:0011223344556677', 5);
    expect(migrateDocumentsV1ToV2({ [v2.id]: v2, junk: 42 })).toEqual({ [v2.id]: v2, junk: 42 });
    expect(migrateDocumentsV1ToV2('garbage')).toEqual({});
  });
});

describe('documentsItem', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('migrates stored v1 data when the item is defined (extension update)', async () => {
    await fakeBrowser.storage.local.set({ documents: v1 });
    vi.resetModules();
    const fresh = await import('../../../lib/storage/items');
    const stored = await fresh.documentsItem().getValue();
    expect(Object.keys(stored)).toEqual(['url:https://a.edu.cn/info/1.htm']);
    expect(await fakeBrowser.storage.local.get('documents$')).toEqual({ documents$: { v: 2 } });
  });

  it('v1 data is upgraded and split into one key per record, read as valid', async () => {
    await fakeBrowser.storage.local.set({ documents: v1 });
    await migrateDocumentsMap();
    expect(await fakeBrowser.storage.local.get(['documents', 'documents$'])).toEqual({});
    const { docs, dropped } = await loadDocuments();
    expect(dropped).toEqual([]);
    expect(docs['url:https://a.edu.cn/info/1.htm']?.percent).toBe(63);
  });
});
