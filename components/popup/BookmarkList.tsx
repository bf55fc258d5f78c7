// All bookmarks grouped by document, newest first; opening one goes to its section.
import type { BookmarkGroup } from '../../lib/storage/documents';
import { t } from '../../lib/i18n';
import { askJump } from '../../lib/tabs/active-tab';
import { openSection } from '../../lib/tabs/open-document';
import { textFragmentHref } from '../../lib/reading/text-fragment';

interface Props {
  readonly groups: readonly BookmarkGroup[];
  readonly tabId: number | null;
  readonly currentDocId: string | null;
}

export function BookmarkList({ groups, tabId, currentDocId }: Props) {
  return (
    <section class="card" aria-labelledby="bookmarks-heading">
      <h2 id="bookmarks-heading">{t('popupBookmarks')}</h2>
      {groups.length === 0 ? (
        <p class="muted">{t('popupBookmarksEmpty')}</p>
      ) : (
        groups.map(({ doc, bookmarks }) => (
          <div class="group" key={doc.id}>
            <h3>{doc.title ?? doc.urls[0]}</h3>
            <ul class="bookmarks">
              {bookmarks.map((bookmark) => {
                const url = doc.urls[0];
                return (
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
                );
              })}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
