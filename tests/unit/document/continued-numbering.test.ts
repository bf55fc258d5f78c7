import { describe, expect, it } from 'vitest';
import {
  continuesSeries,
  lastChildBefore,
  markerShape,
  restartsInPart,
  type LineNumber,
  type PartLike,
} from '../../../lib/document/continued-numbering';
import { parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import type { Section } from '../../../lib/document/types';
import { htmlDocument } from './fixtures';

function outlineOf(lines: readonly string[]): Section[] {
  const doc = htmlDocument(`<div id="root">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`);
  const root = doc.getElementById('root');
  if (!root) throw new Error('no root');
  return parseSections(buildTextModel(root));
}

/** Part heading → its direct children's headings. */
function tree(parts: readonly Section[]): Record<string, string[]> {
  return Object.fromEntries(parts.map((p) => [p.heading, p.children.map((c) => c.heading)]));
}

// A 工作要点 in the image of the ones portals publish: the items are numbered straight through the parts.
const WORK_POINTS = [
  '学院2025年党建工作要点',
  '各党支部：',
  '现将学院2025年党建工作要点印发给你们，请结合实际认真贯彻落实。',
  '一、强化理论武装',
  '1、深入开展专题学习，全年组织集中学习不少于十次。',
  '2、健全中心组学习制度，做好学习记录。',
  '二、夯实基层组织',
  '3、规范支部组织生活，按时召开组织生活会。',
  '4、做好发展党员工作，严把政治标准。',
  '三、加强作风建设',
  '持续纠治形式主义、官僚主义，为师生办实事。',
  '四、抓好工作落实',
  '5、各支部每季度报送一次工作进展。',
  '学院党委',
  '2025年2月20日',
];

describe('sub-points numbered straight through the parts', () => {
  it('3、4、 under 二、 continue 1、2、 under 一、, past a part with no items', () => {
    const parts = outlineOf(WORK_POINTS);
    expect(tree(parts)).toEqual({
      '一、强化理论武装': [
        '1、深入开展专题学习，全年组织集中学习不少于十次。',
        '2、健全中心组学习制度，做好学习记录。',
      ],
      '二、夯实基层组织': ['3、规范支部组织生活，按时召开组织生活会。', '4、做好发展党员工作，严把政治标准。'],
      '三、加强作风建设': [],
      '四、抓好工作落实': ['5、各支部每季度报送一次工作进展。'],
    });
    expect(parts[1]!.children.map((c) => [c.id, c.number])).toEqual([
      ['p2.0.3', 3],
      ['p2.0.4', 4],
    ]);
    // Each item ends where the next part starts: no item runs on into the part after it.
    expect(parts[0]!.children[1]!.end).toBe(parts[1]!.start);
  });

  it('（三）（四） under 二、 continue （一）（二） under 一、', () => {
    const parts = outlineOf([
      '倡议书',
      '全体师生：',
      '一、节约每一粒粮食',
      '（一）按需取餐，不剩饭菜。',
      '（二）外出就餐时适量点餐。',
      '二、节约每一度电',
      '（三）人走灯灭，随手关闭电源。',
      '（四）合理设置空调温度。',
      '总务处',
      '2024年9月1日',
    ]);
    expect(parts.map((p) => p.children.map((c) => c.marker))).toEqual([
      ['（一）', '（二）'],
      ['（三）', '（四）'],
    ]);
  });

  it('a stray 3、 that continues nothing stays body text', () => {
    // No items before it at all.
    const alone = outlineOf(['一、总体要求', '正文。', '二、主要任务', '3、这是正文中的编号。', '三、保障措施']);
    expect(alone.every((p) => p.children.length === 0)).toBe(true);
    // A gap after 2、 is no continuation (a series' own steps may skip, its continuation may not).
    const gap = outlineOf(['一、总体要求', '1、第一项', '2、第二项', '二、主要任务', '5、跳到五']);
    expect(gap[1]!.children).toEqual([]);
    // Printed another way (3. after 2、) it is not the same series.
    const shape = outlineOf(['一、总体要求', '1、第一项', '2、第二项', '二、主要任务', '3.另一种编号']);
    expect(shape[1]!.children).toEqual([]);
  });

  it('a part that starts its items afresh keeps them; a 3、 before its 1、 is body text', () => {
    const parts = outlineOf([
      '一、总体要求',
      '1、第一项',
      '2、第二项',
      '二、主要任务',
      '3、引用上文第三点的正文。',
      '1、重新编号的第一项',
      '2、重新编号的第二项',
    ]);
    expect(tree(parts)['二、主要任务']).toEqual(['1、重新编号的第一项', '2、重新编号的第二项']);
  });

  it('numbering that restarts in each part reads as before', () => {
    const parts = outlineOf(['一、甲', '1、一', '2、二', '二、乙', '1、一', '2、二', '3、三']);
    expect(parts.map((p) => p.children.length)).toEqual([2, 3]);
  });
});

describe('continued-numbering helpers', () => {
  it('markerShape drops the numeral and reads half and full width alike', () => {
    expect(markerShape('3、')).toBe('、');
    expect(markerShape('（三）')).toBe(markerShape('(四)'));
    expect(markerShape('4．')).toBe(markerShape('5.'));
    expect(markerShape('3、')).not.toBe(markerShape('3.'));
  });

  it('continuesSeries wants exactly the next number, printed the same way', () => {
    const before = { number: 2, marker: '2、' };
    expect(continuesSeries(before, 3, '3、')).toBe(true);
    expect(continuesSeries(before, 4, '4、')).toBe(false);
    expect(continuesSeries(before, 3, '3.')).toBe(false);
    expect(continuesSeries(undefined, 3, '3、')).toBe(false);
  });

  it('lastChildBefore passes over parts with no items and stops at one with other items', () => {
    const part = (rank: number, children: PartLike[], last: Record<string, number> = {}): PartLike => ({
      kind: 'part',
      rank,
      number: 0,
      marker: '',
      children,
      lastChild: new Map(Object.entries(last)),
    });
    const item = (n: number): PartLike => ({ ...part(3, []), number: n, marker: `${n}、` });
    const one = part(1, [item(1), item(2)], { l3: 2 });
    const empty = part(1, []);
    const current = part(1, []);
    expect(lastChildBefore([one, empty, current], current, 3, 'l3')).toMatchObject({ number: 2, marker: '2、' });
    const other = part(1, [part(2, [])], { l2: 1 });
    expect(lastChildBefore([one, other, current], current, 3, 'l3')).toBeUndefined();
  });

  it('restartsInPart looks only as far as the next heading of the part’s rank', () => {
    const read = (line: string): LineNumber | null => {
      const m = /^(一|二|1|3)、/.exec(line);
      if (!m) return null;
      return /^[一二]/.test(m[1]!)
        ? { series: 'l1', rank: 1, number: m[1] === '一' ? 1 : 2 }
        : { series: 'l3', rank: 3, number: Number(m[1]) };
    };
    expect(restartsInPart(['正文', '1、一'], 0, 2, 1, 'l3', read)).toBe(true);
    expect(restartsInPart(['正文', '二、下一部分', '1、一'], 0, 3, 1, 'l3', read)).toBe(false);
    expect(restartsInPart(['3、三'], 0, 1, 1, 'l3', read)).toBe(false);
  });
});
