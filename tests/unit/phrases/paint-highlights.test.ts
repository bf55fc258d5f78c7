import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhraseCategory } from '../../../lib/phrases/lexicon';
import { createHighlighter, flashDurationMs } from '../../../lib/phrases/paint-highlights';
import { HIGHLIGHT_SHEET_MARKER, highlightStyleId } from '../../../lib/phrases/highlight-sheet';

const html = '<p>增强<b>“四个</b>意识”、坚定“四个自信”。</p>\n<p>保持戴口罩、不聚集、勤消毒</p>';

function setup(doc: Document = document) {
  const root = doc.createElement('div');
  root.innerHTML = html;
  doc.body.append(root);
  const [p1, p2] = [...root.querySelectorAll('p')] as [HTMLParagraphElement, HTMLParagraphElement];
  const t = {
    a: p1.firstChild as Text, // 增强
    b: p1.querySelector('b')!.firstChild as Text, // “四个
    c: p1.querySelector('b')!.nextSibling as Text, // 意识”、坚定“四个自信”。
    d: p2.firstChild as Text, // 保持戴口罩、不聚集、勤消毒
  };
  const range = (sn: Node, so: number, en: Node, eo: number): Range => {
    const r = doc.createRange();
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  };
  // 四个意识 across <b>; 四个自信 and three measures sharing text nodes.
  const byCategory = new Map<PhraseCategory, Range[]>([
    ['formula', [range(t.b, 1, t.c, 2), range(t.c, 7, t.c, 11)]],
    ['measure', [range(t.d, 2, t.d, 5), range(t.d, 6, t.d, 9), range(t.d, 10, t.d, 13)]],
  ]);
  return { root, t, range, byCategory };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('wrap fallback (happy-dom has no CSS.highlights)', () => {
  it('is the mode without the API', () => {
    expect((globalThis as { CSS?: { highlights?: unknown } }).CSS?.highlights).toBeUndefined();
    expect(createHighlighter(document).mode).toBe('wrap');
  });

  it('wraps each range piece in a mark without changing the text, and clear() restores the DOM', () => {
    const { root, t, byCategory } = setup();
    const before = root.innerHTML;
    const text = root.textContent;
    const h = createHighlighter(document);
    h.paint(byCategory);
    expect(root.textContent).toBe(text);
    const marks = [...root.querySelectorAll('mark.gongwen-mark')];
    expect(marks.map((m) => `${m.getAttribute('data-category')}:${m.textContent}`)).toEqual([
      'formula:四个',
      'formula:意识',
      'formula:四个自信',
      'measure:戴口罩',
      'measure:不聚集',
      'measure:勤消毒',
    ]);
    h.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('mark').length).toBe(0);
    // The page's own text nodes survive, whole again, so the text model's runs stay valid.
    expect(t.b.data).toBe('“四个');
    expect(t.c.data).toBe('意识”、坚定“四个自信”。');
    expect(t.d.data).toBe('保持戴口罩、不聚集、勤消毒');
    expect(t.d.parentNode).not.toBeNull();
  });

  it('repaints without stacking marks', () => {
    const { root, byCategory } = setup();
    const before = root.innerHTML;
    const h = createHighlighter(document);
    h.paint(byCategory);
    h.clear();
    h.paint(new Map([['quoted', byCategory.get('measure')!]]));
    expect([...root.querySelectorAll('mark')].map((m) => m.getAttribute('data-category'))).toEqual([
      'quoted',
      'quoted',
      'quoted',
    ]);
    h.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('flashes a painted occurrence by flagging its mark, for about 1.2 s', () => {
    vi.useFakeTimers();
    const { root, byCategory, range } = setup();
    const h = createHighlighter(document);
    h.paint(byCategory);
    const mark = [...root.querySelectorAll('mark')].find((m) => m.textContent === '不聚集')!;
    h.flash(range(mark.firstChild!, 0, mark.firstChild!, 3));
    expect(mark.classList.contains('gongwen-flash')).toBe(true);
    vi.advanceTimersByTime(flashDurationMs);
    expect(mark.classList.contains('gongwen-flash')).toBe(false);
  });

  it('flashes unpainted text with a temporary mark and removes it again', () => {
    vi.useFakeTimers();
    const { root, t, range } = setup();
    const before = root.innerHTML;
    const h = createHighlighter(document);
    h.flash(range(t.d, 0, t.d, 2));
    expect(root.querySelector('mark.gongwen-flash')?.textContent).toBe('保持');
    vi.advanceTimersByTime(flashDurationMs);
    expect(root.innerHTML).toBe(before);
  });

  it('clear() also ends a running flash', () => {
    vi.useFakeTimers();
    const { root, t, range, byCategory } = setup();
    const before = root.innerHTML;
    const h = createHighlighter(document);
    h.paint(byCategory);
    // After wrapping, t.d holds only its unpainted head '保持' (why ranges must be rebuilt after a wrap paint).
    expect(t.d.data).toBe('保持');
    h.flash(range(t.d, 0, t.d, 2));
    expect(root.querySelector('mark.gongwen-flash')?.textContent).toBe('保持');
    h.clear();
    expect(root.innerHTML).toBe(before);
    vi.advanceTimersByTime(flashDurationMs);
    expect(root.innerHTML).toBe(before);
  });

  it('leaves text nodes that were already adjacent on the page apart', () => {
    const p = document.createElement('p');
    const first = document.createTextNode('戴口罩');
    const second = document.createTextNode('不聚集');
    p.append(first, second);
    document.body.append(p);
    const r = document.createRange();
    r.setStart(first, 1);
    r.setEnd(second, 2);
    const h = createHighlighter(document);
    h.paint(new Map([['measure', [r]]]));
    expect(p.textContent).toBe('戴口罩不聚集');
    h.clear();
    expect([...p.childNodes]).toEqual([first, second]);
    expect(first.data + '|' + second.data).toBe('戴口罩|不聚集');
  });
});

describe('stylesheet', () => {
  it('is adopted once per document, at the first paint rather than at creation, with both palettes', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const before = doc.adoptedStyleSheets.length;
    const a = createHighlighter(doc);
    expect(doc.adoptedStyleSheets.length).toBe(before);
    a.paint(new Map());
    createHighlighter(doc, 'dark').paint(new Map());
    a.setScheme('dark');
    expect(doc.adoptedStyleSheets.length).toBe(before + 1);
    expect(doc.getElementById(highlightStyleId)).toBeNull();
  });

  it('adopts nothing where the shipped sheet already styles the page (its marker is on the root)', () => {
    const doc = document;
    const shipped = doc.createElement('style');
    shipped.textContent = `:root { ${HIGHLIGHT_SHEET_MARKER}: 1; }`;
    doc.head.append(shipped);
    try {
      const before = doc.adoptedStyleSheets.length;
      const h = createHighlighter(doc);
      h.paint(new Map());
      h.flash(doc.createRange());
      h.setScheme('dark');
      expect(doc.adoptedStyleSheets.length).toBe(before);
      expect(doc.getElementById(highlightStyleId)).toBeNull();
    } finally {
      shipped.remove();
    }
  });

  it('falls back to one <style> element when a sheet cannot be constructed', () => {
    const doc = document.implementation.createHTMLDocument('t');
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new Error('not allowed');
        }
      },
    );
    Object.defineProperty(doc, 'defaultView', { value: null });
    createHighlighter(doc).paint(new Map());
    createHighlighter(doc, 'dark').paint(new Map());
    const styles = doc.head.querySelectorAll(`style#${highlightStyleId}`);
    expect(styles.length).toBe(1);
    expect(styles[0]?.textContent).toContain('::highlight(gongwen-light-formula)');
    expect(styles[0]?.textContent).toContain('::highlight(gongwen-dark-formula)');
  });
});

describe('palette (wrap fallback)', () => {
  it('marks carry the palette and switch it in place; the text is untouched', () => {
    const { root, byCategory } = setup();
    const text = root.textContent;
    const h = createHighlighter(document, 'dark');
    h.paint(byCategory);
    const schemes = () =>
      new Set([...root.querySelectorAll('mark.gongwen-mark')].map((m) => m.getAttribute('data-scheme')));
    expect(schemes()).toEqual(new Set(['dark']));
    h.setScheme('light');
    expect(schemes()).toEqual(new Set(['light']));
    expect(root.textContent).toBe(text);
  });
});

describe('CSS Custom Highlight API path (stubbed)', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }

  function stubApi(): Map<string, FakeHighlight> {
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', FakeHighlight);
    return registry;
  }

  it('registers one highlight per category, formula on top, and never touches the DOM', () => {
    const registry = stubApi();
    const { root, byCategory } = setup();
    const before = root.innerHTML;
    const h = createHighlighter(document);
    expect(h.mode).toBe('highlight-api');
    h.paint(byCategory);
    expect([...registry.keys()].sort()).toEqual(['gongwen-light-formula', 'gongwen-light-measure']);
    expect(registry.get('gongwen-light-formula')?.size).toBe(2);
    expect(registry.get('gongwen-light-measure')?.size).toBe(3);
    expect(registry.get('gongwen-light-formula')!.priority).toBeGreaterThan(
      registry.get('gongwen-light-measure')!.priority,
    );
    expect(root.innerHTML).toBe(before);
  });

  it('replaces on repaint, clears only its own highlights', () => {
    const registry = stubApi();
    registry.set('someone-else', new FakeHighlight());
    const { byCategory } = setup();
    const h = createHighlighter(document);
    h.paint(byCategory);
    h.paint(
      new Map([
        ['user', byCategory.get('measure')!],
        ['quoted', []],
      ]),
    );
    expect([...registry.keys()].sort()).toEqual(['gongwen-light-user', 'someone-else']);
    h.clear();
    expect([...registry.keys()]).toEqual(['someone-else']);
  });

  it('flashes with a gongwen-flash highlight removed after ~1.2 s', () => {
    vi.useFakeTimers();
    const registry = stubApi();
    const { t, range } = setup();
    const h = createHighlighter(document);
    const r = range(t.d, 2, t.d, 5);
    h.flash(r);
    const flash = registry.get('gongwen-light-flash');
    expect(flash && [...flash]).toEqual([r]);
    expect(flash!.priority).toBeGreaterThan(6);
    vi.advanceTimersByTime(flashDurationMs - 1);
    expect(registry.has('gongwen-light-flash')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(registry.has('gongwen-light-flash')).toBe(false);
  });

  it('moves what is painted to the other palette by name, same highlights, and clears it there', () => {
    const registry = stubApi();
    const { t, range, byCategory } = setup();
    const h = createHighlighter(document, 'light');
    h.paint(byCategory);
    h.flash(range(t.d, 2, t.d, 5));
    const formula = registry.get('gongwen-light-formula');
    h.setScheme('dark');
    expect([...registry.keys()].sort()).toEqual(['gongwen-dark-flash', 'gongwen-dark-formula', 'gongwen-dark-measure']);
    expect(registry.get('gongwen-dark-formula')).toBe(formula);
    h.paint(new Map([['user', byCategory.get('measure')!]]));
    expect([...registry.keys()].sort()).toEqual(['gongwen-dark-user']);
    h.clear();
    expect([...registry.keys()]).toEqual([]);
  });
});
