// Puts the offer chip on the page: an extension page (entrypoints/offer) in a frame inside a
// closed shadow root, in the page's lower right corner, so page script can neither read nor click
// it and the page's own text and layout stay as they were. The frame says only "close" and its
// size, and only messages from that frame's window and the extension's origin are heard.
import { browser } from 'wxt/browser';
import { OFFER_CLOSE, OFFER_SIZE, offerQuery, type Offer } from '../../lib/attachments/offer-params';

const OFFER_PAGE = '/offer.html';

const HOST_CSS = `
:host { all: initial; }
iframe {
  position: fixed; z-index: 2147483646; right: 12px; bottom: 12px; border: 0; margin: 0; padding: 0;
  width: 420px; height: 64px; background: transparent; color-scheme: light dark; display: block;
}
@media print { iframe { display: none !important; } }
`;

export interface OfferChip {
  remove(): void;
}

export function mountOfferChip(doc: Document, offer: Offer): OfferChip {
  const element = doc.createElement('gongwen-offer');
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const frame = doc.createElement('iframe');
  frame.setAttribute('allowtransparency', 'true');
  const getURL = browser.runtime.getURL as (path: string) => string;
  const src = getURL(OFFER_PAGE) + offerQuery(offer);
  frame.src = src;
  // Chrome commits a use_dynamic_url page under chrome-extension://<id>; Firefox's address is its origin.
  const origin = src.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : new URL(src).origin;
  shadow.append(style, frame);
  (doc.body ?? doc.documentElement).append(element);
  const win = doc.defaultView!;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data as { type?: unknown; width?: unknown; height?: unknown } | null;
    if (data?.type === OFFER_CLOSE) remove();
    else if (data?.type === OFFER_SIZE && typeof data.width === 'number' && typeof data.height === 'number') {
      frame.style.width = `${Math.min(Math.max(data.width, 120), 480)}px`;
      frame.style.height = `${Math.min(Math.max(data.height, 40), 240)}px`;
    }
  };
  win.addEventListener('message', onMessage);
  const remove = () => {
    win.removeEventListener('message', onMessage);
    element.remove();
  };
  return { remove };
}
