// The bookmarks of the document open in this tab, inside its card: the first thing a returning reader looks for.
import type { BookmarkGroup } from '../../lib/storage/documents';
import { t } from '../../lib/i18n';
import { BookmarkItems } from './BookmarkItems';

export function DocBookmarks({ group, tabId }: { readonly group: BookmarkGroup; readonly tabId: number | null }) {
  return (
    <section class="doc-bookmarks" aria-labelledby="doc-bookmarks-heading">
      <h3 id="doc-bookmarks-heading">{t('popupDocBookmarks')}</h3>
      <BookmarkItems group={group} tabId={tabId} currentDocId={group.doc.id} />
    </section>
  );
}
