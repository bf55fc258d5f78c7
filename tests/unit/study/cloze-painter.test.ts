// The blanks' style uses only what ::highlight() can take (nothing that changes layout), hides the
// glyphs in every way a page could colour them, and study mode is off where the API is missing.
import { describe, expect, it } from 'vitest';
import { BLANK_HIGHLIGHT, REVEALED_HIGHLIGHT, clozeStyleText, clozeSupported, createClozePainter } from '../../../lib/study/cloze-painter';

/** Properties ::highlight() applies (CSS Pseudo-Elements 4, highlight styling). */
const ALLOWED = /^(color|background-color|text-shadow|-webkit-text-fill-color|-webkit-text-stroke-color|-webkit-text-stroke-width|text-decoration(-[a-z]+)?)$/;

/** The declarations of the first rule for `name` (the screen rule; forced colours come after it). */
function declarations(css: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  for (const part of body.split(';')) {
    const [prop, ...value] = part.split(':');
    if (prop?.trim()) out[prop.trim()] = value.join(':').trim();
  }
  return out;
}

describe('clozeStyleText', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`blanks hide the glyphs on a bar, with highlight properties only (${scheme})`, () => {
      const css = clozeStyleText(scheme);
      const blank = declarations(css, BLANK_HIGHLIGHT);
      expect(blank.color).toBe('transparent');
      expect(blank['-webkit-text-fill-color']).toBe('transparent');
      expect(blank['text-shadow']).toBe('none');
      expect(blank['background-color']).toMatch(/^#[0-9a-f]{6}$/);
      const revealed = declarations(css, REVEALED_HIGHLIGHT);
      expect(Object.keys(revealed)).toEqual(['text-decoration']);
      for (const prop of [...Object.keys(blank), ...Object.keys(revealed)]) expect(prop).toMatch(ALLOWED);
    });
  }

  it('the bar differs between the light and the dark palette', () => {
    expect(declarations(clozeStyleText('light'), BLANK_HIGHLIGHT)['background-color']).not.toBe(
      declarations(clozeStyleText('dark'), BLANK_HIGHLIGHT)['background-color'],
    );
  });
});

describe('without the Highlight API', () => {
  it('there is no study mode (no DOM fallback that would change the page)', () => {
    const fake = { document, CSS: {} } as unknown as Window;
    expect(clozeSupported(fake)).toBe(false);
    const doc = { defaultView: fake } as unknown as Document;
    expect(createClozePainter(doc)).toBeNull();
  });
});
