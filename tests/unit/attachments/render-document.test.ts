// The rebuilt document page: the title an h1, heading lines marked for their GB/T 9704 faces
// (一、 / 第一章 黑体, （一） 楷体), run-in headings and articles left as body text, text as text.
import { describe, expect, it } from 'vitest';
import { headingLevel, renderDocument } from '../../../lib/attachments/render-document';

describe('renderDocument', () => {
  it('marks part and sub-part heading lines, not run-in headings or articles', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const { article, title } = renderDocument(doc, [
      { text: '海棠职业学院关于推进重点工作的实施意见', centered: true },
      { text: '各二级学院、各部门：' },
      { text: '一、总体要求' },
      { text: '（一）工作目标' },
      { text: '（二）各单位要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的教育方针。' },
      { text: '第一章 总则' },
      { text: '第一条 为规范管理，制定本办法。' },
      { text: '海棠职业学院办公室', centered: true },
    ]);
    expect(title).toBe('海棠职业学院关于推进重点工作的实施意见');
    const [h1, ...ps] = [...article.children];
    expect(h1!.tagName).toBe('H1');
    expect(ps.map((p) => p.className)).toEqual([
      '',
      'gw-heading gw-heading-1',
      'gw-heading gw-heading-2',
      '',
      'gw-heading gw-heading-1',
      '',
      'gw-center',
    ]);
  });

  it('sets file text as text, never as markup', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const { article } = renderDocument(doc, [{ text: '标题' }, { text: '一、<b onclick="x()">要求</b>' }]);
    expect(article.querySelector('b')).toBeNull();
    expect(article.textContent).toContain('<b onclick="x()">要求</b>');
  });

  it("takes a Word heading style's level where the line has no marker", () => {
    expect(headingLevel({ text: '总体要求', level: 1 })).toBe(1);
    expect(headingLevel({ text: '总体要求' })).toBe(0);
    expect(headingLevel({ text: '一、总体要求。各单位要按时完成。' })).toBe(0);
  });
});
