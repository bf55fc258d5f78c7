// Offsets of the text model mapped back to the DOM: points and Ranges.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../lib/document/detect';
import { buildTextModel } from '../../../lib/document/text-model';
import { domPoint } from '../../../lib/document/dom-point';
import { textRange } from '../../../lib/dom/ranges';
import { htmlDocument, LAYOUTS, loadFixture } from '../document/fixtures';

describe('ranges', () => {
  it.each(LAYOUTS)('maps section headings and line slices of %s back to the DOM', (name) => {
    const found = readDocument(loadFixture(name));
    if (!found) throw new Error('not detected');
    const { model, document: doc } = found;
    for (const s of [...doc.sections, ...doc.sections.flatMap((p) => p.children)]) {
      expect(textRange(model, s.headingStart, s.headingEnd).toString()).toBe(s.heading);
    }
    // Slices within and across the span runs of each line (no separators inside).
    for (const b of model.blocks) {
      const line = model.text.slice(b.start, b.end);
      // A joined page-break line spans two elements: the DOM has source whitespace between them.
      const joinedLine = line.includes('这根弦') || line.includes('带头严格落实');
      for (const [a, z] of [
        [b.start, b.end],
        [b.start + 1, b.end - 1],
        [b.start + 3, b.start + 17],
      ] as const) {
        if (z <= a || z > b.end) continue;
        const dom = textRange(model, a, z).toString();
        expect(joinedLine ? dom.replace(/\s+/g, '') : dom).toBe(model.text.slice(a, z));
      }
    }
    const joined = model.text.indexOf('绷紧疫情防控这根弦');
    expect(
      textRange(model, joined, joined + 9)
        .toString()
        .replace(/\s+/g, ''),
    ).toBe('绷紧疫情防控这根弦');
  });

  it('snaps separators: forward for starts, backward for ends', () => {
    const doc = htmlDocument('<div id="root"><p>甲乙</p><p>丙丁</p></div>');
    const root = doc.getElementById('root');
    if (!root) throw new Error('no root');
    const m = buildTextModel(root);
    expect(m.text).toBe('甲乙\n丙丁');
    const start = domPoint(m, 2);
    expect([start.node.data, start.offset]).toEqual(['丙丁', 0]);
    const end = domPoint(m, 3, 'backward');
    expect([end.node.data, end.offset]).toEqual(['甲乙', 2]);
    expect(domPoint(m, 5).offset).toBe(2);
    expect(textRange(m, 0, 2).toString()).toBe('甲乙');
    expect(textRange(m, 1, 1).collapsed).toBe(true);
  });

  it('maps collapsed whitespace to its first source char', () => {
    const doc = htmlDocument('<div id="root"><p>a  \n b</p></div>');
    const root = doc.getElementById('root');
    if (!root) throw new Error('no root');
    const m = buildTextModel(root);
    expect(m.text).toBe('a b');
    expect(domPoint(m, 2).offset).toBe(5);
    expect(textRange(m, 0, 1).toString()).toBe('a');
  });
});
