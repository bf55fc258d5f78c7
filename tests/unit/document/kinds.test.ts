// Kind words: any of the GB/T 9704 kinds, rules, plans and reviews ends a title; the longest wins;
// open letters and speeches are named but weak (signals.ts weighs them 1).
import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_KINDS, isDocumentTitleLine, kindOfTitle } from '../../../lib/document/kinds';

describe('kindOfTitle', () => {
  it.each([
    ['信息工程学院2024年党支部工作计划', '计划'],
    ['外国语学院课代表工作制度', '制度'],
    ['研究生学籍管理实施细则', '细则'],
    ['专业分流实施方案(试行)', '方案'],
    ['学生会章程', '章程'],
    ['实验室安全守则', '守则'],
    ['教师职业行为准则', '准则'],
    ['网络安全应急预案', '预案'],
    ['2024年工作要点', '要点'],
    ['关于期末考试的安排', '安排'],
    ['2023年度工作总结', '总结'],
    ['学术论文写作规范', '规范'],
    ['教学检查工作规则', '规则'],
    ['新生入学须知', '须知'],
    ['学校党委关于表彰先进的决议', '决议'],
    ['致全校家长的公开信', '公开信'],
    ['在开学典礼上的讲话', '讲话'],
    ['学院召开工作推进会', null],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });

  it('marks open letters and speeches as ambiguous, 公文 kinds not', () => {
    expect(AMBIGUOUS_KINDS.has('公开信')).toBe(true);
    expect(AMBIGUOUS_KINDS.has('讲话')).toBe(true);
    expect(AMBIGUOUS_KINDS.has('计划')).toBe(false);
  });

  it('takes a plan title line as a document title', () => {
    expect(isDocumentTitleLine('信息工程学院2024年党支部工作计划')).toBe(true);
    expect(isDocumentTitleLine('一、工作计划')).toBe(false);
  });
});
