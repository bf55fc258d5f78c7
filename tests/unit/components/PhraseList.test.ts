// The key-phrase list: grouped, legend in the painted colours, glosses shown under the chips, and
// a visible reason when the own-phrase button is unavailable.
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import type { PhraseItem } from '../../../lib/ui/reader-state';
import { schemePairs } from '../../../lib/phrases/highlight-styles';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string, ...subs: unknown[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
}));
const { PhraseList } = await import('../../../components/PhraseList');

const phrases: PhraseItem[] = [
  { term: '四个意识', category: 'formula', count: 1, gloss: '政治意识、大局意识、核心意识、看齐意识' },
  { term: '一把手', category: 'requirement', count: 1 },
  { term: '戴口罩', category: 'measure', count: 3 },
  { term: '安全网', category: 'quoted', count: 1 },
];
const noop = () => {};

function draw(
  root: HTMLElement,
  over: Partial<{ hasSelection: boolean; scheme: 'light' | 'dark'; studyOn: boolean }> = {},
) {
  render(
    h(PhraseList, {
      phrases,
      studyOn: over.studyOn ?? false,
      highlightsOn: true,
      hasSelection: over.hasSelection ?? false,
      colors: schemePairs(over.scheme ?? 'light'),
      onToggle: noop,
      onGoTo: noop,
      onAddSelection: noop,
      onRemove: noop,
    }),
    root,
  );
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PhraseList', () => {
  it('lists the stressed phrases first, by count, then the rest under their category', () => {
    const root = document.createElement('div');
    draw(root);
    const groups = [...root.querySelectorAll('.phrase-groups > li')].map((g) => ({
      head: g.querySelector('h3')?.textContent,
      terms: [...g.querySelectorAll('.phrase-term')].map((n) => n.textContent),
    }));
    expect(groups).toEqual([
      { head: 'phrasesFocusphrasesFocusNote', terms: ['戴口罩', '四个意识'] },
      { head: 'catRequirement', terms: ['一把手'] },
      { head: 'catQuoted', terms: ['安全网'] },
    ]);
    // The list keeps its name and every chip its "term, category, count" name.
    expect(root.querySelector('.phrase-groups')?.getAttribute('aria-label')).toBe('phrasesLabel');
    expect(root.querySelector('.phrase')?.getAttribute('aria-label')).toBe('phraseLabel(戴口罩|catMeasure|3)');
  });

  it("hides every phrase while study mode is on (they are the blanks' answers), saying how many", () => {
    const root = document.createElement('div');
    draw(root, { studyOn: true });
    for (const { term } of phrases) expect(root.textContent).not.toContain(term);
    expect(root.querySelector('.study-hidden')?.textContent).toBe('phrasesHiddenInStudy(4)');
    draw(root, { studyOn: false });
    expect(root.textContent).toContain('戴口罩');
  });

  it('paints the legend and swatches in the pairs it is given', () => {
    const root = document.createElement('div');
    draw(root, { scheme: 'dark' });
    const dark = schemePairs('dark');
    const sample = root.querySelector<HTMLElement>('.legend-sample[data-category="formula"]')!;
    expect(sample.style.color).toBe(dark.formula!.color);
    expect(sample.style.background).toBe(dark.formula!.background);
    draw(root, { scheme: 'light' });
    expect(sample.style.background).toBe(schemePairs('light').formula!.background);
  });

  it("shows a gloss below its chip list while the chip has focus, and keeps it as the chip's description", async () => {
    const root = document.createElement('div');
    document.body.append(root);
    draw(root);
    const chip = [...root.querySelectorAll<HTMLButtonElement>('.phrase')].find((b) =>
      b.textContent?.includes('四个意识'),
    )!;
    const gloss = root.querySelector<HTMLElement>(`#${chip.getAttribute('aria-describedby')}`)!;
    expect(gloss.getAttribute('role')).toBe('tooltip');
    expect(gloss.textContent).toBe('政治意识、大局意识、核心意识、看齐意识');
    expect(gloss.hidden).toBe(true);
    // Outside the chip's own list item: it spans the chip list's width, not the chip's.
    expect(gloss.closest('.phrase-item')).toBeNull();
    expect(gloss.parentElement?.classList.contains('chips')).toBe(true);
    chip.focus();
    await flush();
    expect(gloss.hidden).toBe(false);
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(gloss.hidden).toBe(true);
    chip.blur();
    chip.dispatchEvent(new MouseEvent('mouseenter'));
    await flush();
    expect(gloss.hidden).toBe(false);
    chip.dispatchEvent(new MouseEvent('mouseleave'));
    await flush();
    expect(gloss.hidden).toBe(true);
    root.remove();
  });

  it('says why "add selected text" is unavailable, and stops saying it once text is selected', () => {
    const root = document.createElement('div');
    draw(root, { hasSelection: false });
    const add = root.querySelector<HTMLButtonElement>('.add-phrase button')!;
    expect(add.disabled).toBe(true);
    const why = root.querySelector(`#${add.getAttribute('aria-describedby')}`);
    expect(why?.textContent).toBe('addSelectionHint');
    draw(root, { hasSelection: true });
    expect(add.disabled).toBe(false);
    expect(root.querySelector('.add-why')).toBeNull();
  });
});

describe('PhraseList, the organisation’s phrases', () => {
  it('names them with the source 本单位 and shows their gloss as text', () => {
    const root = document.createElement('div');
    render(
      h(PhraseList, {
        phrases: [{ term: '三全育人', category: 'organisation', count: 1, gloss: '全员育人 <b>全程</b>' }],
        studyOn: false,
        highlightsOn: true,
        hasSelection: false,
        colors: schemePairs('light'),
        onToggle: noop,
        onGoTo: noop,
        onAddSelection: noop,
        onRemove: noop,
      }),
      root,
    );
    expect(root.querySelector('.phrase')?.getAttribute('aria-label')).toBe('phraseLabel(三全育人|catOrganisation|1)');
    expect(root.querySelector('.legend-sample')?.textContent).toBe('catOrganisation');
    const gloss = root.querySelector('.gloss');
    expect(gloss?.textContent).toBe('全员育人 <b>全程</b>');
    expect(gloss?.querySelector('b')).toBeNull();
    // Not the reader's own: no remove button.
    expect(root.querySelector('.remove')).toBeNull();
  });
});
