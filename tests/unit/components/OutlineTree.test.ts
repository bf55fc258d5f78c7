// The outline redraws only the rows whose own state changed: a long document's outline must not
// re-render hundreds of rows because one section was read or bookmarked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import type { Section } from '../../../lib/document/types';

const calls = vi.hoisted(() => ({ t: [] as string[] }));
vi.mock('../../../lib/i18n', () => ({
  t: (key: string) => {
    calls.t.push(key);
    return key;
  },
}));
const { OutlineTree } = await import('../../../components/OutlineTree');

function section(id: string, kind: Section['kind'], children: Section[] = []): Section {
  return {
    id,
    kind,
    level: kind === 'part' ? 1 : 2,
    marker: '',
    number: 1,
    heading: `标题${id}`,
    headingStart: 0,
    headingEnd: 1,
    start: 0,
    end: 1,
    children,
  };
}

const sections = [1, 2, 3].map((n) =>
  section(`p${n}`, 'part', [section(`p${n}.k1`, 'point'), section(`p${n}.k2`, 'point')]),
);
const noop = () => {};

function draw(
  root: HTMLElement,
  props: { readIds?: string[]; bookmarks?: Record<string, string>; currentId?: string | null },
) {
  render(
    h(OutlineTree, {
      sections,
      currentId: props.currentId ?? null,
      readIds: props.readIds ?? [],
      bookmarks: props.bookmarks ?? {},
      onJump: noop,
      onToggleBookmark: noop,
      onNote: noop,
    }),
    root,
  );
}

/** Rows drawn since the last call: every row's bookmark toggle asks for its label once per render. */
function rowsDrawn(): number {
  const n = calls.t.filter((key) => key === 'bookmarkSection').length / 2;
  calls.t.length = 0;
  return n;
}

describe('OutlineTree', () => {
  beforeEach(() => {
    calls.t.length = 0;
  });

  it('draws every part and sub-point once', () => {
    const root = document.createElement('div');
    draw(root, {});
    expect(rowsDrawn()).toBe(9);
    expect(root.querySelectorAll('li')).toHaveLength(9);
    expect(root.querySelector('nav')?.hasAttribute('aria-busy')).toBe(false);
  });

  it('redraws only the rows on the path to what was read, bookmarked or became current', () => {
    const root = document.createElement('div');
    draw(root, {});
    rowsDrawn();
    draw(root, { readIds: ['p2.k1'] });
    expect(rowsDrawn()).toBe(2); // p2 and p2.k1
    expect(root.querySelector('[data-section-id="p2.k1"] .read-mark')).not.toBeNull();
    draw(root, { readIds: ['p2.k1'], bookmarks: { p3: '' } });
    expect(rowsDrawn()).toBe(1);
    draw(root, { readIds: ['p2.k1'], bookmarks: { p3: '' }, currentId: 'p1.k2' });
    expect(rowsDrawn()).toBe(2); // p1 and p1.k2
    draw(root, { readIds: [...['p2.k1']], bookmarks: { p3: '' }, currentId: 'p1.k2' });
    expect(rowsDrawn()).toBe(0);
  });

  it('draws a long outline a slice at a time, parts in order, until every part is there', async () => {
    vi.useFakeTimers();
    try {
      const long = Array.from({ length: 300 }, (_, i) =>
        section(`p${i + 1}`, 'part', [section(`p${i + 1}.k1`, 'point'), section(`p${i + 1}.k2`, 'point')]),
      );
      const root = document.createElement('div');
      render(
        h(OutlineTree, {
          sections: long,
          currentId: 'p250.k1',
          readIds: [],
          bookmarks: {},
          onJump: noop,
          onToggleBookmark: noop,
          onNote: noop,
        }),
        root,
      );
      const parts = () =>
        [...root.querySelectorAll(':scope > nav > ul > li')].map((li) => li.getAttribute('data-section-id'));
      expect(root.querySelectorAll('li').length).toBeLessThanOrEqual(30);
      expect(parts()[0]).toBe('p1');
      // Said to be incomplete until the last slice is in (the bench counted a half-drawn outline).
      expect(root.querySelector('nav')?.getAttribute('aria-busy')).toBe('true');
      await vi.runAllTimersAsync();
      expect(parts()).toEqual(long.map((p) => p.id));
      expect(root.querySelector('nav')?.hasAttribute('aria-busy')).toBe(false);
      expect(root.querySelectorAll('li')).toHaveLength(900);
      expect(root.querySelector('[aria-current="location"]')?.closest('li')?.getAttribute('data-section-id')).toBe(
        'p250.k1',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a long regulation folds by chapter (issue 22)', () => {
  const chapter = (n: number): Section => ({
    ...section(`p${n}`, 'part'),
    marker: `第${'一二三'[n - 1]}章`,
    heading: `第${'一二三'[n - 1]}章 标题`,
    children: Array.from({ length: 10 }, (_, k) => ({
      ...section(`p${n}.a${k + 1}`, 'part'),
      level: 2 as const,
      marker: `第${k + 1}条`,
    })),
  });
  const regulation = [1, 2, 3].map(chapter);

  function drawRegulation(root: HTMLElement, currentId: string | null) {
    render(
      h(OutlineTree, {
        sections: regulation,
        currentId,
        readIds: [],
        bookmarks: {},
        onJump: noop,
        onToggleBookmark: noop,
        onNote: noop,
      }),
      root,
    );
  }
  const articlesShown = (root: HTMLElement) =>
    [...root.querySelectorAll('li[data-section-id^="p"]')]
      .map((li) => li.getAttribute('data-section-id'))
      .filter((id) => id?.includes('.a'));

  it("shows the current chapter's articles only; a chapter opens and closes on its toggle", async () => {
    const root = document.createElement('div');
    drawRegulation(root, 'p2.a3');
    // The outline is drawn a slice at a time: wait until every chapter is there.
    for (let i = 0; i < 100 && root.querySelectorAll('button.fold-toggle').length < 3; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(articlesShown(root)).toHaveLength(10);
    expect(articlesShown(root).every((id) => id!.startsWith('p2.'))).toBe(true);
    const toggles = [...root.querySelectorAll<HTMLButtonElement>('button.fold-toggle')];
    expect(toggles.map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'true', 'false']);
    toggles[0]!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(articlesShown(root)).toHaveLength(20);
    expect(root.querySelector('button.fold-toggle')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('a short outline does not fold', () => {
    const root = document.createElement('div');
    const short = [1, 2].map((n) => ({ ...chapter(n), children: chapter(n).children.slice(0, 2) }));
    render(
      h(OutlineTree, {
        sections: short,
        currentId: null,
        readIds: [],
        bookmarks: {},
        onJump: noop,
        onToggleBookmark: noop,
        onNote: noop,
      }),
      root,
    );
    expect(root.querySelectorAll('button.fold-toggle')).toHaveLength(0);
    expect(articlesShown(root)).toHaveLength(4);
  });
});
