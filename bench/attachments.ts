// Attachments row of the benchmark (run alone: `npx vite-node bench/attachments.ts`; needs
// `node scripts/make-attachment-fixtures.mjs --long` once for the 50-page PDF).
//   pdf   our PDF path (extractPdf: pdf.js text + paragraphs + outline) on a 50-page text PDF,
//         against pdf.js's own getTextContent over all pages of the same file (the floor); goal ≤ 1.5×.
//   docx  extraction of a ~100-page .docx (the 工作要点 fixture's body repeated), fflate + tokenizer.
//   doc   extraction of the .doc fixture's text repeated to ~100 pages is not possible without Word;
//         measured on the fixture as is and reported per KB.
// Medians of 3 runs, in Node (pdf.js's fake worker: same parser as the browser's worker).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdf } from '../lib/attachments/pdf';
import { extractDocx } from '../lib/attachments/docx';
import { extractDoc } from '../lib/attachments/doc';

const DIR = path.resolve('tests/fixtures/attachments');
const CMAPS = `${path.resolve('node_modules/pdfjs-dist/cmaps')}/`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown> | unknown, runs = 3): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function floor(bytes: Uint8Array): Promise<void> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl: CMAPS, cMapPacked: true, isEvalSupported: false })
    .promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}

/** The 工作要点 docx with its body repeated to about 100 pages. */
function longDocx(): Uint8Array {
  const files = unzipSync(readFileSync(path.join(DIR, 'work-points.docx')));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  const body = xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('<w:sectPr'));
  files['word/document.xml'] = strToU8(xml.replace(body, body.repeat(50)));
  return zipSync(files);
}

const long = path.join(DIR, 'long-50.pdf');
if (!existsSync(long)) throw new Error('run `node scripts/make-attachment-fixtures.mjs --long` first');
const pdf = new Uint8Array(readFileSync(long));
const pages = (await extractPdf(pdfjs, pdf.slice(), { cMapUrl: CMAPS })).pagesTotal;
const floorMs = await time(() => floor(pdf));
const oursMs = await time(() => extractPdf(pdfjs, pdf.slice(), { cMapUrl: CMAPS }));
const docx = longDocx();
const docxBlocks = extractDocx(docx).blocks.length;
const docxMs = await time(() => extractDocx(docx));
const doc = new Uint8Array(readFileSync(path.join(DIR, 'initiative.doc')));
const docMs = await time(() => extractDoc(doc), 20);
const ratio = oursMs / floorMs;
console.log(
  `| attachments | pdf ${pages} pages: ${oursMs.toFixed(0)} ms vs floor ${floorMs.toFixed(0)} ms (${ratio.toFixed(2)}×, goal ≤ 1.5×${ratio <= 1.5 ? '' : ' MISSED'}) | docx ${docxBlocks} paragraphs (~100 pages): ${docxMs.toFixed(1)} ms | doc ${(doc.length / 1024).toFixed(0)} KB: ${docMs.toFixed(2)} ms |`,
);
