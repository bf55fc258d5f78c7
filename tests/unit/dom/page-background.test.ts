// The background read walks from the article up to the first opaque background, over the page's canvas.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHighlightScheme, readPageBackground } from '../../../lib/dom/page-background';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  vi.restoreAllMocks();
});

function article(outer: string, inner: string): Element {
  const wrap = document.createElement('div');
  wrap.setAttribute('style', outer);
  const root = document.createElement('div');
  root.setAttribute('style', inner);
  wrap.append(root);
  document.body.append(wrap);
  return root;
}

describe('readPageBackground', () => {
  it('reads the nearest opaque ancestor background', () => {
    const root = article('background-color: rgb(32, 37, 43)', '');
    expect(readPageBackground(root)).toEqual({ r: 32, g: 37, b: 43, a: 1 });
    expect(readHighlightScheme(root)).toBe('dark');
  });

  it('stacks a translucent article box over its ancestor', () => {
    const root = article('background-color: rgb(0, 0, 0)', 'background-color: rgba(255, 255, 255, 0.5)');
    expect(readPageBackground(root).r).toBeCloseTo(127.5, 1);
  });

  it('stops at the first opaque layer without reading further up', () => {
    const root = article('background-color: rgb(255, 255, 255)', '');
    const spy = vi.spyOn(window, 'getComputedStyle');
    readPageBackground(root);
    const read = spy.mock.calls.map(([el]) => el);
    expect(read).not.toContain(document.body);
  });

  it('falls back to the white canvas for a page without backgrounds, in a dark-mode browser too', () => {
    const root = article('', '');
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    expect(readHighlightScheme(root)).toBe('light');
  });

  it('takes the dark canvas when the page declares color-scheme: dark and paints no background', () => {
    document.documentElement.setAttribute('style', 'color-scheme: dark');
    const root = article('', '');
    expect(readHighlightScheme(root)).toBe('dark');
    document.documentElement.setAttribute('style', 'color-scheme: light dark');
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: false } as MediaQueryList);
    expect(readHighlightScheme(root)).toBe('light');
  });
});
