// The offer chip's page (components/AttachmentOffer.tsx), shown in a frame by the content script
// on a pointer page or a PDF tab. Its files come from its address, checked (lib/attachments/offer-params).
import { render } from 'preact';
import { OFFER_CLOSE, OFFER_SIZE, readOffer } from '../../lib/attachments/offer-params';
import { openInViewer } from '../../lib/attachments/open-in-viewer';
import { uiLanguage } from '../../lib/i18n';
import { AttachmentOffer } from '../../components/AttachmentOffer';
import '../../components/panel.css';
import './offer.css';

document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
const offer = readOffer(location.search);
const root = document.getElementById('app')!;
// #app's padding (4 px each side) is in the frame's size. The frame's page tells its content script (the parent window) only these two things; no page data comes back.
const tell = (message: object) => window.parent.postMessage(message, '*');
if (offer) {
  render(<AttachmentOffer offer={offer} onOpen={openInViewer} onClose={() => tell({ type: OFFER_CLOSE })} />, root);
  const box = root.firstElementChild as HTMLElement | null;
  if (box)
    new ResizeObserver(() =>
      tell({ type: OFFER_SIZE, width: Math.ceil(box.offsetWidth) + 8, height: Math.ceil(box.offsetHeight) + 8 }),
    ).observe(box);
}
