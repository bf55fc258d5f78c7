// One downloaded file to paragraphs: the type is sniffed from the bytes (portals send Word and PDF
// files as application/octet-stream, and a login page where the file should be), then the
// format's reader runs. pdf.js is loaded only for PDFs (it is most of the viewer's size).
import { AttachmentError } from './errors';
import { sniffKind } from './sniff';
import { extractDocx } from './docx';
import { extractDoc } from './doc';
import type { Extracted } from './blocks';
import type { PdfOptions } from './pdf';

export interface ReadOptions {
  /** Reads a PDF (the viewer wires pdf.js and its worker; tests use the Node build). */
  readonly readPdf: (bytes: Uint8Array, options: PdfOptions) => Promise<Extracted>;
  readonly pdf?: PdfOptions;
}

export async function readAttachment(bytes: Uint8Array, options: ReadOptions): Promise<Extracted> {
  if (bytes.length === 0) throw new AttachmentError('empty');
  switch (sniffKind(bytes)) {
    case 'pdf':
      return options.readPdf(bytes, options.pdf ?? {});
    case 'docx':
      return extractDocx(bytes);
    case 'cfb':
      return extractDoc(bytes);
    case 'html':
      throw new AttachmentError('login');
    default:
      throw new AttachmentError('unsupported');
  }
}
