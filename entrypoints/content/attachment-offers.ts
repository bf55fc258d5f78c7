// The content script's attachment offers: on a PDF open in the tab (Chromium shows it in a page
// whose contentType is application/pdf) and on a page that only points to an attachment
// (lib/attachments/pointer-page.ts) and holds no document, the 在导读中打开 chip. Nothing else on
// the page changes; links and downloads work as before.
import { pointerAttachments } from '../../lib/attachments/pointer-page';
import type { Offer } from '../../lib/attachments/offer-params';
import { mountOfferChip, type OfferChip } from './offer-chip';

export interface AttachmentOffers {
  /** The tab shows a PDF: the chip offers it, and there is nothing to detect. */
  readonly pdf: boolean;
  remove(): void;
}

export interface OfferChecks {
  /** 'yes': a document was found here (or the reader is off for the site): no pointer chip; 'pending': still reading the page. */
  readerHere(): 'yes' | 'no' | 'pending';
  disabled(): Promise<boolean>;
}

/** After the page's first detection has had its turn: a pointer chip never flashes up on a document. */
const POINTER_CHECK_AFTER_MS = 1200;
/** While detection is still reading a slow page, the check is put off this often, this long each time. */
const POINTER_CHECK_RETRIES = 20;
const POINTER_RETRY_MS = 500;

/** The file's name from its address, for the PDF chip. */
function fileName(href: string): string {
  const segment = new URL(href).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment) || href;
  } catch {
    return segment || href;
  }
}

export function offerAttachments(doc: Document, checks: OfferChecks): AttachmentOffers {
  const win = doc.defaultView!;
  let chip: OfferChip | null = null;
  let removed = false;
  const show = (offer: Offer) => {
    if (!removed && !chip) chip = mountOfferChip(doc, offer);
  };
  const remove = () => {
    removed = true;
    win.clearTimeout(timer);
    chip?.remove();
    chip = null;
  };
  const url = doc.location?.href ?? '';
  const pdf = doc.contentType === 'application/pdf' && /^https?:/.test(url);
  let timer = 0;
  if (pdf) {
    void checks.disabled().then(
      (off) => off || show({ kind: 'pdf', files: [{ name: fileName(url), type: 'pdf', url }] }),
      () => {},
    );
  } else {
    let retries = 0;
    const check = () => {
      const here = checks.readerHere();
      if (here === 'pending' && retries++ < POINTER_CHECK_RETRIES) timer = win.setTimeout(check, POINTER_RETRY_MS);
      if (here !== 'no') return;
      const files = pointerAttachments(doc);
      if (files.length === 0) return;
      void checks.disabled().then(
        (off) => off || checks.readerHere() !== 'no' || show({ kind: 'pointer', files }),
        () => {},
      );
    };
    timer = win.setTimeout(check, POINTER_CHECK_AFTER_MS);
  }
  return { pdf, remove };
}
