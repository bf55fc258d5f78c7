// One rule for attachments shown twice: the 附件 file list (components/AttachmentFiles.tsx) shows the
// files the article links; the outline's 附件 group shows attachments whose text is on the page. An
// attachment entry that is only the title of a linked file ('附件1：<a>值班安排表.xls</a>', nothing
// of its own under it) is left out of the outline, so each file is listed once, where it can be
// opened. An attachment line that links nothing, or one with its text printed below it, stays.
import { domPoint } from '../document/dom-point';
import { isLabelLine } from '../document/metadata';
import type { GongwenDocument, OutlineGroup, Section, TextModel } from '../document/types';
import { attachmentOf, type AttachmentLink } from './links';

/** '附件1：', '附件：', '1.' before a file's name; its extension and the CMS's '已下载 12 次' after it. */
const LEAD = /^[\s\u3000]*(附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:．.、]?)?\s*([0-9０-９]{1,2}\s*[.．、]\s*)?/;
const TRAIL = /(\.(pdf|docx?|wps|rtf|xlsx?|zip))?\s*(】\s*已下载\s*[0-9]*\s*次?)?[\s\u3000]*$/i;

/** A file name as compared: no 附件 label, numbering, brackets, extension or white space. */
function nameKey(text: string): string {
  return text
    .replace(LEAD, '')
    .replace(TRAIL, '')
    .replace(/[\s\u3000《》“”【】]/g, '');
}

/** True when the text at `offset` lies in an anchor linking one of `urls`. */
function linkedAt(model: TextModel, offset: number, urls: ReadonlySet<string>): boolean {
  if (model.runs.length === 0) return false;
  const anchor = domPoint(model, offset).node.parentElement?.closest('a[href]');
  const link = anchor ? attachmentOf(anchor, anchor.ownerDocument.baseURI) : null;
  return link !== null && urls.has(link.url);
}

/** True when line [start, end) is a linked file's title: part of its text in a file link, or it names a listed file. */
function namesFile(
  model: TextModel,
  start: number,
  end: number,
  urls: ReadonlySet<string>,
  names: ReadonlySet<string>,
): boolean {
  const line = model.text.slice(start, end);
  const key = nameKey(line);
  if (key.length > 0 && names.has(key)) return true;
  for (let i = start; i < end; i++) if (!/\s/.test(model.text.charAt(i)) && linkedAt(model, i, urls)) return true;
  return false;
}

/** True when the entry is a linked file's title and nothing of its own follows it. */
function isLinkTitle(
  model: TextModel,
  section: Section,
  urls: ReadonlySet<string>,
  names: ReadonlySet<string>,
): boolean {
  if (section.children.length > 0) return false;
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', section.headingStart - 1) + 1;
  const lineEnd = text.indexOf('\n', section.headingStart);
  const headingLineEnd = lineEnd < 0 ? text.length : lineEnd;
  if (!namesFile(model, lineStart, headingLineEnd, urls, names)) return false;
  // Whatever follows up to the entry's end must be page chrome or other file titles, not the attachment's text.
  let at = headingLineEnd + 1;
  while (at < section.end) {
    const next = text.indexOf('\n', at);
    const stop = next < 0 || next > section.end ? section.end : next;
    const line = text.slice(at, stop).trim();
    if (line.length > 0 && !isLabelLine(line) && !namesFile(model, at, stop, urls, names)) return false;
    at = stop + 1;
  }
  return true;
}

/** The document without the 附件 entries that only repeat a file the list shows; the same object when there are none. */
export function withoutLinkedAttachments(
  doc: GongwenDocument,
  model: TextModel,
  files: readonly AttachmentLink[],
): GongwenDocument {
  const groups = doc.groups;
  if (!groups || files.length === 0 || !groups.some((g) => g.kind === 'attachments')) return doc;
  if (groups.reduce((n, g) => n + g.to - g.from, 0) !== doc.sections.length) return doc;
  const urls = new Set(files.map((f) => f.url));
  const names = new Set(files.map((f) => nameKey(f.name)).filter((k) => k.length > 0));
  const sections: Section[] = [];
  const kept: OutlineGroup[] = [];
  for (const group of groups) {
    const from = sections.length;
    for (const section of doc.sections.slice(group.from, group.to))
      if (group.kind !== 'attachments' || !isLinkTitle(model, section, urls, names)) sections.push(section);
    if (sections.length > from) kept.push({ ...group, from, to: sections.length });
  }
  if (sections.length === doc.sections.length) return doc;
  const plain = kept.length <= 1 && kept.every((g) => g.kind === 'main');
  const { groups: _dropped, ...rest } = doc;
  return plain ? { ...rest, sections } : { ...rest, sections, groups: kept };
}
