// .docx details the fixtures do not cover: Word's automatic numbering (第一条 / 一、 are not in the
// text), centring and outline levels from styles, deleted text left out.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { extractDocx } from '../../../lib/attachments/docx';
import { formatNumber } from '../../../lib/attachments/word-numbering';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, ppr = '') =>
  `<w:p><w:pPr>${ppr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

function docx(body: string): Uint8Array {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style></w:styles>`;
  return zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    'word/numbering.xml': strToU8(numbering),
    'word/styles.xml': strToU8(styles),
  });
}

describe('extractDocx', () => {
  it('writes out automatic numbering: 第一条, 第二条; 一、（一）（二）二、', () => {
    const { blocks } = extractDocx(
      docx(
        [
          para('管理办法', '<w:pStyle w:val="T"/>'),
          para('为加强管理，制定本办法。', num(1)),
          para('本办法适用于全体学生。', num(1)),
          para('总体要求', num(2)),
          para('坚持立德树人', num(2, 1)),
          para('深化改革', num(2, 1)),
          para('重点任务', num(2)),
          para('细则', num(2, 1)),
        ].join(''),
      ),
    );
    expect(blocks.map((b) => b.text)).toEqual([
      '管理办法',
      '第一条为加强管理，制定本办法。',
      '第二条本办法适用于全体学生。',
      '一、总体要求',
      '（一）坚持立德树人',
      '（二）深化改革',
      '二、重点任务',
      '（一）细则',
    ]);
    expect(blocks[0]!.centered).toBe(true);
  });

  it('keeps centring and outline levels, leaves deleted text and field codes out, decodes entities', () => {
    const { blocks } = extractDocx(
      docx(
        [
          para('附件', '<w:jc w:val="center"/>'),
          para('第一部分', '<w:outlineLvl w:val="0"/>'),
          para('标题', '<w:pStyle w:val="H1"/>'),
          `<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>A&amp;B</w:t></w:r></w:p>`,
        ].join(''),
      ),
    );
    expect(blocks).toEqual([
      { text: '附件', centered: true },
      { text: '第一部分', level: 1 },
      { text: '标题', level: 1 },
      { text: '保留A&B' },
    ]);
  });

  it('formats Word number formats', () => {
    expect(formatNumber(12, 'chineseCounting')).toBe('十二');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(7, 'decimal')).toBe('7');
  });
});
