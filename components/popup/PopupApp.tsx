// The popup: this tab's document first (resume, its bookmarks, parts), then below it in a region that
// scrolls on its own the review card, recently read documents, other bookmarks, export and import —
// so the browser's 600 px popup never hides the first screen.
import { useEffect, useState } from 'preact/hooks';
import type { PageStatus } from '../../lib/messages';
import { STORE_MAX_BYTES, type DocRecord } from '../../lib/storage/schema';
import {
  bookmarksIn,
  loadDocuments,
  recentIn,
  watchDocuments,
  type BookmarkGroup,
  type KeptRecord,
  type LoadedDocuments,
} from '../../lib/storage/documents';
import { askStatus, targetTabId } from '../../lib/tabs/active-tab';
import { t } from '../../lib/i18n';
import { CurrentDocument } from './CurrentDocument';
import { PdfTabOffer } from './PdfTabOffer';
import { RecentList } from './RecentList';
import { BookmarkList } from './BookmarkList';
import { DataTransfer } from '../DataTransfer';
import { KeptRecords } from '../KeptRecords';
import { browser } from 'wxt/browser';
import { ReviewList } from '../ReviewList';
import { ReviewCardSection } from './ReviewCardSection';
import { reviewGroups, type ReviewEntry, type ReviewGroup } from '../../lib/study/review-list';
import { askJump } from '../../lib/tabs/active-tab';
import { openSection } from '../../lib/tabs/open-document';
import { EnableSites } from './EnableSites';
import { originsToEnable, siteToEnable, type EnableApi } from '../../lib/managed/enable-portals';
import { readManaged } from '../../lib/storage/managed';
import { NOT_MANAGED, type ManagedConfig } from '../../lib/managed/validate';
import { addPortal, listPortals } from '../../lib/storage/settings';
import { syncPortals } from '../../lib/portals/sync-portals';

/** Turning portals on from the popup: the options page's path (lib/managed/enable-portals.ts). */
const enableApi: EnableApi = {
  request: (patterns) => browser.permissions.request({ origins: patterns }),
  addPortal,
  refresh: syncPortals,
};

/** What the popup needs to offer 在本单位门户上启用 / 在此网站启用 (read when it opens). */
interface PortalState {
  readonly config: ManagedConfig;
  readonly portals: readonly string[];
  readonly withoutPermission: readonly string[];
  readonly tabUrl: string | undefined;
}

async function loadPortalState(tabId: number | null): Promise<PortalState> {
  const [managed, portals, synced, tab] = await Promise.all([
    readManaged(),
    listPortals(),
    syncPortals(),
    // Opening the popup grants activeTab, which lets it read this tab's address.
    tabId === null ? undefined : browser.tabs.get(tabId).catch(() => undefined),
  ]);
  return { config: managed.config, portals, withoutPermission: synced?.withoutPermission ?? [], tabUrl: tab?.url };
}

export function PopupApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  const [recent, setRecent] = useState<DocRecord[]>([]);
  const [groups, setGroups] = useState<BookmarkGroup[]>([]);
  const [kept, setKept] = useState<readonly KeptRecord[]>([]);
  const [used, setUsed] = useState(0);
  const [docs, setDocs] = useState<Readonly<Record<string, DocRecord>>>({});
  const [portalState, setPortalState] = useState<PortalState>({
    config: NOT_MANAGED,
    portals: [],
    withoutPermission: [],
    tabUrl: undefined,
  });

  useEffect(() => {
    const show = ({ docs, kept: unreadable, bytes }: LoadedDocuments) => {
      setRecent(recentIn(docs, 8));
      setGroups(bookmarksIn(docs));
      setDocs(docs);
      // Records that cannot be read are kept as they were (never written over); say so and offer them.
      setKept(unreadable);
      setUsed(bytes / STORE_MAX_BYTES);
    };
    void loadDocuments().then(show);
    const unwatch = watchDocuments(show);
    void targetTabId().then(async (id) => {
      setTabId(id);
      void loadPortalState(id).then(setPortalState);
      setStatus(id === null ? null : await askStatus(id));
    });
    return unwatch;
  }, []);

  const currentDocId = status?.found ? status.docId : null;
  const currentBookmarks = groups.find((group) => group.doc.id === currentDocId) ?? null;
  const otherBookmarks = groups.filter((group) => group !== currentBookmarks);
  const openReview = (group: ReviewGroup, entry: ReviewEntry) => {
    if (group.docId === currentDocId && tabId !== null) void askJump(tabId, entry.partId).then(() => window.close());
    else if (group.url) void openSection(group.url, group.docId, { sectionId: entry.partId, heading: entry.heading });
  };
  return (
    <main class="popup">
      <h1 class="popup-title">{t('popupTitle')}</h1>
      <KeptRecords kept={kept} />
      {used >= 0.9 && (
        <p class="notice" role="alert">
          {t('storageNearlyFull', Math.min(100, Math.round(used * 100)))}
        </p>
      )}
      <PdfTabOffer tabId={tabId} />
      <CurrentDocument tabId={tabId} status={status} bookmarks={currentBookmarks} />
      <EnableSites
        pending={originsToEnable(portalState.config.portalOrigins, portalState.portals, portalState.withoutPermission)}
        site={siteToEnable(
          portalState.tabUrl,
          portalState.portals,
          portalState.withoutPermission,
          portalState.config.usersMayAddPortals,
        )}
        api={enableApi}
      />
      <div class="popup-rest">
        {status?.found && <ReviewCardSection tabId={tabId} status={status} record={docs[status.docId] ?? null} />}
        <div class="card">
          <ReviewList groups={reviewGroups(docs)} onOpen={openReview} headingId="review-heading" />
        </div>
        <RecentList docs={recent} />
        {(otherBookmarks.length > 0 || currentBookmarks === null) && (
          <BookmarkList groups={otherBookmarks} tabId={tabId} currentDocId={currentDocId} />
        )}
        <DataTransfer />
        <p class="muted small">
          <button type="button" class="link-like small" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
        </p>
      </div>
    </main>
  );
}
