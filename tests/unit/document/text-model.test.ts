import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../../lib/document/text-model';
import type { TextModel } from '../../../lib/document/types';
import { htmlDocument, LAYOUTS, loadFixture, SEED_LOGICAL_LINES } from './fixtures';
import { findArticleRoot } from '../../../lib/document/detect';

function lines(model: TextModel): string[] {
  return model.blocks.map((b) => model.text.slice(b.start, b.end));
}

function modelOf(body: string): TextModel {
  const doc = htmlDocument(`<div id="root">${body}</div>`);
  const root = doc.getElementById('root');
  if (!root) throw new Error('no root');
  return buildTextModel(root);
}

/** Every run maps its model chars to the same node chars, runs are ordered, separators are '\n'. */
function expectExactRuns(model: TextModel): void {
  let covered = 0;
  let prevEnd = 0;
  for (const run of model.runs) {
    expect(run.end).toBeGreaterThan(run.start);
    expect(run.start).toBeGreaterThanOrEqual(prevEnd);
    expect(model.text.slice(run.start, run.end)).toBe(
      run.node.data.slice(run.nodeStart, run.nodeStart + run.end - run.start),
    );
    for (let i = prevEnd; i < run.start; i++) expect(model.text[i]).toBe('\n');
    covered += run.end - run.start;
    prevEnd = run.end;
  }
  expect(prevEnd).toBe(model.text.length);
  const separators = model.text.split('').filter((c) => c === '\n').length;
  expect(covered + separators).toBe(model.text.length);
  expect(separators).toBe(model.blocks.length - 1);
}

describe('buildTextModel', () => {
  it('joins inline spans into one line and splits blocks', () => {
    const m = modelOf('<p><span>增强“四个</span><span>意识”</span>、坚定</p><p>第二<b>段</b></p>');
    expect(m.text).toBe('增强“四个意识”、坚定\n第二段');
    expect(lines(m)).toEqual(['增强“四个意识”、坚定', '第二段']);
    expect(m.blocks[0]?.element.tagName).toBe('P');
    expectExactRuns(m);
  });

  it('splits <br> lines and drops full-width and nbsp indents', () => {
    const m = modelOf('\n  \u3000\u3000第一行。<br>\n\u00a0\u00a0第二行。<br>第三　行。');
    expect(lines(m)).toEqual(['第一行。', '第二行。', '第三　行。']);
    expectExactRuns(m);
  });

  it('collapses ASCII whitespace and drops it at line ends', () => {
    const m = modelOf('<p>\n   Hello \n\t  world  </p><p>  a <span> b </span> c </p>');
    expect(lines(m)).toEqual(['Hello world', 'a b c']);
    expectExactRuns(m);
    // The kept space maps to the first whitespace char of its run.
    const run = m.runs.find((r) => m.text.slice(r.start, r.end).includes(' '));
    expect(run?.node.data.slice(run.nodeStart, run.nodeStart + run.end - run.start)).toBe('Hello ');
  });

  it('drops zero-width characters and soft hyphens but keeps control characters as text', () => {
    const m = modelOf('<p>四\u200b个\u00ad意\ufeff识</p><p>甲\u0001乙 \u200d 丙</p>');
    expect(lines(m)).toEqual(['四个意识', '甲\u0001乙 丙']);
    expectExactRuns(m);
  });

  it('keeps a mid-line full-width space and nbsp only when text follows', () => {
    const m = modelOf('<p>甲\u3000乙\u00a0<span>丙</span>\u3000</p><p>丁  <b> </b></p>');
    expect(lines(m)).toEqual(['甲\u3000乙\u00a0丙', '丁']);
    expectExactRuns(m);
  });

  it('keeps line breaks inside <pre> and collapses them elsewhere', () => {
    const m = modelOf('<pre>一、甲\n二、乙</pre><p>丙 \n丁</p>');
    expect(lines(m)).toEqual(['一、甲', '二、乙', '丙 丁']);
    expectExactRuns(m);
  });

  it('maps many tiny spans to one run each, in order', () => {
    const chars = [...'基层党组织切实发挥战斗堡垒作用'];
    const m = modelOf(`<p>${chars.map((c) => `<span>${c}</span>`).join('')}</p>`);
    expect(m.text).toBe(chars.join(''));
    expect(m.runs).toHaveLength(chars.length);
    expectExactRuns(m);
  });

  it('skips scripts, hidden parts, templates and our own UI', () => {
    const m = modelOf(
      '<p>甲<script>var x = "一、";</script><style>p{}</style>乙</p><div hidden>丙</div><div aria-hidden="true">丁</div>' +
        '<template><p>戊</p></template><gongwen-panel>己</gongwen-panel><noscript>庚</noscript><p>辛</p>',
    );
    expect(lines(m)).toEqual(['甲乙', '辛']);
    expectExactRuns(m);
  });

  it('treats table cells and list items as lines', () => {
    const m = modelOf('<table><tr><td>一</td><td>二</td></tr></table><ul><li>三</li><li>四</li></ul>');
    expect(lines(m)).toEqual(['一', '二', '三', '四']);
  });

  it('joins a long paragraph cut by a page break, but not headings, dates or blank-separated lines', () => {
    const long = '切实肩负起疫情防控第一责任人责任，从严从实从细担负起学院疫情防控工作的各级领导责任，时刻绷紧这';
    expect(lines(modelOf(`<p>${long}</p><p>根弦，既要当指挥员。</p>`))).toEqual([`${long}根弦，既要当指挥员。`]);
    expect(lines(modelOf(`<p>${long}</p><p>二、党员领导干部</p>`))).toHaveLength(2);
    expect(lines(modelOf(`<p>${long}</p><p>要主动率先垂范。作为党员</p>`))).toHaveLength(2);
    expect(lines(modelOf(`<p>${long}</p><p>2022年10月6日</p>`))).toHaveLength(2);
    expect(lines(modelOf(`<p>${long}</p><p>中共西安海棠职业学院委员会办公室</p>`))).toHaveLength(2);
    expect(lines(modelOf(`<p>${long}</p><p>&nbsp;</p><p>根弦。</p>`))).toHaveLength(2);
    expect(lines(modelOf(`${long}<br><br>根弦。`))).toHaveLength(2);
    expect(lines(modelOf(`${long}<br>\u3000\u3000新段落。`))).toHaveLength(2);
    expect(lines(modelOf('<p>致学院全体师生党员的疫情防控倡议书</p><p>各基层党组织、全体党员：</p>'))).toHaveLength(2);
    const heading = '一、基层党组织切实发挥战斗堡垒作用，做组织引领的旗帜并且继续写得很长很长很长';
    expect(lines(modelOf(`<p>${heading}</p><p>切实发挥好基层党组织战斗堡垒作用。</p>`))).toHaveLength(2);
    expect(lines(modelOf(`<p>${long}。</p><p>根弦。</p>`))).toHaveLength(2);
  });

  it('gives an empty model for an empty element', () => {
    const m = modelOf('<p> </p><div>\u3000</div>');
    expect(m.text).toBe('');
    expect(m.runs).toHaveLength(0);
    expect(m.blocks).toHaveLength(0);
  });

  it.each(LAYOUTS)('reads the seed from %s with exactly the two page-break joins', (name) => {
    const doc = loadFixture(name);
    const root = findArticleRoot(doc);
    if (!root) throw new Error('no article root');
    const m = buildTextModel(root);
    // The old table layout keeps its '2022-10-08 16:30 党委办公室' info row inside the article table.
    const text = lines(m).filter((l) => !/^\d{4}-\d\d-\d\d /.test(l));
    expect(text).toEqual(SEED_LOGICAL_LINES);
    if (name !== 'table-layout.html') expect(m.text).toBe(SEED_LOGICAL_LINES.join('\n'));
    expectExactRuns(m);
  });

  it('keeps the spans of the CMS layout as many runs', () => {
    const doc = loadFixture('cms-spans.html');
    const root = doc.querySelector('.v_news_content');
    if (!root) throw new Error('fixture');
    const m = buildTextModel(root);
    expect(m.runs.length).toBeGreaterThan(200);
    expect(m.text).toContain('增强“四个意识”、坚定“四个自信”');
  });

  it('reads a large page in one pass (speed itself is measured by npm run bench)', () => {
    const para = '<p>各基层党组织要认真做好疫情防控宣传教育引导工作，主动宣传疫情防控要求。</p>';
    const doc = htmlDocument(`<div id="root">${para.repeat(20000)}</div>`);
    const root = doc.getElementById('root');
    if (!root) throw new Error('no root');
    const m = buildTextModel(root);
    expect(m.blocks).toHaveLength(20000);
  });
});
