// The document outline: parts and their sub-points as nested lists of links, with read state and bookmarks.
// Items re-render only when something in their own subtree changed, so scrolling through a long
// document (hundreds of entries) redraws two rows, not the whole outline. A long outline is drawn
// a slice at a time, so the panel's first frame costs the same on a 3-part and a 300-part document.
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OutlineGroup as EntryGroup, Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { textFragmentHref } from '../lib/reading/text-fragment';
import { BookmarkToggle } from './BookmarkToggle';
import { pure } from '../lib/ui/pure';
import { focusPlace, keepInView, shouldFollowCurrent } from '../lib/dom/keep-in-view';
import { OutlineGroupHeading } from './OutlineGroupHeading';
import { entryFullText, entryLabel, isChapterMarker } from '../lib/document/entry-text';

interface Props {
  readonly sections: readonly Section[];
  /** Covering note / documents / attachments: a heading row before each group's first entry. */
  readonly groups?: readonly EntryGroup[];
  readonly currentId: string | null;
  readonly readIds: readonly string[];
  readonly bookmarks: Readonly<Record<string, string>>;
  readonly onJump: (section: Section) => void;
  readonly onToggleBookmark: (section: Section) => void;
  readonly onNote: (section: Section, note: string) => void;
}

type ItemProps = Omit<Props, 'sections' | 'readIds' | 'groups'> & {
  readonly section: Section;
  readonly read: ReadonlySet<string>;
  /** A long regulation: chapters show their articles only when current or opened. */
  readonly fold: boolean;
};

/** Entries beyond which a regulation in chapters is folded by chapter. */
const FOLD_ENTRIES = 24;

/** Long regulations fold by chapter: at least two chapters holding articles, and more entries than a panel shows. */
function foldsByChapter(sections: readonly Section[]): boolean {
  const chapters = sections.filter((s) => isChapterMarker(s.marker) && s.children.length > 0);
  return chapters.length >= 2 && countEntries(sections) > FOLD_ENTRIES;
}

/**
 * Entries (parts with their sub-points) in the first frame: a little more than a tall panel
 * shows, so the panel appears at once whatever the document's length.
 */
const FIRST_ENTRIES = 30;
/** Entries drawn per slice after that, one slice per task, so no task runs long. */
const SLICE_ENTRIES = 80;

function countEntries(sections: readonly Section[]): number {
  let n = 0;
  for (const s of sections) n += 1 + countEntries(s.children);
  return n;
}

/** How many parts (from the top) fit in `budget` entries with their sub-points; at least one. */
function partsWithin(sections: readonly Section[], from: number, budget: number): number {
  let used = 0;
  let to = from;
  while (to < sections.length) {
    used += countEntries([sections[to]!]);
    if (used > budget && to > from) break;
    to++;
  }
  return to;
}

/** True when a section in `section`'s subtree changed its read mark or its bookmark between two renders. */
function subtreeChanged(section: Section, before: ItemProps, after: ItemProps): boolean {
  if (before.read.has(section.id) !== after.read.has(section.id)) return true;
  if (before.bookmarks[section.id] !== after.bookmarks[section.id]) return true;
  return section.children.some((child) => subtreeChanged(child, before, after));
}

/** The current id when it lies in `section`'s subtree, else null (so other rows stay put). */
function scopedCurrent(section: Section, currentId: string | null): string | null {
  return currentId !== null && (currentId === section.id || currentId.startsWith(`${section.id}.`)) ? currentId : null;
}

/** Parts per group: a new current section redraws the outline's list of groups and one or two groups, not every part. */
const GROUP_PARTS = 20;

type GroupProps = Omit<ItemProps, 'section'> & {
  readonly sections: readonly Section[];
  /** Parts [from, to) of `sections`. */
  readonly from: number;
  readonly to: number;
};

const OutlineGroup = pure(function OutlineGroup({ sections, from, to, currentId, ...rest }: GroupProps) {
  const items = [];
  for (let i = from; i < to; i++) {
    const section = sections[i]!;
    items.push(
      <OutlineItem key={section.id} {...rest} section={section} currentId={scopedCurrent(section, currentId)} />,
    );
  }
  return <>{items}</>;
});

/** The entry ranges drawn as groups: the outline's groups, or the whole list as one unnamed range. */
function rangesOf(
  count: number,
  groups: readonly EntryGroup[] | undefined,
): { from: number; to: number; group: EntryGroup | null }[] {
  if (!groups || groups.length === 0) return [{ from: 0, to: count, group: null }];
  return groups.map((group) => ({ from: group.from, to: Math.min(group.to, count), group }));
}

/** Index of the part holding each section id. */
function partIndexById(sections: readonly Section[]): Map<string, number> {
  const index = new Map<string, number>();
  const visit = (section: Section, part: number): void => {
    index.set(section.id, part);
    for (const child of section.children) visit(child, part);
  };
  sections.forEach(visit);
  return index;
}

export const OutlineTree = pure(function OutlineTree({
  sections,
  groups: entryGroups,
  readIds,
  currentId,
  ...rest
}: Props) {
  const read = useMemo(() => new Set(readIds), [readIds]);
  const partOf = useMemo(() => partIndexById(sections), [sections]);
  const fold = useMemo(() => foldsByChapter(sections), [sections]);
  // Parts [0, shown) are drawn; the rest follow a slice per task.
  const [shown, setShown] = useState(() => partsWithin(sections, 0, FIRST_ENTRIES));
  useEffect(() => {
    if (shown >= sections.length) return;
    const timer = setTimeout(() => setShown(partsWithin(sections, shown, SLICE_ENTRIES)), 16);
    return () => clearTimeout(timer);
  }, [shown, sections]);
  // The current entry stays in sight in the panel, however long the outline (after the paint, so no extra layout),
  // unless the reader is using another part of the panel: a phrase jump must not scroll the list away.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const list = nav.current;
    if (currentId === null || !list) return;
    const row = list.querySelector(`[data-section-id="${CSS.escape(currentId)}"] > .outline-row`);
    const scroller = list.closest('.panel-scroll');
    if (!row || !scroller) return;
    if (
      !shouldFollowCurrent(scroller.getBoundingClientRect(), list.getBoundingClientRect(), focusPlace(list, scroller))
    )
      return;
    keepInView(scroller, row);
  }, [currentId, shown]);
  const currentPart = currentId === null ? -1 : (partOf.get(currentId) ?? -1);
  const ranges = useMemo(() => rangesOf(sections.length, entryGroups), [sections.length, entryGroups]);
  const top = [];
  for (const range of ranges) {
    const chunks = [];
    for (let from = range.from; from < Math.min(range.to, shown); from += GROUP_PARTS) {
      const to = Math.min(range.to, shown, from + GROUP_PARTS);
      const holdsCurrent = currentPart >= from && currentPart < to;
      chunks.push(
        <OutlineGroup
          key={from}
          {...rest}
          sections={sections}
          from={from}
          to={to}
          read={read}
          fold={fold}
          currentId={holdsCurrent ? currentId : null}
        />,
      );
    }
    if (range.group === null) top.push(...chunks);
    else if (chunks.length > 0) {
      top.push(
        <OutlineGroupHeading key={`group-${range.from}`} group={range.group}>
          {chunks}
        </OutlineGroupHeading>,
      );
    }
  }
  return (
    // Busy while later slices are still to come: assistive tech (and the bench, which counts the
    // parts) waits for the whole list rather than reading the first slice as the outline.
    <nav class="outline" aria-label={t('navLabel')} aria-busy={shown < sections.length ? 'true' : undefined} ref={nav}>
      <ul class="outline-list">{top}</ul>
    </nav>
  );
});

interface ItemState {
  /** The reader opened (true) or closed (false) this chapter; null: open only while current. */
  readonly expanded: boolean | null;
}

class OutlineItem extends Component<ItemProps, ItemState> {
  override state: ItemState = { expanded: null };

  override shouldComponentUpdate(next: ItemProps, nextState: ItemState): boolean {
    const p = this.props;
    // A new read list or bookmark map redraws only the rows whose own marks changed, not all of them.
    return (
      nextState.expanded !== this.state.expanded ||
      next.fold !== p.fold ||
      next.section !== p.section ||
      next.currentId !== p.currentId ||
      ((next.read !== p.read || next.bookmarks !== p.bookmarks) && subtreeChanged(next.section, p, next))
    );
  }

  override render() {
    const { section, currentId, bookmarks, onJump } = this.props;
    const current = section.id === currentId;
    const read = this.props.read.has(section.id);
    // At most two lines in the list; the whole heading in the accessible name and the tooltip.
    const full = entryFullText(section.heading);
    const label = entryLabel(full);
    const cut = label !== full;
    // In a long regulation a chapter shows its articles while it is current, or when the reader opens it.
    const folds = this.props.fold && isChapterMarker(section.marker) && section.children.length > 0;
    const open = !folds || (this.state.expanded ?? currentId !== null);
    return (
      <li class={`outline-item ${section.kind}`} data-section-id={section.id}>
        <div class={`outline-row${current ? ' current' : ''}`}>
          {folds && (
            <button
              type="button"
              class="fold-toggle"
              aria-expanded={open}
              aria-label={t(open ? 'outlineCollapse' : 'outlineExpand', full)}
              onClick={() => this.setState({ expanded: !open })}
            />
          )}
          <a
            class="outline-link"
            href={textFragmentHref(section.heading)}
            aria-current={current ? 'location' : undefined}
            aria-label={read ? t('sectionReadLabel', full) : cut ? full : undefined}
            title={cut ? full : undefined}
            onClick={(event) => {
              if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onJump(section);
              // A mouse click leaves no focus ring behind (a later key would show it on this row).
              if (event.detail > 0) event.currentTarget.blur();
            }}
          >
            <span class="outline-heading">{label}</span>
            {read && (
              <span class="read-mark" aria-hidden="true">
                {t('sectionRead')}
              </span>
            )}
          </a>
          <BookmarkToggle
            section={section}
            note={bookmarks[section.id]}
            onToggle={this.props.onToggleBookmark}
            onNote={this.props.onNote}
          />
        </div>
        {section.children.length > 0 && open && (
          <ul class="outline-list nested">
            {section.children.map((child) => (
              <OutlineItem key={child.id} {...this.props} section={child} currentId={scopedCurrent(child, currentId)} />
            ))}
          </ul>
        )}
      </li>
    );
  }
}
