// The attachment viewer (viewer.html?src=<absolute URL>): downloads a PDF or Word file the portal
// publishes, shows its text as a clean document page, then runs the same reader as on a portal
// page — detection on this page's DOM, restored state, the panel — keyed by the file's address.
// The seam is the content script's: this page detects, reads the stored state and hands the
// document to the reader bundle (lib/startup/handoff.ts), which it loads as its own script — no
// injection needed on an extension page; the panel's frame (same origin) is embedded as anywhere.
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../lib/i18n';
import { attachmentUrl, fetchAttachment } from '../../lib/attachments/fetch-file';
import { readAttachment } from '../../lib/attachments/read-attachment';
import { renderDocument } from '../../lib/attachments/render-document';
import { isAttachmentError, type AttachmentProblem } from '../../lib/attachments/errors';
import { readDocument } from '../../lib/document/detect';
import { restoreState } from '../../lib/startup/restore-state';
import { offerHandoff, type RunningReader } from '../../lib/startup/handoff';
import { readPdf } from './pdf-reader';
import './viewer.css';

/** The reader bundle (entrypoints/reader), as the background injects it into portal pages. */
const READER_SCRIPT = '/reader.js';

const MESSAGES: Record<AttachmentProblem, MessageKey> = {
  'bad-address': 'viewerBadAddress',
  network: 'viewerNetwork',
  http: 'viewerHttp',
  login: 'viewerLogin',
  'too-large': 'viewerTooLarge',
  unsupported: 'viewerUnsupported',
  encrypted: 'viewerEncrypted',
  damaged: 'viewerDamaged',
  empty: 'viewerEmpty',
  scan: 'viewerScan',
};

const sheet = document.getElementById('sheet')!;
const status = document.getElementById('status')!;
const original = document.getElementById('original') as HTMLAnchorElement;
const source = document.getElementById('source')!;

function say(problem: AttachmentProblem, detail: string): void {
  const alert = document.createElement('p');
  alert.className = 'gw-alert';
  alert.setAttribute('role', 'alert');
  alert.textContent = detail ? t(MESSAGES[problem], detail) : t(MESSAGES[problem]);
  status.textContent = '';
  sheet.replaceChildren(status, alert);
  document.title = `${t('viewerTitle')} · ${t('extName')}`;
}

function note(text: string): HTMLElement {
  const el = document.createElement('p');
  el.className = 'gw-note';
  el.setAttribute('role', 'status');
  el.textContent = text;
  return el;
}

/** The file's name for the bar: the last path segment, else the host. */
function fileName(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return last || url.host;
}

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  status.textContent = t('viewerLoading');
  const src = new URLSearchParams(location.search).get('src');
  let url: URL;
  try {
    url = attachmentUrl(src);
  } catch (error) {
    if (isAttachmentError(error)) return say(error.problem, error.detail);
    throw error;
  }
  original.href = url.href;
  original.textContent = t('viewerOriginal');
  original.hidden = false;
  source.textContent = fileName(url);
  source.title = url.href;
  source.setAttribute('aria-label', `${t('viewerSource')}: ${url.href}`);

  let extracted;
  try {
    const { bytes } = await fetchAttachment(url);
    extracted = await readAttachment(bytes, { readPdf });
  } catch (error) {
    if (isAttachmentError(error)) return say(error.problem, error.detail);
    console.error('[gongwen-reader] attachment', error);
    return say('damaged', '');
  }

  const { article, title } = renderDocument(document, extracted.blocks);
  document.title = title ?? fileName(url);
  status.textContent = '';
  sheet.replaceChildren(status);
  if (extracted.partial) sheet.append(note(t('viewerPartial', extracted.pagesRead, extracted.pagesTotal)));
  sheet.append(article);

  const found = readDocument(document);
  if (!found) {
    sheet.insertBefore(note(t('viewerNotDocument')), article);
    return;
  }
  // Progress and bookmarks are filed under the file's own address (plus the document's
  // fingerprint, as on a portal page), so the popup and the export list it like any document.
  const restoring = restoreState(found.document, url.href);
  const ctx = { onInvalidated: (cb: () => void) => window.addEventListener('pagehide', cb, { once: true }) };
  await new Promise<RunningReader>((resolve, reject) => {
    offerHandoff({
      ctx,
      found,
      restoring,
      settle: (result) => (result instanceof Error ? reject(result) : resolve(result)),
    });
    loadReaderBundle().catch(reject);
  });
}

/**
 * The reader bundle the background injects into portal pages, loaded here as this page's own
 * script (same origin): it takes the handoff just as on a portal page (lib/startup/handoff.ts).
 */
function loadReaderBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = browser.runtime.getURL(READER_SCRIPT as '/');
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error('the reader bundle did not load')), { once: true });
    document.head.append(script);
  });
}

main().catch((error: unknown) => {
  console.error('[gongwen-reader] viewer', error);
});
