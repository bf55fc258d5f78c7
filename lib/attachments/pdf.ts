// PDF to paragraphs with pdf.js: the parsing runs in pdf.js's worker (off the main thread), page
// by page within a page and time budget; what was read before the budget ran out is kept and
// flagged. The PDF's own bookmarks (getOutline) mark headings when it has them. A file with pages
// but no text layer is a scan, which the viewer says (no OCR).
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AttachmentError } from './errors';
import { pdfParagraphs, type PdfPageText, type PdfRun } from './pdf-paragraphs';
import type { Extracted, TextBlock } from './blocks';

type PdfModule = Pick<typeof PdfJs, 'getDocument'>;

export interface PdfOptions {
  /** Where the CMaps are (Chinese fonts set in GBK/UniGB encodings have no text without them). */
  readonly cMapUrl?: string;
  /** Pages read at most. */
  readonly maxPages?: number;
  /** Time for the page loop (ms); past it, what was read is shown. */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

export const PDF_MAX_PAGES = 300;
export const PDF_BUDGET_MS = 20_000;

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** Bookmark titles with their depth (1-based), in order. */
function flattenOutline(nodes: readonly OutlineNode[] | null, depth = 1, out: { title: string; level: number }[] = []) {
  for (const node of nodes ?? []) {
    const title = node.title.replace(/\s+/g, '');
    if (title) out.push({ title, level: depth });
    if (depth < 4) flattenOutline(node.items, depth + 1, out);
  }
  return out;
}

/** Gives the blocks that begin with a bookmark's title that bookmark's level. */
function markOutline(blocks: TextBlock[], outline: { title: string; level: number }[]): TextBlock[] {
  if (!outline.length) return blocks;
  let from = 0;
  const result = [...blocks];
  for (const { title, level } of outline) {
    for (let i = from; i < result.length; i++) {
      const text = result[i]!.text.replace(/\s+/g, '');
      if (text.startsWith(title) || (title.startsWith(text) && text.length >= 4)) {
        result[i] = { ...result[i]!, level };
        from = i + 1;
        break;
      }
    }
  }
  return result;
}

function pdfError(error: unknown): AttachmentError {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new AttachmentError('encrypted');
  return new AttachmentError('damaged', name || String(error));
}

export async function extractPdf(pdfjs: PdfModule, data: Uint8Array, options: PdfOptions = {}): Promise<Extracted> {
  const now = options.now ?? (() => performance.now());
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const budget = options.budgetMs ?? PDF_BUDGET_MS;
  const task = pdfjs.getDocument({
    data,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw pdfError(error);
  }
  try {
    const started = now();
    const pagesTotal = doc.numPages;
    const pages: PdfPageText[] = [];
    let partial = false;
    let anyText = false;
    for (let n = 1; n <= pagesTotal; n++) {
      if (n > maxPages || (n > 1 && now() - started > budget)) {
        partial = true;
        break;
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch (error) {
        // A truncated file: its first pages may still be read.
        if (pages.length) {
          partial = true;
          break;
        }
        throw pdfError(error);
      }
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , e, f] = item.transform as number[];
        const size = Math.hypot(a!, b!) || item.height;
        if (item.str.trim()) anyText = true;
        runs.push({ str: item.str, x: e!, y: f!, width: item.width, size });
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    if (!anyText) {
      if (pagesTotal > 0 && pages.length > 0) throw new AttachmentError('scan');
      throw new AttachmentError('empty');
    }
    const outline = await doc.getOutline().catch(() => null);
    const blocks = markOutline(pdfParagraphs(pages), flattenOutline(outline as OutlineNode[] | null));
    return { blocks, pagesRead: pages.length, pagesTotal, partial };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
