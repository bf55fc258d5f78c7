// The popup: this tab's document, recently read documents and all bookmarks, plus export and import.
import { useEffect, useState } from 'preact/hooks';
import type { PageStatus } from '../../lib/messages';
import type { BookmarkGroup } from '../../lib/storage/repository';
import type { DocRecord } from '../../lib/storage/schema';
import { listBookmarks, listRecent, loadDocuments, watchDocuments } from '../../lib/storage/repository';
import { askStatus, targetTabId } from '../../lib/popup/active-tab';
import { t } from '../../lib/i18n';
import { CurrentDocument } from './CurrentDocument';
import { RecentList } from './RecentList';
import { BookmarkList } from './BookmarkList';
import { DataTransfer } from '../DataTransfer';
import { browser } from 'wxt/browser';

export function PopupApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  const [recent, setRecent] = useState<DocRecord[]>([]);
  const [groups, setGroups] = useState<BookmarkGroup[]>([]);
  const [damaged, setDamaged] = useState(false);

  useEffect(() => {
    const refresh = () => {
      void listRecent(8).then(setRecent);
      void listBookmarks().then(setGroups);
      // Records that fail validation are left out (the others stay); say so rather than hide it.
      void loadDocuments().then(({ dropped }) => setDamaged(dropped.length > 0));
    };
    refresh();
    const unwatch = watchDocuments(refresh);
    void targetTabId().then(async (id) => {
      setTabId(id);
      setStatus(id === null ? null : await askStatus(id));
    });
    return unwatch;
  }, []);

  return (
    <main class="popup">
      <h1 class="popup-title">{t('popupTitle')}</h1>
      {damaged && (
        <p class="notice" role="alert">
          {t('storageDamaged')}
        </p>
      )}
      <CurrentDocument tabId={tabId} status={status} />
      <RecentList docs={recent} />
      <BookmarkList groups={groups} tabId={tabId} currentDocId={status?.found ? status.docId : null} />
      <DataTransfer />
      <p class="muted small">
        <button type="button" class="link-like small" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </p>
    </main>
  );
}
