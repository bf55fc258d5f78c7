// Anchors: made from a text offset, re-found after insertions, small edits and removals.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../lib/document/types';
import { createAnchor, deepestSectionAt, resolveAnchor } from '../../../lib/reading/anchor';

const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/seed/initiative.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .join('\n');

function section(id: string, start: number, end: number, children: Section[] = []): Section {
  return {
    id,
    kind: 'part',
    level: 1,
    marker: '',
    number: 1,
    heading: id,
    headingStart: start,
    headingEnd: start + 1,
    start,
    end,
    children,
  };
}

const p2Start = text.indexOf('二、');
const p3Start = text.indexOf('三、');
const k2Start = text.indexOf('要强化领导责任');
const sections: Section[] = [
  section('p1', text.indexOf('一、'), p2Start),
  section('p2', p2Start, p3Start, [
    section('p2.k1', text.indexOf('要主动率先垂范'), k2Start),
    section('p2.k2', k2Start, p3Start),
  ]),
  section('p3', p3Start, text.length),
];

describe('createAnchor', () => {
  it('stores quote, context, offset and the deepest section', () => {
    const offset = k2Start + 10;
    const anchor = createAnchor(text, sections, offset);
    expect(anchor.sectionId).toBe('p2.k2');
    expect(anchor.quote).toBe(text.slice(offset, offset + 32));
    expect(anchor.prefix).toBe(text.slice(offset - 32, offset));
    expect(anchor.suffix).toBe(text.slice(offset + 32, offset + 64));
    expect(anchor.offset).toBe(offset);
  });

  it('clamps offsets and has no section in the preamble', () => {
    expect(createAnchor(text, sections, -5).offset).toBe(0);
    expect(createAnchor(text, sections, 0).sectionId).toBeNull();
    expect(createAnchor(text, sections, text.length + 10)).toMatchObject({ offset: text.length, quote: '' });
    expect(deepestSectionAt(sections, p3Start)?.id).toBe('p3');
  });
});

describe('resolveAnchor', () => {
  const offset = k2Start + 40;
  const anchor = createAnchor(text, sections, offset);

  it('finds an unchanged text exactly', () => {
    expect(resolveAnchor(text, sections, anchor)).toEqual({ offset, confidence: 'exact' });
  });

  it('follows text inserted before the position', () => {
    const inserted = '【通知】本文已于今日更新，请注意查看。\n';
    const edited = text.slice(0, 100) + inserted + text.slice(100);
    expect(resolveAnchor(edited, sections, anchor)).toEqual({ offset: offset + inserted.length, confidence: 'exact' });
  });

  it('finds the position after a small edit inside the quote, as approximate', () => {
    const edited = text.slice(0, offset + 5) + 'X' + text.slice(offset + 6, offset + 20) + text.slice(offset + 21);
    const found = resolveAnchor(edited, sections, anchor);
    expect(found?.confidence).toBe('approximate');
    expect(Math.abs((found?.offset ?? -99) - offset)).toBeLessThanOrEqual(1);
  });

  it('finds a moved section by its quote when the context changed', () => {
    const edited = text.slice(0, offset - 5) + '插入内容' + text.slice(offset - 5);
    const found = resolveAnchor(edited, sections, anchor);
    expect(found).toEqual({ offset: offset + 4, confidence: 'exact' }); // unique long quote
  });

  it('returns null when the passage was removed', () => {
    const edited = text.slice(0, offset - 40) + text.slice(offset + 200);
    expect(resolveAnchor(edited, sections, anchor)).toBeNull();
  });

  it('picks the occurrence nearest the stored offset when the quote repeats', () => {
    const unit = '甲乙丙丁戊己庚辛壬癸'.repeat(4) + '\n';
    const repeated = unit.repeat(6);
    const a = createAnchor(repeated, [], unit.length * 3);
    const shifted = 'ABC' + repeated;
    expect(resolveAnchor(shifted, [], a)?.offset).toBe(unit.length * 3 + 3);
  });

  it('anchors at the very end of the text by its prefix', () => {
    const end = createAnchor(text, sections, text.length);
    expect(resolveAnchor(text + '\n附件：无', sections, end)).toEqual({ offset: text.length, confidence: 'exact' });
  });

  it('handles an empty text', () => {
    expect(resolveAnchor('', [], createAnchor('', [], 0))).toEqual({ offset: 0, confidence: 'exact' });
  });
});
