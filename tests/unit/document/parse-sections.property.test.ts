// Property tests for the section parser: any sequence of lines (headings of every level in and out
// of order, numbering gaps and repeats, sub-points, dates) gives a well-formed outline in document
// order; clean numbering is read exactly; the text model under it keeps its invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../lib/document/chinese-numerals';
import { bodyEnd, MAX_GAP, parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import type { Section, TextModel } from '../../../lib/document/types';
import { htmlDocument } from './fixtures';
import {
  lineArb,
  linesToHtml,
  sectionsProblem,
  textModelProblem,
  treeArb,
  buildTree,
  WHITESPACE,
} from './property-arbitraries';

function modelOfHtml(body: string): TextModel {
  const doc = htmlDocument(`<div id="root">${body}</div>`);
  return buildTextModel(doc.getElementById('root')!);
}

function flat(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flat(s.children)]);
}

/** Checks one model + outline; throws with a readable reason. */
function check(model: TextModel): Section[] {
  expect(textModelProblem(model)).toBeNull();
  const sections = parseSections(model);
  expect(sectionsProblem(model, sections)).toBeNull();
  for (const s of flat(sections)) expect(s.end).toBeLessThanOrEqual(bodyEnd(model));
  return sections;
}

const styleArb = fc.constantFrom('p' as const, 'br' as const, 'div-span' as const);

describe('parseSections on random lines', () => {
  it('never throws; sections in document order, nested inside their parents, ids unique, numbering rule kept', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60, size: 'medium' }), styleArb, (lines, style) => {
        check(modelOfHtml(linesToHtml(lines, style)));
      }),
      { numRuns: 120 },
    );
  });

  it('holds with random whitespace and indents around and inside the lines', () => {
    const ws = fc.constantFrom(...WHITESPACE, '&nbsp;', '&#12288;', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(ws, lineArb, ws), { maxLength: 40 }), styleArb, (rows, style) => {
        check(
          modelOfHtml(
            linesToHtml(
              rows.map(([a, line, b]) => a + line + b),
              style,
            ),
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('holds on the text of random DOM trees', () => {
    fc.assert(
      fc.property(treeArb, (nodes) => {
        const doc = htmlDocument('<div id="root"></div>');
        const root = doc.getElementById('root')!;
        buildTree(doc, root, nodes);
        check(buildTextModel(root));
      }),
      { numRuns: 150 },
    );
  });

  it('is a pure function of the model: parsing twice gives the same outline', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const model = modelOfHtml(linesToHtml(lines, 'p'));
        expect(JSON.stringify(parseSections(model))).toBe(JSON.stringify(parseSections(model)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseSections on numbered series', () => {
  /** A part series with body text between the headings: `numbers` as printed. */
  const partsModel = (numbers: readonly number[]) =>
    modelOfHtml(numbers.map((n, i) => `<p>${toChineseNumeral(n)}、第${i}个标题</p><p>正文内容。</p>`).join(''));

  it('reads a clean series 一、 … N、 (up to 三百) as exactly N parts in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const numbers = Array.from({ length: n }, (_, i) => i + 1);
        const parts = check(partsModel(numbers));
        expect(parts.map((p) => p.number)).toEqual(numbers);
        expect(parts.map((p) => p.id)).toEqual(numbers.map((k) => `p${k}`));
        expect(parts.every((p) => p.level === 1 && p.kind === 'part')).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps exactly the headings the numbering rule accepts (gaps ≤ MAX_GAP, no repeats, no steps back)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 40 }), (numbers) => {
        // The rule, independently: a series starts at 1, then each kept number is last+1 … last+MAX_GAP+1.
        const kept: number[] = [];
        for (const n of numbers) {
          const last = kept[kept.length - 1] ?? 0;
          if (last === 0 ? n === 1 : n > last && n <= last + MAX_GAP + 1) kept.push(n);
        }
        const parts = check(partsModel(numbers));
        expect(parts.map((p) => p.number)).toEqual(kept);
      }),
      { numRuns: 150 },
    );
  });

  it('nests mixed levels under the nearest open higher level, and thousands of headings stay well-formed', () => {
    const marker = (level: number, n: number) =>
      level === 1
        ? `${toChineseNumeral(n)}、`
        : level === 2
          ? `（${toChineseNumeral(n)}）`
          : level === 3
            ? `${n}.`
            : `（${n}）`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 15 })), {
            minLength: 1,
            maxLength: 60,
          }),
          fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 15 })), {
            minLength: 1000,
            maxLength: 3000,
          }),
        ),
        (headings) => {
          const sections = check(modelOfHtml(headings.map(([level, n]) => `<p>${marker(level, n)}标题</p>`).join('')));
          // Every kept heading is a direct child of a section of a smaller level (or at the top).
          const walk = (list: readonly Section[], parentLevel: number) => {
            for (const s of list) {
              expect(s.level).toBeGreaterThan(parentLevel);
              walk(s.children, s.level);
            }
          };
          walk(sections, 0);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('the bench page numerals', () => {
  it('toChineseNumeral (which bench/make-page.mjs numbers parts with) parses back for 1 … 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
