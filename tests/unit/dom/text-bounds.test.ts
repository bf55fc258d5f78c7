// Where the text lies, measured in slices (issue 14): the same edges as in one go.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BLOCK_END_CHARS,
  boundsWithSheet,
  measureTextBounds,
  measureTextBoundsSteps,
  SHEET_ATTRIBUTE,
} from '../../../lib/dom/text-bounds';
import { buildTextModel } from '../../../lib/document/text-model';
import { runInSlices } from '../../../lib/startup/slices';
import { detectedFixture } from '../reader/reader-fixture';
import { fakeGeometry, type FakeGeometry } from './fake-geometry';

let geometry: FakeGeometry | null = null;
afterEach(() => {
  geometry?.restore();
  geometry = null;
});

describe('measureTextBoundsSteps', () => {
  it("in slices with the page's turns between them gives the bounds measured in one go, sampled or not", async () => {
    const { model } = detectedFixture();
    geometry = fakeGeometry(model.root);
    for (const sample of [160, 5]) {
      const whole = measureTextBounds(model, sample);
      expect(whole).not.toBeNull();
      const sliced = await runInSlices(measureTextBoundsSteps(model, sample), {
        sliceMs: 0,
        pause: () => new Promise<void>((resolve) => setTimeout(() => (geometry!.scroll(50), resolve()), 0)),
      });
      expect(sliced?.value).toEqual(whole);
    }
  });
});

describe('measureTextBounds on a huge paragraph', () => {
  it('reads only the head and tail of a 100 000-character line, and finds the edges there', () => {
    const article = document.createElement('article');
    const p = document.createElement('p');
    for (let i = 0; i < 2000; i++) {
      const span = document.createElement('span');
      span.textContent = '治理能力现代化建设'.repeat(6).slice(0, 50);
      p.append(span);
    }
    article.append(p);
    document.body.append(article);
    const read: number[] = [];
    const spy = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      read.push(this.toString().length);
      const left = read.length === 1 ? 80 : 60;
      return [{ left, right: 700, width: 700 - left, height: 18, top: 0, bottom: 18 }] as unknown as DOMRectList;
    });
    try {
      const model = buildTextModel(article);
      expect(model.text.length).toBe(100_000);
      expect(measureTextBounds(model)).toEqual({ left: 60, right: 700 });
      expect(read).toEqual([BLOCK_END_CHARS, BLOCK_END_CHARS]);
    } finally {
      spy.mockRestore();
      article.remove();
    }
  });
});

describe('boundsWithSheet', () => {
  const rect = (left: number, width: number) => ({ left, right: left + width, width, top: 0, bottom: 10, height: 10 });

  it("widens the text's edges to the sheet that holds it (the viewer's white margins)", () => {
    const sheet = document.createElement('main');
    sheet.setAttribute(SHEET_ATTRIBUTE, '');
    const article = document.createElement('article');
    sheet.append(article);
    document.body.append(sheet);
    sheet.getBoundingClientRect = () => rect(300, 832) as DOMRect;
    expect(boundsWithSheet(article, { left: 356, right: 1076 })).toEqual({ left: 300, right: 1132 });
    expect(boundsWithSheet(article, null)).toBeNull();
    sheet.remove();
  });

  it('leaves the text as measured where no sheet holds it', () => {
    const article = document.createElement('article');
    document.body.append(article);
    expect(boundsWithSheet(article, { left: 356, right: 1076 })).toEqual({ left: 356, right: 1076 });
    article.remove();
  });
});
