import { describe, expect, it } from 'vitest';
import { bareMarkerTail, headingText, isBareMarker, matchHeading, matchSubPoint } from '../../../lib/document/headings';
import { SEED_LOGICAL_LINES } from './fixtures';

describe('matchHeading', () => {
  it.each([
    ['一、基层党组织切实发挥战斗堡垒作用', 1, '一、', 1],
    ['十二、附则', 1, '十二、', 12],
    ['（一）加强组织领导', 2, '（一）', 1],
    ['(三)压实责任', 2, '(三)', 3],
    ['（十）其他', 2, '（十）', 10],
    ['1.成立工作专班', 3, '1.', 1],
    ['2．明确分工', 3, '2．', 2],
    ['3、落实到人', 3, '3、', 3],
    ['１２.全角数字', 3, '１２.', 12],
    ['（1）每日报告', 4, '（1）', 1],
    ['(12)按时上报', 4, '(12)', 12],
  ] as const)('%s', (line, level, marker, number) => {
    expect(matchHeading(line)).toEqual({ level, marker, number });
  });

  it.each([
    '当前，校园防控形势严峻复杂',
    '2022.10.6',
    '1.5倍的力度',
    '一是要压实责任',
    '〇、无效',
    '各基层党组织、全体党员：',
    '从一、二年级学生入手',
    '',
  ])('body text %j is no heading', (line) => {
    expect(matchHeading(line)).toBeNull();
  });

  it('gives the run-in lead sentence as heading text', () => {
    expect(headingText('1.加强领导。各单位要成立专班。')).toBe('1.加强领导。');
    expect(headingText('一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜')).toBe(
      '一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜',
    );
    expect(headingText('（一）加强组织领导。')).toBe('（一）加强组织领导。');
  });
});

describe('matchSubPoint', () => {
  it('finds a short lead sentence', () => {
    expect(matchSubPoint('要强化政治意识，严明组织责任。全院各基层党组织要深刻认识')).toBe(
      '要强化政治意识，严明组织责任。',
    );
    expect(matchSubPoint('要主动率先垂范。作为党员领导干部')).toBe('要主动率先垂范。');
  });

  it('ignores a long paragraph that merely starts with 要', () => {
    expect(
      matchSubPoint('要充分认识疫情防控工作的极端重要性和紧迫性，切实肩负起疫情防控“第一责任人”责任。'),
    ).toBeNull();
    expect(matchSubPoint('要')).toBeNull();
    expect(matchSubPoint('各基层党组织要讲政治。')).toBeNull();
  });

  it('finds exactly the seven sub-points of the seed', () => {
    const leads = SEED_LOGICAL_LINES.map(matchSubPoint).filter((s) => s !== null);
    expect(leads).toEqual([
      '要强化政治意识，严明组织责任。',
      '要坚持问题导向，严抓工作落实。',
      '要强化宣传教育，关心关爱师生。',
      '要主动率先垂范。',
      '要强化领导责任。',
      '要严格要求自己，带头遵规守纪。',
      '要发挥先锋作用，带头履行义务。',
    ]);
  });
});

describe('bare article and chapter markers (第X条 / 第X章 alone on their line)', () => {
  it('knows a line that is its marker alone, trailing spaces included', () => {
    expect(isBareMarker('第三条', '第三条')).toBe(true);
    expect(isBareMarker('第3条\u3000 ', '第3条')).toBe(true);
    expect(isBareMarker('第三条 为规范管理', '第三条')).toBe(false);
  });

  it("takes an article's first clause and a chapter's short title from the next line", () => {
    expect(bareMarkerTail('article', '为加强管理，制定本规定。')).toBe('为加强管理');
    expect(bareMarkerTail('chapter', '总　则')).toBe('总　则');
    expect(bareMarkerTail('chapter', '为加强管理，制定本规定。')).toBeNull();
    expect(bareMarkerTail('chapter', '   ')).toBeNull();
    expect(bareMarkerTail('article', '')).toBeNull();
  });
});
