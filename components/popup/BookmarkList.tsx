// Bookmarks of the other documents, grouped by document, newest first (the current one's are in its card).
import type { BookmarkGroup } from '../../lib/storage/documents';
import { t } from '../../lib/i18n';
import { BookmarkItems } from './BookmarkItems';

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
        groups.map((group) => (
          <div class="group" key={group.doc.id}>
            <h3>{group.doc.title ?? group.doc.urls[0]}</h3>
            <BookmarkItems group={group} tabId={tabId} currentDocId={currentDocId} />
          </div>
        ))
      )}
    </section>
  );
}
