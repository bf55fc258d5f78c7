// The document outline: parts and their sub-points as nested lists of links, with read state and bookmarks.
// Items re-render only when something in their own subtree changed, so scrolling through a long
// document (hundreds of entries) redraws two rows, not the whole outline.
import { Component } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { textFragmentHref } from '../lib/reading/text-fragment';
import { BookmarkToggle } from './BookmarkToggle';

interface Props {
  readonly sections: readonly Section[];
  readonly currentId: string | null;
  readonly readIds: readonly string[];
  readonly bookmarks: Readonly<Record<string, string>>;
  readonly onJump: (section: Section) => void;
  readonly onToggleBookmark: (section: Section) => void;
  readonly onNote: (section: Section, note: string) => void;
}

type ItemProps = Omit<Props, 'sections'> & {
  readonly section: Section;
  /** False until this part's turn comes: a long outline shows its parts first, sub-points in slices after. */
  readonly full: boolean;
};

/** Entries drawn per slice: the first frame, then one slice per task, so no task runs long. */
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

/** The current id when it lies in `section`'s subtree, else null (so other rows stay put). */
function scopedCurrent(section: Section, currentId: string | null): string | null {
  return currentId !== null && (currentId === section.id || currentId.startsWith(`${section.id}.`)) ? currentId : null;
}

export function OutlineTree({ sections, ...rest }: Props) {
  // Parts [0, expanded) show their sub-points; the rest follow a slice per task.
  const [expanded, setExpanded] = useState(() => partsWithin(sections, 0, SLICE_ENTRIES));
  useEffect(() => {
    if (expanded >= sections.length) return;
    const timer = setTimeout(() => setExpanded(partsWithin(sections, expanded, SLICE_ENTRIES)), 16);
    return () => clearTimeout(timer);
  }, [expanded, sections]);
  return (
    <nav class="outline" aria-label={t('navLabel')}>
      <ul class="outline-list">
        {sections.map((section, index) => (
          <OutlineItem
            key={section.id}
            {...rest}
            section={section}
            full={index < expanded || scopedCurrent(section, rest.currentId) !== null}
            currentId={scopedCurrent(section, rest.currentId)}
          />
        ))}
      </ul>
    </nav>
  );
}

class OutlineItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const p = this.props;
    return (
      next.section !== p.section ||
      next.currentId !== p.currentId ||
      next.readIds !== p.readIds ||
      next.bookmarks !== p.bookmarks ||
      next.full !== p.full
    );
  }

  override render() {
    const { section, currentId, readIds, bookmarks, onJump } = this.props;
    const current = section.id === currentId;
    const read = readIds.includes(section.id);
    return (
      <li class={`outline-item ${section.kind}`} data-section-id={section.id}>
        <div class={`outline-row${current ? ' current' : ''}`}>
          <a
            class="outline-link"
            href={textFragmentHref(section.heading)}
            aria-current={current ? 'location' : undefined}
            aria-label={read ? t('sectionReadLabel', section.heading) : undefined}
            onClick={(event) => {
              if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onJump(section);
            }}
          >
            <span class="outline-heading">{section.heading}</span>
            {read && (
              <span class="read-mark" aria-hidden="true">
                {t('sectionRead')}
              </span>
            )}
          </a>
          <BookmarkToggle section={section} note={bookmarks[section.id]} onToggle={this.props.onToggleBookmark} onNote={this.props.onNote} />
        </div>
        {this.props.full && section.children.length > 0 && (
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
