// Drafts of unsaved notes: kept per document and section, validated on read, removed when saved.
import { describe, expect, it } from 'vitest';
import { dropDraft, keepDraft, readDraft, type DraftArea } from '../../../lib/storage/note-drafts';
import { NOTE_MAX } from '../../../lib/storage/schema';

function memory(): DraftArea & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => (map.has(k) ? { [k]: map.get(k) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) map.set(k, v);
    },
    remove: async (k) => void map.delete(k),
  };
}

describe('note drafts', () => {
  it('keeps a draft per document and section, and gives it back', async () => {
    const s = memory();
    await keepDraft(s, 'fp:a', 'p1', '周三要讲');
    await keepDraft(s, 'fp:b', 'p1', '别的文档');
    expect(await readDraft(s, 'fp:a', 'p1')).toBe('周三要讲');
    expect(await readDraft(s, 'fp:b', 'p1')).toBe('别的文档');
    expect(await readDraft(s, 'fp:a', 'p2')).toBeNull();
  });

  it('an empty draft, or a dropped one, is removed', async () => {
    const s = memory();
    await keepDraft(s, 'fp:a', 'p1', 'x');
    await keepDraft(s, 'fp:a', 'p1', '  ');
    expect(s.map.size).toBe(0);
    await keepDraft(s, 'fp:a', 'p1', 'x');
    await dropDraft(s, 'fp:a', 'p1');
    expect(await readDraft(s, 'fp:a', 'p1')).toBeNull();
  });

  it('validates what it reads: anything not a draft is dropped, an over-long one is cut', async () => {
    const s = memory();
    await keepDraft(s, 'fp:a', 'p1', 'x');
    const key = [...s.map.keys()][0]!;
    for (const bad of ['text', { v: 2, text: 'x' }, { v: 1, text: 5 }, null, 7]) {
      s.map.set(key, bad);
      expect(await readDraft(s, 'fp:a', 'p1')).toBeNull();
      expect(s.map.has(key)).toBe(false);
    }
    s.map.set(key, { v: 1, text: '长'.repeat(NOTE_MAX + 50) });
    expect(await readDraft(s, 'fp:a', 'p1')).toHaveLength(NOTE_MAX);
  });

  it('an area that refuses loses nothing but the draft', async () => {
    const broken: DraftArea = {
      get: () => Promise.reject(new Error('denied')),
      set: () => Promise.reject(new Error('full')),
      remove: () => Promise.reject(new Error('denied')),
    };
    await expect(keepDraft(broken, 'fp:a', 'p1', 'x')).resolves.toBeUndefined();
    expect(await readDraft(broken, 'fp:a', 'p1')).toBeNull();
    expect(await readDraft(null, 'fp:a', 'p1')).toBeNull();
  });
});
