// Packing local records into sync items: within every Chrome quota, most recent documents first,
// and the items merged back (in any order, only some of them) lose nothing and undo nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRecords } from '../../../../lib/storage/merge';
import { emptyRecord, NOTE_MAX, type Bookmark, type DocRecord } from '../../../../lib/storage/schema';
import {
  areaUsage,
  itemBytes,
  MAX_ITEMS,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from '../../../../lib/storage/sync/limits';
import {
  packDocument,
  packDocuments,
  recency,
  roomBeside,
  syncKey,
  unpackItem,
} from '../../../../lib/storage/sync/pack';

const FULL = roomBeside({ bytes: 0, count: 0 });

function bookmark(sectionId: string, updatedAt: number, note = '', extra: Partial<Bookmark> = {}): Bookmark {
  return { sectionId, heading: `${sectionId} 标题`, note, createdAt: 1, updatedAt, ...extra };
}

function doc(n: number, patch: Partial<DocRecord> = {}): DocRecord {
  const id = `fp:${n.toString(16).padStart(16, '0')}`;
  return {
    ...emptyRecord(id, 1_700_000_000_000 + n * 1000),
    title: `关于第${n}号文件的通知`,
    issuer: '教务处',
    date: '2024年3月1日',
    kind: '通知',
    urls: [`https://jwc.example.edu.cn/info/${n}.htm`],
    textLength: 5000,
    furthest: 1200,
    readSections: ['p1', 'p1.k1'],
    ledger: { pre: 80, p1: 600, 'p1.k1': 300 },
    percent: 19,
    lastPosition: {
      anchor: {
        sectionId: 'p1.k1',
        quote: '深入学习贯彻党的二十大精神',
        prefix: '一、',
        suffix: '全面落实',
        offset: 940,
      },
      at: 1_700_000_000_500 + n * 1000,
    },
    sectionTitles: { p1: '一、总体要求', 'p1.k1': '（一）指导思想' },
    parts: [{ id: 'p1', heading: '一、总体要求' }],
    bookmarks: { p1: bookmark('p1', 10, '复习这一节') },
    ...patch,
  };
}

/** The fields a replica carries (outline headings stay local; one URL travels). */
function synced(record: DocRecord) {
  const { sectionTitles: _t, parts: _p, urls, percent: _percent, ...rest } = record;
  return { ...rest, urls: [...urls].sort().slice(0, 1) };
}

function unpackAll(items: Record<string, unknown>): DocRecord[] {
  return Object.entries(items).map(([key, value]) => {
    const record = unpackItem(key, value);
    if (!record) throw new Error(`item ${key} did not unpack`);
    return record;
  });
}

const longNote = (i: number) => `笔记${i}：`.padEnd(NOTE_MAX, '学');

describe('packDocument', () => {
  it('round-trips ids, anchors, notes, read state and the resume point', () => {
    const original = doc(1, {
      bookmarks: { p1: bookmark('p1', 10, '要点'), p2: bookmark('p2', 11, '', { deleted: true }) },
      resetAt: 5,
    });
    const items = packDocument(original)!;
    expect(Object.keys(items)).toEqual([syncKey(original.id)]);
    const [back] = unpackAll(items);
    expect(synced(back!)).toEqual(synced(original));
  });

  it('round-trips study marks (会了 / 再看), and a bad mark refuses the item', () => {
    const study = {
      p1: { state: 'again' as const, heading: '一、总体要求', terms: ['四个意识', '两个维护'], updatedAt: 20 },
      p2: { state: 'none' as const, heading: '二、主要任务', terms: [], updatedAt: 21 },
    };
    const original = doc(2, { study });
    const items = packDocument(original)!;
    const [back] = unpackAll(items);
    expect(back!.study).toEqual(study);
    expect(synced(back!)).toEqual(synced(original));
    const [key, item] = Object.entries(items)[0]!;
    const bad = { ...item, m: { ...item.m!, y: { p1: ['forgot', '一、总体要求', [], 20] } } };
    expect(unpackItem(key, bad)).toBeNull();
  });

  it('continues in overflow items when the notes do not fit one item, every item within QUOTA_BYTES_PER_ITEM', () => {
    const bookmarks = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`p${i}`, bookmark(`p${i}`, 100 + i, longNote(i))]),
    );
    const original = doc(2, { bookmarks });
    const items = packDocument(original)!;
    expect(Object.keys(items).length).toBeGreaterThan(3);
    for (const [key, item] of Object.entries(items))
      expect(itemBytes(key, item)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    // Filled close to the limit: the size counting matches the JSON exactly.
    const first = Object.entries(items)[0]!;
    expect(itemBytes(first[0], first[1])).toBeGreaterThan(QUOTA_BYTES_PER_ITEM - 700);
    const merged = unpackAll(items).reduce(mergeRecords);
    expect(synced(merged)).toEqual(synced(original));
  });

  it('merges back the same whatever order (and subset) the items arrive in', () => {
    const bookmarks = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`p${i}`, bookmark(`p${i}`, 100 + i, longNote(i))]),
    );
    const original = doc(3, { bookmarks });
    const parts = unpackAll(packDocument(original)!);
    const local = doc(3, {
      bookmarks: { p0: bookmark('p0', 1, '旧备注'), q9: bookmark('q9', 5, '本机才有') },
      lastReadAt: 1,
      updatedAt: 1,
      lastPosition: undefined,
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(parts, { minLength: 1 }), (subset) => {
        const merged = subset.reduce(mergeRecords, local);
        // Nothing of the local record is lost, and each bookmark is the newer of the two.
        expect(merged.bookmarks.q9?.note).toBe('本机才有');
        for (const part of subset)
          for (const [id, b] of Object.entries(part.bookmarks)) expect(merged.bookmarks[id]).toEqual(b);
        expect(merged.title).toBe(original.title);
      }),
    );
    const all = [...parts].reverse().reduce(mergeRecords, local);
    expect(Object.keys(all.bookmarks).sort()).toEqual([...Object.keys(original.bookmarks), 'q9'].sort());
  });

  it('an overflow item alone never wins over what the record knows', () => {
    const bookmarks = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`p${i}`, bookmark(`p${i}`, 100 + i, longNote(i))]),
    );
    const items = packDocument(doc(4, { bookmarks }))!;
    const overflow = Object.entries(items).find(([key]) => key !== syncKey(doc(4).id))!;
    const partial = unpackItem(overflow[0], overflow[1])!;
    const local = doc(4, { title: '本机标题', textLength: 7777 });
    const merged = mergeRecords(local, partial);
    expect(merged.title).toBe('本机标题');
    expect(merged.textLength).toBe(7777);
    expect(merged.lastPosition).toEqual(local.lastPosition);
    expect(merged.ledger).toEqual(local.ledger);
  });

  it('a removal travels as a tombstone and removes the bookmark on the other side', () => {
    const here = doc(5, { bookmarks: { p1: bookmark('p1', 50, '', { deleted: true }) } });
    const there = doc(5, { bookmarks: { p1: bookmark('p1', 10, '旧备注') } });
    const [item] = unpackAll(packDocument(here)!);
    expect(mergeRecords(there, item!).bookmarks.p1?.deleted).toBe(true);
  });

  it('leaves a document out when its record alone is larger than one item', () => {
    const ledger = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`p${i}.k${i}`, 10 + i]));
    expect(packDocument(doc(6, { ledger }))).toBeNull();
  });
});

describe('packDocuments', () => {
  it('keeps within QUOTA_BYTES, most recent documents first, the rest left local and counted', () => {
    const docs = Array.from({ length: 300 }, (_, i) => doc(i, { bookmarks: { p1: bookmark('p1', i, longNote(i)) } }));
    const packed = packDocuments(docs, FULL);
    const usage = areaUsage(packed.items);
    expect(usage.bytes).toBeLessThanOrEqual(QUOTA_BYTES);
    expect(usage.count).toBeLessThanOrEqual(MAX_ITEMS);
    expect(packed.synced.length + packed.left.length).toBe(300);
    expect(packed.left.length).toBeGreaterThan(0);
    // Documents of one size: the synced ones are exactly the most recent.
    const byRecency = [...docs].sort((a, b) => recency(b) - recency(a)).map((d) => d.id);
    expect(packed.synced).toEqual(byRecency.slice(0, packed.synced.length));
    expect(packed.left).toEqual(byRecency.slice(packed.synced.length));
  });

  it('counts the room other items take (another version on another computer)', () => {
    const docs = Array.from({ length: 20 }, (_, i) => doc(i));
    const all = packDocuments(docs, FULL);
    expect(all.left).toEqual([]);
    const oneDoc = areaUsage(packDocument(docs[0]!)!).bytes;
    const room = roomBeside({ bytes: QUOTA_BYTES - oneDoc * 3 - 10, count: 7 });
    const packed = packDocuments(docs, room);
    expect(packed.synced).toHaveLength(3);
    expect(areaUsage(packed.items).bytes).toBeLessThanOrEqual(room.bytes);
  });

  it('keeps within MAX_ITEMS', () => {
    const docs = Array.from({ length: 10 }, (_, i) => doc(i));
    const packed = packDocuments(docs, roomBeside({ bytes: 0, count: MAX_ITEMS - 4 }));
    expect(Object.keys(packed.items)).toHaveLength(4);
    expect(packed.left).toHaveLength(6);
  });

  it('a large newer document left out does not keep smaller older ones out', () => {
    const bookmarks = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`p${i}`, bookmark(`p${i}`, 100 + i, longNote(i))]),
    );
    const big = doc(50, { bookmarks });
    const small = [doc(1), doc(2)];
    const room = roomBeside({ bytes: QUOTA_BYTES - areaUsage(packDocument(doc(1))!).bytes * 2 - 100, count: 0 });
    const packed = packDocuments([big, ...small], room);
    expect(packed.left).toEqual([big.id]);
    expect(packed.synced.sort()).toEqual(small.map((d) => d.id).sort());
  });
});

describe('unpackItem', () => {
  const original = doc(7);
  const [key, item] = Object.entries(packDocument(original)!)[0]!;

  it('refuses items of another format, under another key, or with a bad field', () => {
    expect(unpackItem(key, item)).not.toBeNull();
    expect(unpackItem(key, { ...item, v: 2 })).toBeNull();
    expect(unpackItem(syncKey('fp:ffffffffffffffff'), item)).toBeNull();
    expect(unpackItem(`${key}.x`, item)).toBeNull();
    expect(unpackItem(key, { ...item, b: { p1: ['标题', 3, 1, 2] } })).toBeNull();
    expect(unpackItem(key, { ...item, b: { p1: ['标题', '', 1, 2, true] } })).toBeNull();
    expect(unpackItem(key, { ...item, m: { ...item.m, n: -1 } })).toBeNull();
    expect(unpackItem(key, { ...item, m: { ...item.m, p: [null, 'q'] } })).toBeNull();
    expect(unpackItem(key, 'text')).toBeNull();
  });

  it('keeps only web addresses', () => {
    const record = unpackItem(key, { ...item, m: { ...item.m, u: ['javascript:alert(1)'] } });
    expect(record?.urls).toEqual([]);
  });
});
