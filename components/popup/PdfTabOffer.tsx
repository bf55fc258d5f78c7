// On a tab that shows a PDF, the popup offers 在导读中打开此 PDF: the attachment viewer opens on
// it in a new tab beside this one. (In Chromium the tab's own chip offers it too; Firefox's PDF
// viewer runs no content script, so there the popup is the way.)
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { pdfTabSource } from '../../lib/tabs/pdf-tab';
import { openViewer } from '../../lib/background/open-viewer';

interface Props {
  readonly tabId: number | null;
}

interface PdfTab {
  readonly id: number;
  readonly index: number;
  readonly src: string;
}

export function PdfTabOffer({ tabId }: Props) {
  const [pdf, setPdf] = useState<PdfTab | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    browser.tabs.get(tabId).then(
      (tab) => {
        const src = pdfTabSource(tab.url);
        setPdf(src === null ? null : { id: tabId, index: tab.index, src });
      },
      () => setPdf(null),
    );
  }, [tabId]);
  if (!pdf) return null;
  const open = () =>
    void openViewer(browser.tabs, pdf.src, { id: pdf.id, index: pdf.index }).then(() => window.close());
  return (
    <section class="card" aria-labelledby="pdf-offer-heading">
      <h2 id="pdf-offer-heading">{t('pdfTabOffer')}</h2>
      <button type="button" class="run-here" onClick={open}>
        {t('popupOpenPdf')}
      </button>
    </section>
  );
}
