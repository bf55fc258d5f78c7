// Pointer pages: 见附件 and a PDF/Word link in one short block, and nothing else, get the offer;
// news with a PDF, long articles and spreadsheets alone do not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointerAttachments } from '../../../lib/attachments/pointer-page';

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = `<div class="nav"><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>${body}<div class="foot">版权所有</div>`;
  return doc;
}

function fixture(name: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(path.join('tests/fixtures', name), 'utf8').replace(
    /^<!DOCTYPE html>/i,
    '',
  );
  return doc;
}

describe('pointerAttachments', () => {
  it('offers the PDF of a 详见附件 page', () => {
    const links = pointerAttachments(fixture('pointer-only.html'));
    expect(links.map((l) => [l.name, l.type])).toEqual([['江州理工学院2026年工作要点.pdf', 'pdf']]);
  });

  it('leaves a news story that links a PDF but says no 见附件', () => {
    expect(pointerAttachments(fixture('news-with-pdf.html'))).toEqual([]);
  });

  it('leaves a notice whose attachments follow its own text', () => {
    expect(pointerAttachments(fixture('notice-attachments.html'))).toEqual([]);
  });

  it('takes 见附件 and 具体要求见附件 too, and Word files', () => {
    const doc = page(
      '<div class="article"><p>具体要求见附件。</p><p><a href="/f/办法.docx">实施办法.docx</a></p></div>',
    );
    expect(pointerAttachments(doc).map((l) => l.type)).toEqual(['docx']);
  });

  it('does not offer a spreadsheet-only pointer', () => {
    expect(
      pointerAttachments(page('<div class="article"><p>详见附件。</p><a href="/f/名单.xls">名单.xls</a></div>')),
    ).toEqual([]);
  });

  it('does not count 见附件 inside the link itself', () => {
    expect(
      pointerAttachments(page('<div class="article"><p>会议材料</p><a href="/f/a.pdf">详见附件.pdf</a></div>')),
    ).toEqual([]);
  });

  it('does not take a long article that ends 详见附件 for a pointer', () => {
    const long =
      '<p>' + '学校召开专题会议研究部署有关工作，会议强调要提高认识、压实责任、狠抓落实。'.repeat(20) + '</p>';
    expect(
      pointerAttachments(page(`<div class="article">${long}<p>详见附件。</p><a href="/f/a.pdf">a.pdf</a></div>`)),
    ).toEqual([]);
  });

  it('does not join words and a link that only meet at the body', () => {
    expect(pointerAttachments(page('<p>详见附件</p><a href="/f/a.pdf">a.pdf</a>'))).toEqual([]);
  });
});
