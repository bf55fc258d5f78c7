// Build-time only (Node): which pdf.js files the build copies from the package (wxt.config.ts): the worker, and the CMaps
// that PDFs set in Chinese fonts (仿宋_GB2312, 方正小标宋 …) need — the GB/UniGB encodings and
// Adobe-GB1's map to Unicode. Without them such PDFs yield no text. Nothing is fetched remotely.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { PDF_CMAP_DIR, PDF_WORKER_FILE } from './pdfjs-files';

/** The Chinese (GB) CMaps: file names with GB in them. */
export const isChineseCMap = (name: string) => /GB/.test(name) && name.endsWith('.bcmap');

export function pdfjsAssets(packageDir: URL): { absoluteSrc: string; relativeDest: string }[] {
  const files = [
    {
      absoluteSrc: fileURLToPath(new URL('legacy/build/pdf.worker.min.mjs', packageDir)),
      relativeDest: PDF_WORKER_FILE,
    },
  ];
  const cmaps = new URL('cmaps/', packageDir);
  for (const name of readdirSync(cmaps).filter(isChineseCMap)) {
    files.push({ absoluteSrc: fileURLToPath(new URL(name, cmaps)), relativeDest: `${PDF_CMAP_DIR}${name}` });
  }
  return files;
}
