// The chip on a page that only points to an attachment, or on a PDF open in the tab: the file and
// 在导读中打开, and a close button. It is an extension page in a frame (entrypoints/offer), so the
// portal's script can neither read it nor click it.
import type { Offer } from '../lib/attachments/offer-params';
import type { AttachmentLink } from '../lib/attachments/links';
import { t } from '../lib/i18n';
import { AttachmentOpen } from './AttachmentOpen';

interface Props {
  readonly offer: Offer;
  readonly onOpen: (url: string) => void;
  readonly onClose: () => void;
}

export function AttachmentOffer({ offer, onOpen, onClose }: Props) {
  const label = offer.kind === 'pdf' ? t('pdfTabOffer') : t('attachmentOfferLabel');
  return (
    <aside class="offer" aria-label={label}>
      {offer.kind === 'pdf' ? (
        <div class="offer-row">
          <span class="offer-label">{label}</span>
          <button
            type="button"
            class="small-button attachment-open primary"
            aria-label={t('pdfTabOfferLabel')}
            onClick={() => onOpen(offer.files[0]!.url)}
          >
            {t('attachmentOpen')}
          </button>
        </div>
      ) : (
        <ul class="offer-files">
          {offer.files.map((file) => (
            <li key={file.url} class="offer-row">
              <span class="offer-label">{label}</span>
              <span class="offer-name" title={file.name}>
                {file.name}
              </span>
              <AttachmentOpen link={{ ...file, openable: true } as AttachmentLink} onOpen={onOpen} primary />
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="icon-button offer-close"
        aria-label={t('offerDismiss')}
        title={t('offerDismiss')}
        onClick={onClose}
      >
        ×
      </button>
    </aside>
  );
}
