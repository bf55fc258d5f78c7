// Attachment links: the three ways portals link files, names and types as readers say them, and
// what is not an attachment (pages, images, scripts, mail).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleAttachments, attachmentOf, findAttachmentLinks, isVsbDownload } from '../../../lib/attachments/links';

const BASE = 'https://www.example.edu.cn/info/1021/8895.htm';

function anchors(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

function fixture(name: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(path.join('tests/fixtures', name), 'utf8').replace(
    /^<!DOCTYPE html>/i,
    '',
  );
  return doc;
}

describe('attachmentOf', () => {
  it('takes a VSB/博达 download.jsp link by its text, resolving the URL', () => {
    const root = anchors(
      '<a href="../../system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;owner=1391370217&amp;wbfileid=2801149">附件1：国家奖学金申请审批表.doc</a>',
    );
    expect(attachmentOf(root.querySelector('a')!, BASE)).toEqual({
      name: '附件1：国家奖学金申请审批表.doc',
      type: 'doc',
      url: 'https://www.example.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1391370217&wbfileid=2801149',
      openable: true,
    });
  });

  it('takes a WebPlus /_upload/ link by its URL and names it by its text', () => {
    const root = anchors(
      "<a href='/_upload/article/files/7e/c3/0c7e/59939993-20ce.docx' title='商户设立申请表（2019版）'>商户设立申请表（2019版）</a>",
    );
    const link = attachmentOf(root.querySelector('a')!, BASE)!;
    expect(link).toMatchObject({ name: '商户设立申请表（2019版）', type: 'docx', openable: true });
    expect(link.url).toBe('https://www.example.edu.cn/_upload/article/files/7e/c3/0c7e/59939993-20ce.docx');
  });

  it('names a file by its title, then its URL, when the text only says download', () => {
    const byTitle = anchors('<a href="/files/a1.pdf" title="2026年工作要点">点击下载</a>');
    expect(attachmentOf(byTitle.querySelector('a')!, BASE)!.name).toBe('2026年工作要点');
    const byUrl = anchors('<a href="/files/%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9.pdf">下载</a>');
    expect(attachmentOf(byUrl.querySelector('a')!, BASE)!.name).toBe('工作要点.pdf');
  });

  it('lists spreadsheets and archives but does not offer them', () => {
    for (const [href, type] of [
      ['/f/a.xls', 'xls'],
      ['/f/b.XLSX', 'xlsx'],
      ['/f/c.zip', 'zip'],
    ] as const) {
      const link = attachmentOf(anchors(`<a href="${href}">名单</a>`).querySelector('a')!, BASE)!;
      expect(link).toMatchObject({ type, openable: false });
    }
  });

  it('knows .wps and .rtf as documents', () => {
    expect(attachmentOf(anchors('<a href="/f/x.wps">通知</a>').querySelector('a')!, BASE)).toMatchObject({
      type: 'wps',
      openable: true,
    });
    expect(attachmentOf(anchors('<a href="/f/x.rtf">通知</a>').querySelector('a')!, BASE)).toMatchObject({
      type: 'rtf',
      openable: true,
    });
  });

  it('takes a download.jsp link without an extension as a file for the viewer to sniff', () => {
    const root = anchors(
      '<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;owner=1&amp;wbfileid=9">实施办法</a>',
    );
    expect(attachmentOf(root.querySelector('a')!, BASE)).toMatchObject({
      name: '实施办法',
      type: 'file',
      openable: true,
    });
  });

  it('leaves pages, images, other download.jsp uses, scripts and mail alone', () => {
    for (const html of [
      '<a href="/info/1021/8890.htm">关于寒假放假的通知</a>',
      '<a href="/_upload/article/images/a.jpg">图片</a>',
      '<a href="/system/_content/download.jsp?urltype=news.DownloadImage&amp;id=3">下载</a>',
      '<a href="javascript:download(\'a.pdf\')">a.pdf</a>',
      '<a href="mailto:office@example.edu.cn?subject=a.pdf">a.pdf</a>',
      '<a href="">空.pdf</a>',
      '<a href="/list.htm">更多文件如 a.pdf b.docx 请到下载专区查看，本栏目长期收集各类表格和说明文件，欢迎各单位师生下载使用，如有问题请联系学校办公室，电话0791-88886000，邮箱office@example.edu.cn</a>',
    ]) {
      const link = attachmentOf(anchors(html).querySelector('a')!, BASE);
      expect(link, html).toBeNull();
    }
  });

  it('tells VSB attachment downloads from other download.jsp uses', () => {
    expect(
      isVsbDownload(
        new URL('https://a.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2'),
      ),
    ).toBe(true);
    expect(
      isVsbDownload(new URL('https://a.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1')),
    ).toBe(false);
    expect(isVsbDownload(new URL('https://a.edu.cn/download.jsp?wbfileid=2'))).toBe(false);
  });
});

describe('findAttachmentLinks', () => {
  it('finds each attachment of a notice once, in order, with absolute URLs', () => {
    const doc = fixture('notice-attachments.html');
    const links = findAttachmentLinks(doc, 'http://www.example.edu.cn/info/1021/8895.htm');
    expect(links.map((l) => [l.name, l.type, l.openable])).toEqual([
      ['附件1：寒假安全检查工作方案.pdf', 'pdf', true],
      ['附件2：值班安排表.xls', 'xls', false],
      ['留校学生安全承诺书', 'docx', true],
    ]);
    expect(links.every((l) => l.url.startsWith('http://www.example.edu.cn/'))).toBe(true);
  });

  it('lists a URL linked twice once', () => {
    const root = anchors('<a href="/f/a.pdf">a.pdf</a><a href="/f/a.pdf">下载</a><a href="/f/b.pdf">b.pdf</a>');
    expect(findAttachmentLinks(root, BASE).map((l) => l.name)).toEqual(['a.pdf', 'b.pdf']);
  });

  it('keeps the link that names the file when an icon links it first', () => {
    const root = anchors(
      '<span><a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;owner=1&amp;wbfileid=7"></a></span>' +
        '<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;owner=1&amp;wbfileid=7">经费申请表.doc</a>',
    );
    expect(findAttachmentLinks(root, BASE).map((l) => [l.name, l.type])).toEqual([['经费申请表.doc', 'doc']]);
  });

  it('finds none on a page without files', () => {
    expect(findAttachmentLinks(fixture('short-notice.html'), BASE)).toEqual([]);
  });
});

describe('articleAttachments', () => {
  it("takes the files in the article and just after it, not the sidebar's downloads", () => {
    const page = anchors(
      '<div class="side"><a href="/f/表格下载.doc">常用表格.doc</a></div>' +
        '<div class="content"><div class="text"><p>正文</p><a href="/f/a.pdf">方案.pdf</a></div><ul><li><a href="/f/b.docx">办法.docx</a></li></ul></div>' +
        '<div class="attach"><a href="/f/c.xls">名单.xls</a></div>',
    );
    document.body.append(page);
    const names = articleAttachments(page.querySelector('.text')!).map((l) => l.name);
    page.remove();
    expect(names).toEqual(['方案.pdf', '办法.docx', '名单.xls']);
  });
});
