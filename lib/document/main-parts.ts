// The parts a reader counts and steps through: the documents' own numbered parts, not a covering
// note or the attachments. The rail, keys 1–9, '['/']' and "已读 n/N 部分" use these, so key n lands
// on the n-th numeral of the document even when a 印发/转发 note comes first; the outline still
// shows every entry, each in its group.
import type { GongwenDocument, Section } from './types';

/** The top-level sections of the main (and any forwarded) document, in order. */
export function mainParts(doc: Pick<GongwenDocument, 'sections' | 'groups'>): readonly Section[] {
  const groups = doc.groups;
  if (!groups || groups.length === 0) return doc.sections;
  const kept: Section[] = [];
  for (const group of groups) {
    if (group.kind === 'note' || group.kind === 'attachments') continue;
    for (let i = group.from; i < group.to && i < doc.sections.length; i++) kept.push(doc.sections[i]!);
  }
  // A page whose only entries are notes and attachments still has something to step through.
  return kept.length > 0 ? kept : doc.sections;
}
