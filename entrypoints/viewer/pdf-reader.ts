// pdf.js wired for the viewer: its worker and CMaps from the extension's own files (no blob, no
// remote code), eval off, no XFA, no scripting. Loaded only when the file is a PDF.
import { browser } from 'wxt/browser';
import { extractPdf, type PdfOptions } from '../../lib/attachments/pdf';
import { PDF_CMAP_DIR, PDF_WORKER_FILE } from '../../lib/attachments/pdfjs-files';
import type { Extracted } from '../../lib/attachments/blocks';

export async function readPdf(bytes: Uint8Array, options: PdfOptions): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = browser.runtime.getURL(`/${PDF_WORKER_FILE}` as '/');
  return extractPdf(pdfjs, bytes, { cMapUrl: browser.runtime.getURL(`/${PDF_CMAP_DIR}` as '/'), ...options });
}
