// A group of outline entries: the covering note (named by its role: 说明 / 印发说明 / 转发说明), the
// main document and a forwarded document (by their titles), the attachments. Marked up as a list item
// holding a heading and then the group's own list of entries, so assistive tech hears each group.
import type { ComponentChildren } from 'preact';
import type { OutlineGroup } from '../lib/document/types';
import { t, type MessageKey } from '../lib/i18n';

const LABELS: Readonly<Record<OutlineGroup['kind'], MessageKey>> = {
  note: 'outlineGroupNote',
  main: 'outlineGroupMain',
  forwarded: 'outlineGroupForwarded',
  attachments: 'outlineGroupAttachments',
};

const NOTE_ROLES: Readonly<Record<NonNullable<OutlineGroup['role']>, MessageKey>> = {
  issue: 'outlineGroupNoteIssue',
  forward: 'outlineGroupNoteForward',
};

/** What the group is called: a note by its role, a document by its title, attachments as such. */
export function groupLabel(group: OutlineGroup): string {
  if (group.kind === 'note') return t(group.role ? NOTE_ROLES[group.role] : LABELS.note);
  if (group.kind === 'attachments') return t(LABELS.attachments);
  return group.title ?? t(LABELS[group.kind]);
}

export function OutlineGroupHeading({
  group,
  children,
}: {
  readonly group: OutlineGroup;
  readonly children?: ComponentChildren;
}) {
  return (
    <li class={`outline-group group-${group.kind}`} data-group={group.kind}>
      <h3 class="outline-group-label">{groupLabel(group)}</h3>
      <ul class="outline-list group-entries">{children}</ul>
    </li>
  );
}
