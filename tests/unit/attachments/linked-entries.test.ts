import { describe, expect, it } from 'vitest';
import { articleAttachments } from '../../../lib/attachments/links';
import { withoutLinkedAttachments } from '../../../lib/attachments/linked-entries';
import { readDocument, type DetectedDocument } from '../../../lib/document/detect';
import type { GongwenDocument } from '../../../lib/document/types';
import { htmlDocument, loadFixture } from '../document/fixtures';

function attachmentEntries(doc: GongwenDocument): string[] {
  const group = doc.groups?.find((g) => g.kind === 'attachments');
  return group ? doc.sections.slice(group.from, group.to).map((s) => s.heading) : [];
}

function read(page: Document): DetectedDocument {
  const found = readDocument(page);
  if (!found) throw new Error('not detected');
  return found;
}

/** A 通知 ending in attachments: `tail` is the markup after its signature and date. */
function notice(tail: string): Document {
  return htmlDocument(
    `<div class="v_news_content" id="content">
      <p>关于做好寒假校园安全工作的通知</p>
      <p>各学院、各部门：</p>
      <p>为确保寒假期间校园安全稳定，现将有关事项通知如下。</p>
      <p>一、加强安全检查</p><p>各单位要在放假前完成一次全面安全检查。</p>
      <p>二、落实值班制度</p><p>假期实行领导带班和24小时值班制度。</p>
      <p>三、做好应急处置</p><p>遇有突发事件要及时报告，妥善处置。</p>
      <p>保卫处</p>
      <p>2026年1月10日</p>
      ${tail}
    </div>`,
    '关于做好寒假校园安全工作的通知',
  );
}

describe('withoutLinkedAttachments', () => {
  it('drops 附件 entries that are only a linked file’s title: the file list shows them once', () => {
    const found = read(loadFixture('notice-attachments.html'));
    const files = articleAttachments(found.root);
    expect(files.length).toBeGreaterThan(0);
    expect(attachmentEntries(found.document).length).toBeGreaterThan(0);
    const doc = withoutLinkedAttachments(found.document, found.model, files);
    expect(attachmentEntries(doc)).toEqual([]);
    expect(doc.groups?.some((g) => g.kind === 'attachments') ?? false).toBe(false);
    // The document's own parts are untouched.
    expect(doc.sections.map((s) => s.id)).toEqual(
      found.document.sections.filter((s) => !/x\d+$/.test(s.id)).map((s) => s.id),
    );
  });

  it('keeps an attachment whose text is printed on the page, and one that links no file', () => {
    const page = notice(
      `<p>附件1：<a href="/_upload/files/zhiban.xls">值班安排表.xls</a></p>
       <p>附件2：寒假安全检查要点</p>
       <p>一是检查消防设施是否完好。二是检查门窗水电是否关闭。</p>
       <p>附件3：留校学生名单</p>`,
    );
    const found = read(page);
    const files = articleAttachments(found.root);
    expect(files.map((f) => f.name)).toEqual(['值班安排表.xls']);
    expect(attachmentEntries(found.document)).toEqual([
      '附件1：值班安排表.xls',
      '附件2：寒假安全检查要点',
      '附件3：留校学生名单',
    ]);
    const doc = withoutLinkedAttachments(found.document, found.model, files);
    expect(attachmentEntries(doc)).toEqual(['附件2：寒假安全检查要点', '附件3：留校学生名单']);
  });

  it('an attachment named by a listed file but with its text below it stays in the outline', () => {
    const found = read(
      notice(
        `<p>附件：<a href="/_upload/files/yaodian.docx">寒假安全检查要点.docx</a></p>
         <p>寒假安全检查要点</p>
         <p>一是检查消防设施是否完好。二是检查门窗水电是否关闭。</p>`,
      ),
    );
    const files = articleAttachments(found.root);
    const doc = withoutLinkedAttachments(found.document, found.model, files);
    expect(attachmentEntries(doc)).toEqual(attachmentEntries(found.document));
    expect(attachmentEntries(doc)).toHaveLength(1);
  });

  it('returns the same document when there are no files', () => {
    const found = read(loadFixture('notice-attachments.html'));
    expect(withoutLinkedAttachments(found.document, found.model, [])).toBe(found.document);
  });
});
