// One document's bookmarks with their notes; opening one jumps there in this tab, or opens its page.
import type { BookmarkGroup } from '../../lib/storage/documents';
import { askJump } from '../../lib/tabs/active-tab';
import { openSection } from '../../lib/tabs/open-document';
import { textFragmentHref } from '../../lib/reading/text-fragment';

interface Props {
  readonly group: BookmarkGroup;
  readonly tabId: number | null;
  /** The document shown in `tabId`: its bookmarks jump in place instead of opening a page. */
  readonly currentDocId: string | null;
}

export function BookmarkItems({ group: { doc, bookmarks }, tabId, currentDocId }: Props) {
  const url = doc.urls[0];
  return (
    <ul class="bookmarks">
      {bookmarks.map((bookmark) => (
        <li key={bookmark.sectionId}>
          <a
            href={url ? textFragmentHref(bookmark.heading, url) : '#'}
            onClick={(event) => {
              event.preventDefault();
              if (doc.id === currentDocId && tabId !== null) {
                void askJump(tabId, bookmark.sectionId).then(() => window.close());
              } else if (url) {
                void openSection(url, doc.id, bookmark);
              }
            }}
          >
            {bookmark.heading}
          </a>
          {bookmark.note && <p class="note">{bookmark.note}</p>}
        </li>
      ))}
    </ul>
  );
}
