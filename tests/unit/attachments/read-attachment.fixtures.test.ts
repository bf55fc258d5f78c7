// Every format of our four 公文 (tests/fixtures/attachments, made by scripts/make-attachment-fixtures.mjs)
// read to paragraphs, and the paragraphs detected as a document with the right outline.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readAttachment } from '../../../lib/attachments/read-attachment';
import { extractPdf } from '../../../lib/attachments/pdf';
import { renderDocument } from '../../../lib/attachments/render-document';
import { readDocument } from '../../../lib/document/detect';

const load = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/attachments', name)));
const readPdf = (bytes: Uint8Array) =>
  extractPdf(pdfjs, bytes, { cMapUrl: `${path.resolve('node_modules/pdfjs-dist/cmaps')}/` });

const EXPECT = {
  initiative: {
    title: '致学院全体师生党员的疫情防控倡议书',
    parts: [
      '一、基层党组织切实发挥战斗堡垒作用',
      '二、党员领导干部切实扛起防疫工作职责',
      '三、广大师生党员切实发挥先锋模范作用',
    ],
  },
  regulation: { title: '海棠职业学院学生宿舍管理办法', parts: ['第一章', '第二章', '第三章', '第四章'] },
  forwarding: {
    title: '关于转发《省教育厅关于做好2024年高校毕业生就业工作的通知》的通知',
    parts: ['一、提高思想认识', '二、拓宽就业渠道', '三、做好就业指导'],
  },
  'work-points': {
    title: '海棠职业学院2024年工作要点',
    parts: [
      '一、加强党的建设',
      '二、深化教育教学改革',
      '三、推进产教融合',
      '四、加强师资队伍建设',
      '五、提升管理服务水平',
    ],
  },
};

describe.each(['pdf', 'docx', 'doc'])('%s fixtures', { timeout: 60_000 }, (ext) => {
  it.each(Object.entries(EXPECT))('%s: title and every part found', async (stem, want) => {
    const extracted = await readAttachment(load(`${stem}.${ext}`), { readPdf });
    const doc = document.implementation.createHTMLDocument('t');
    const { article, title } = renderDocument(doc, extracted.blocks);
    doc.body.append(article);
    expect(title?.replace(/\s/g, '')).toBe(want.title);
    const found = readDocument(doc);
    expect(found, extracted.blocks.map((b) => b.text).join('\n')).not.toBeNull();
    const headings = found!.document.sections.map((s) => s.heading.replace(/\s/g, ''));
    expect(headings.length).toBe(want.parts.length);
    want.parts.forEach((part, i) => expect(headings[i]).toContain(part.replace(/\s/g, '')));
    // No page-number lines left in the text.
    expect(extracted.blocks.some((b) => /^—\s*\d+\s*—$/.test(b.text))).toBe(false);
  });
});
