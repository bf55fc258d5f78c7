// The blanks' style uses only what ::highlight() can take (nothing that changes layout) and hides the
// glyphs in every way a page could colour them, in both palettes.
import { describe, expect, it } from 'vitest';
import { clozeHighlightName, clozeStyleText } from '../../../lib/study/cloze-styles';

/** Properties ::highlight() applies (CSS Pseudo-Elements 4, highlight styling). */
const ALLOWED =
  /^(color|background-color|text-shadow|-webkit-text-fill-color|-webkit-text-stroke-color|-webkit-text-stroke-width|text-decoration(-[a-z]+)?)$/;

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
      const css = clozeStyleText();
      const blank = declarations(css, clozeHighlightName('blank', scheme));
      expect(blank.color).toBe('transparent');
      expect(blank['-webkit-text-fill-color']).toBe('transparent');
      expect(blank['text-shadow']).toBe('none');
      expect(blank['background-color']).toMatch(/^#[0-9a-f]{6}$/);
      const revealed = declarations(css, clozeHighlightName('revealed', scheme));
      expect(Object.keys(revealed)).toEqual(['text-decoration']);
      for (const prop of [...Object.keys(blank), ...Object.keys(revealed)]) expect(prop).toMatch(ALLOWED);
    });
  }

  it('the bar differs between the light and the dark palette', () => {
    expect(declarations(clozeStyleText(), clozeHighlightName('blank', 'light'))['background-color']).not.toBe(
      declarations(clozeStyleText(), clozeHighlightName('blank', 'dark'))['background-color'],
    );
  });
});
