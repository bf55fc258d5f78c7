// The review card (复习卡) as its own extension page, made to print as one clean page: opened from
// the popup for a tab (`?tab=ID`, `&print=1` prints at once). It reads the document's parts and
// phrases from that tab's reader and its marks and bookmarks from storage.
import { render } from 'preact';
import { t, uiLanguage } from '../../lib/i18n';
import { askStatus } from '../../lib/tabs/active-tab';
import { loadDocuments } from '../../lib/storage/documents';
import { ReviewPage } from '../../components/ReviewPage';
import './review.css';

document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
document.title = t('reviewCardHeading');
const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));

async function show(): Promise<void> {
  const status = Number.isInteger(tab) && tab > 0 ? await askStatus(tab) : null;
  if (!status?.found) {
    render(<ReviewPage card={null} />, root);
    return;
  }
  const { docs } = await loadDocuments();
  const page = <ReviewPage card={{ status, record: docs[status.docId] ?? null }} />;
  render(page, root);
  if (status.title) document.title = `${t('reviewCardHeading')} · ${status.title}`;
  // Printed once drawn (fonts included), when the popup's print button opened this page.
  if (params.get('print') === '1') void document.fonts.ready.then(() => requestAnimationFrame(() => window.print()));
}
void show();
