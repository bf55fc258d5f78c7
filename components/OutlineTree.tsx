// The document outline: parts and their sub-points as nested lists of links, with read state and bookmarks.
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

export function OutlineTree(props: Props) {
  return (
    <nav class="outline" aria-label={t('navLabel')}>
      <ul class="outline-list">
        {props.sections.map((section) => (
          <OutlineItem key={section.id} section={section} {...props} />
        ))}
      </ul>
    </nav>
  );
}

function OutlineItem(props: Props & { readonly section: Section }) {
  const { section, currentId, readIds, bookmarks, onJump } = props;
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
        <BookmarkToggle
          section={section}
          note={bookmarks[section.id]}
          onToggle={props.onToggleBookmark}
          onNote={props.onNote}
        />
      </div>
      {section.children.length > 0 && (
        <ul class="outline-list nested">
          {section.children.map((child) => (
            <OutlineItem key={child.id} {...props} section={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
