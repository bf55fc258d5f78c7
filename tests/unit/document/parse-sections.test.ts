import { describe, expect, it } from 'vitest';
import { toChineseNumeral } from '../../../lib/document/chinese-numerals';
import { readDocument } from '../../../lib/document/detect';
import { parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import type { Section, TextModel } from '../../../lib/document/types';
import { htmlDocument, LAYOUTS, loadFixture } from './fixtures';

function modelOf(lines: readonly string[]): TextModel {
  const doc = htmlDocument(`<div id="root">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`);
  const root = doc.getElementById('root');
  if (!root) throw new Error('no root');
  return buildTextModel(root);
}

interface Shape {
  id: string;
  heading: string;
  children?: Shape[];
}
function shape(sections: readonly Section[]): Shape[] {
  return sections.map((s) =>
    s.children.length > 0
      ? { id: s.id, heading: s.heading, children: shape(s.children) }
      : { id: s.id, heading: s.heading },
  );
}

describe('parseSections on the seed', () => {
  it.each(LAYOUTS)('%s: 3 parts with 3/2/2 sub-points, headings as printed', (name) => {
    const found = readDocument(loadFixture(name));
    if (!found) throw new Error('not detected');
    const { model, document: doc } = found;
    const parts = doc.sections;
    expect(parts.map((p) => p.heading)).toEqual([
      '一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜',
      '二、党员领导干部切实扛起防疫工作职责，做担当作为的旗帜',
      '三、广大师生党员切实发挥先锋模范作用，作行动表率的旗帜',
    ]);
    expect(parts.map((p) => [p.id, p.kind, p.level, p.marker, p.number])).toEqual([
      ['p1', 'part', 1, '一、', 1],
      ['p2', 'part', 1, '二、', 2],
      ['p3', 'part', 1, '三、', 3],
    ]);
    expect(parts.map((p) => p.children.length)).toEqual([3, 2, 2]);
    const first = parts[0]?.children[0];
    expect(first).toMatchObject({
      id: 'p1.k1',
      kind: 'point',
      level: 2,
      marker: '',
      number: 1,
      heading: '要强化政治意识，严明组织责任。',
    });
    expect(parts[1]?.children.map((c) => c.heading)).toEqual(['要主动率先垂范。', '要强化领导责任。']);
    expect(parts[2]?.children.map((c) => c.id)).toEqual(['p3.k1', 'p3.k2']);

    for (const s of [...parts, ...parts.flatMap((p) => p.children)]) {
      expect(model.text.slice(s.headingStart, s.headingEnd)).toBe(s.heading);
      expect(s.start).toBe(s.headingStart);
      expect(s.end).toBeGreaterThan(s.headingEnd);
    }
    // A part ends where the next begins; sub-points tile their part after its first paragraph.
    expect(parts[0]?.end).toBe(parts[1]?.start);
    expect(parts[1]?.end).toBe(parts[2]?.start);
    expect(parts[0]?.children[2]?.end).toBe(parts[1]?.start);
    expect(parts[0]?.children[0]?.end).toBe(parts[0]?.children[1]?.start);
    // The body ends before the signature and date.
    const last = parts[2];
    expect(model.text.slice(0, last?.end)).toMatch(/高高飘扬！$/);
    expect(last?.children[1]?.end).toBe(last?.end);
  });
});

describe('parseSections on synthetic documents', () => {
  it('nests （一） / 1. / （1） and gives numbering-path ids', () => {
    const m = modelOf([
      '标题',
      '一、总体要求',
      '（一）指导思想',
      '正文。',
      '（二）工作目标',
      '1.目标一',
      '（1）细目一',
      '（2）细目二',
      '2．目标二',
      '要加强领导。各单位要成立专班，认真落实。',
      '二、主要任务',
      '1、直接在一下的三级',
      '（一）再来二级',
    ]);
    expect(shape(parseSections(m))).toEqual([
      {
        id: 'p1',
        heading: '一、总体要求',
        children: [
          { id: 'p1.1', heading: '（一）指导思想' },
          {
            id: 'p1.2',
            heading: '（二）工作目标',
            children: [
              {
                id: 'p1.2.1',
                heading: '1.目标一',
                children: [
                  { id: 'p1.2.1.1', heading: '（1）细目一' },
                  { id: 'p1.2.1.2', heading: '（2）细目二' },
                ],
              },
              { id: 'p1.2.2', heading: '2．目标二', children: [{ id: 'p1.2.2.k1', heading: '要加强领导。' }] },
            ],
          },
        ],
      },
      {
        id: 'p2',
        heading: '二、主要任务',
        children: [
          { id: 'p2.0.1', heading: '1、直接在一下的三级' },
          { id: 'p2.1', heading: '（一）再来二级' },
        ],
      },
    ]);
    const p2 = parseSections(m)[1];
    expect(p2?.children[0]?.level).toBe(3);
    expect(p2?.children[0]?.end).toBe(p2?.children[1]?.start);
  });

  it('ignores a repeated or backwards 一、 and keeps going over a small numbering gap', () => {
    const m = modelOf([
      '一、第一部分',
      '正文。',
      '一、重复的一',
      '二、第二部分',
      '四、跳过了三',
      '二、倒退',
      '九、太远的跳跃',
      '五、第五部分',
    ]);
    const parts = parseSections(m);
    expect(parts.map((p) => p.heading)).toEqual(['一、第一部分', '二、第二部分', '四、跳过了三', '五、第五部分']);
    expect(parts.map((p) => p.id)).toEqual(['p1', 'p2', 'p4', 'p5']);
    // The ignored lines stay in the body of the part before them.
    expect(m.text.slice(parts[0]?.start, parts[0]?.end)).toContain('一、重复的一');
  });

  it('needs a series to start at 一 (or 1)', () => {
    expect(parseSections(modelOf(['二、没有一', '三、也不算']))).toEqual([]);
    expect(parseSections(modelOf(['要加强领导。前言里的要不是子项。', '一、开始']))).toHaveLength(1);
    expect(parseSections(modelOf(['一、开始', '（二）没有（一）'])).at(0)?.children).toEqual([]);
  });

  it('handles thousands of headings at every level', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 300; i++) {
      lines.push(`${toChineseNumeral(i)}、第${i}部分`);
      for (let j = 1; j <= 5; j++) lines.push(`（${toChineseNumeral(j)}）小节`, '1.条目', '要抓好落实。正文正文正文。');
    }
    const m = modelOf(lines);
    const parts = parseSections(m);
    expect(parts).toHaveLength(300);
    expect(parts[299]?.id).toBe('p300');
    expect(parts[299]?.heading).toBe('三百、第300部分');
    expect(parts[299]?.children[4]?.children[0]?.children[0]?.id).toBe('p300.5.1.k1');
  });
});
