// A heading row in the outline between groups of entries: the covering note, the main document
// (by its title), a forwarded document (by its title), the attachments.
import type { OutlineGroup } from '../lib/document/types';
import { t, type MessageKey } from '../lib/i18n';

const LABELS: Readonly<Record<OutlineGroup['kind'], MessageKey>> = {
  note: 'outlineGroupNote',
  main: 'outlineGroupMain',
  forwarded: 'outlineGroupForwarded',
  attachments: 'outlineGroupAttachments',
};

export function OutlineGroupHeading({ group }: { readonly group: OutlineGroup }) {
  const label = group.kind === 'note' || group.kind === 'attachments' ? t(LABELS[group.kind]) : (group.title ?? t(LABELS[group.kind]));
  return (
    <li class={`outline-group-heading ${group.kind}`} data-group={group.kind}>
      <span class="outline-group-label" role="heading" aria-level={3}>
        {label}
      </span>
    </li>
  );
}

/** The group starting at each entry index, for drawing its heading before it. */
export function groupStarts(groups: readonly OutlineGroup[] | undefined): ReadonlyMap<number, OutlineGroup> {
  return new Map((groups ?? []).map((group) => [group.from, group]));
}
