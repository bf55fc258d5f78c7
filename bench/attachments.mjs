// The attachments row (issue 23): the built extension's viewer (viewer.html?src=) in Chromium, from
// the viewer page's navigation start to the outline drawn in its panel (the panel frame's
// 'gongwen-panel:drawn' mark, lib/ui/panel-marks.ts, on the same wall clock; then 文档导航 checked
// by role), on a ~50-page text PDF, against the floor: pdf.js's own getTextContent over every
// page of the same file (fetch + getDocument + all pages), run in the same browser and run with
// the extension's own pdf.js chunk, worker and CMaps, in a viewer page that was given no file.
// Runs alternate (viewer, floor, viewer, floor …), each in a fresh tab. Also the viewer's time to
// the outline on a ~100-page .docx and .doc made by LibreOffice (`soffice`) from the same kind of
// HTML at bench time (left out, with a note, where soffice is missing), and the packaged size the
// viewer adds (pdf.js chunk, worker, CMaps; unpacked and zipped).
//
// All files are generated here from our own HTML: Chromium's page.pdf() prints the PDF.
import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDF_CMAP_DIR, PDF_WORKER_FILE } from '../lib/attachments/pdfjs-files';
import { PANEL_MARKS } from '../lib/ui/panel-marks';
import { NAV_NAME } from '../scripts/panel-names.mjs';
import { toChineseNumeral } from '../lib/document/chinese-numerals';
import { median } from './browser.mjs';
import { BASE_ARGS, EXTENSION_DIR, launchWithExtension } from './setup.mjs';

/** Parts of the generated 公文 per printed page (a heading and three paragraphs fill about 0.8 of an A4 page at 16 pt). */
const PARTS_PER_PAGE = 1.3;
const PARAGRAPH =
  '各单位要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的教育方针，落实立德树人根本任务，' +
  '深化产教融合、校企合作，健全工作机制，明确责任分工，细化工作举措，加强督促检查，确保各项任务按期完成，' +
  '以高质量发展的实际成效服务区域经济社会发展。';

/** A 公文 of `pages` printed pages: a centred title, then parts 一、… each with three paragraphs. */
export function attachmentHtml(pages) {
  const parts = Math.max(3, Math.round(pages * PARTS_PER_PAGE));
  const body = ['<h1>海棠职业学院关于推进重点工作的实施意见</h1>', '<p>各二级学院、各部门：</p>'];
  for (let n = 1; n <= parts; n++) {
    body.push(`<p class="h">${toChineseNumeral(n)}、第${n}项重点工作</p>`);
    for (let k = 1; k <= 3; k++) body.push(`<p>（${toChineseNumeral(k)}）${PARAGRAPH}</p>`);
  }
  body.push('<p class="r">海棠职业学院办公室</p>', '<p class="r">2024年3月5日</p>');
  const style = `body{font-family:'Noto Serif CJK SC',serif;font-size:16pt;line-height:1.8;margin:0}
h1{font-size:22pt;text-align:center;font-weight:normal} p{text-indent:2em;margin:0} .h{font-weight:bold}
.r{text-align:right}`;
  return {
    parts,
    html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${style}</style></head><body>${body.join('\n')}</body></html>`,
  };
}

/** Prints the HTML to an A4 PDF with `— n —` page numbers; returns its page count. */
async function printPdf(executablePath, html, file) {
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const bytes = await page.pdf({
      path: file,
      format: 'A4',
      margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;text-align:center;font-size:12pt">— <span class="pageNumber"></span> —</div>',
    });
    return (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  } finally {
    await browser.close().catch(() => {});
  }
}

/** .docx and .doc of the HTML by LibreOffice into `dir`, or null when soffice is not installed. */
function convertWithSoffice(htmlFile, dir) {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const stem = path.basename(htmlFile, '.html');
  const profile = path.join(dir, 'soffice-profile');
  for (const format of ['docx:MS Word 2007 XML', 'doc:MS Word 97']) {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', dir, htmlFile],
      { stdio: 'ignore', timeout: 180_000 },
    );
  }
  return { docx: `${stem}.docx`, doc: `${stem}.doc` };
}

/** ms from the viewer page's navigation start to the panel's outline drawn, and the outline's parts. */
async function viewerToOutline(context, viewerBase, src) {
  const page = await context.newPage();
  try {
    await page.goto(`${viewerBase}?src=${encodeURIComponent(src)}`, { waitUntil: 'commit' });
    const frameLocator = page.locator('gongwen-reader iframe').contentFrame();
    const nav = frameLocator.getByRole('navigation', { name: NAV_NAME });
    await nav.waitFor({ state: 'attached', timeout: 120_000 });
    const frame = page.frames().find((f) => /\/sidepanel\.html/.test(f.url()));
    if (!frame) throw new Error('the viewer showed no panel frame');
    const drawnAt = await frame.evaluate(async (name) => {
      while (performance.getEntriesByName(name).length === 0) await new Promise((r) => setTimeout(r, 25));
      return performance.timeOrigin + performance.getEntriesByName(name)[0].startTime;
    }, PANEL_MARKS.drawn);
    const origin = await page.evaluate(() => performance.timeOrigin);
    // The outline draws a long list a slice per task after its first frame (components/OutlineTree.tsx)
    // and is aria-busy until the last slice: counted before that, a 130-part outline read as 67.
    await frameLocator.locator('nav[aria-busy]').waitFor({ state: 'detached', timeout: 60_000 });
    const parts = await nav.locator(':scope > ul > li').count();
    return { ms: drawnAt - origin, parts };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * The floor, run in the page. A string: vite-node (which runs the bench) rewrites a dynamic
 * import() in functions it compiles, and this one must import the extension's own chunk.
 */
const FLOOR_SOURCE = `async ({ src, chunk, worker, cmaps }) => {
  const t0 = performance.now();
  const pdfjs = await import(chunk);
  pdfjs.GlobalWorkerOptions.workerSrc = worker;
  const response = await fetch(src, { credentials: 'include', cache: 'no-store' });
  const data = new Uint8Array(await response.arrayBuffer());
  const doc = await pdfjs.getDocument({ data, cMapUrl: cmaps, cMapPacked: true, isEvalSupported: false }).promise;
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) chars += item.str ? item.str.length : 0;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { ms: performance.now() - t0, pages, chars };
}`;

/** pdf.js's own text over every page of the file, in a viewer page without a file, with the extension's pdf.js. */
async function pdfjsFloor(context, viewerBase, src, chunk) {
  const page = await context.newPage();
  try {
    await page.goto(viewerBase, { waitUntil: 'load' });
    const args = { src, chunk, worker: `/${PDF_WORKER_FILE}`, cmaps: `/${PDF_CMAP_DIR}` };
    return await page.evaluate(`(${FLOOR_SOURCE})(${JSON.stringify(args)})`);
  } finally {
    await page.close().catch(() => {});
  }
}

const sizeOf = (p) =>
  statSync(p).isDirectory() ? readdirSync(p).reduce((sum, f) => sum + sizeOf(path.join(p, f)), 0) : statSync(p).size;

function zipSize(dir, exclude, tmp) {
  const out = path.join(tmp, `size-${exclude.length}.zip`);
  execFileSync('zip', ['-q', '-r', '-9', out, '.', ...(exclude.length ? ['-x', ...exclude] : [])], { cwd: dir });
  return statSync(out).size;
}

/** What pdf.js adds to the package: its chunk, worker and CMaps, unpacked and in a zip -9 of the build. */
function packagedSize(tmp) {
  const chunks = readdirSync(path.join(EXTENSION_DIR, 'chunks'));
  const pdfChunk = chunks.find((f) => /^pdf-.*\.js$/.test(f));
  const viewerChunk = chunks.find((f) => /^viewer-.*\.js$/.test(f));
  const pdfFiles = [path.join('chunks', pdfChunk), path.dirname(PDF_WORKER_FILE)];
  const pdfBytes = pdfFiles.reduce((sum, f) => sum + sizeOf(path.join(EXTENSION_DIR, f)), 0);
  const hasZip = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
  const zipAll = hasZip ? zipSize(EXTENSION_DIR, [], tmp) : NaN;
  const zipWithout = hasZip ? zipSize(EXTENSION_DIR, [`chunks/${pdfChunk}`, `${pdfFiles[1]}/*`], tmp) : NaN;
  return {
    unpacked: sizeOf(EXTENSION_DIR),
    pdfjs: pdfBytes,
    viewer: viewerChunk ? sizeOf(path.join(EXTENSION_DIR, 'chunks', viewerChunk)) : 0,
    zipAll,
    zipWithout,
    pdfChunk,
  };
}

/**
 * The attachments measure: `pagesDir` is served at `origin` (a portal name the extension's host
 * permission covers). Returns what bench/report-attachments.mjs reports.
 */
export async function benchAttachments({ executablePath, origin, pagesDir, runs, log = console.log }) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'gongwen-bench-attach-'));
  try {
    const pdfDoc = attachmentHtml(50);
    const pdfPages = await printPdf(executablePath, pdfDoc.html, path.join(pagesDir, 'bench-50.pdf'));
    const word = attachmentHtml(100);
    const wordHtml = path.join(tmp, 'bench-100.html');
    await writeFile(wordHtml, word.html);
    const wordPages = await printPdf(executablePath, word.html, path.join(tmp, 'bench-100.pdf'));
    const converted = convertWithSoffice(wordHtml, tmp);
    if (converted)
      for (const f of Object.values(converted))
        await writeFile(path.join(pagesDir, f), readFileSync(path.join(tmp, f)));
    log(
      `  files: PDF ${pdfPages} pages (${pdfDoc.parts} parts)` +
        (converted ? `; .docx/.doc from ${wordPages} printed pages (${word.parts} parts) by soffice` : '; no soffice'),
    );

    const { context, worker } = await launchWithExtension(executablePath, path.join(tmp, 'profile'));
    try {
      const id = new URL(worker.url()).host;
      const viewerBase = `chrome-extension://${id}/viewer.html`;
      const chunk = `/chunks/${packagedSize(tmp).pdfChunk}`;
      const viewer = [];
      const floor = [];
      let pdfParts = 0;
      let floorInfo = null;
      for (let i = 0; i < runs; i++) {
        const v = await viewerToOutline(context, viewerBase, `${origin}/bench-50.pdf`);
        const f = await pdfjsFloor(context, viewerBase, `${origin}/bench-50.pdf`, chunk);
        viewer.push(v.ms);
        floor.push(f.ms);
        pdfParts = v.parts;
        floorInfo = f;
        log(
          `  pdf run ${i + 1}: viewer → outline ${v.ms.toFixed(0)} ms (${v.parts} parts), floor ${f.ms.toFixed(0)} ms`,
        );
      }
      const words = {};
      if (converted) {
        for (const [kind, file] of Object.entries(converted)) {
          const times = [];
          let parts = 0;
          for (let i = 0; i < runs; i++) {
            const v = await viewerToOutline(context, viewerBase, `${origin}/${file}`);
            times.push(v.ms);
            parts = v.parts;
          }
          const bytes = statSync(path.join(pagesDir, file)).size;
          words[kind] = { ms: median(times), values: times, parts, bytes };
          log(
            `  ${kind}: viewer → outline ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
          );
        }
      }
      const ratios = viewer.map((v, i) => v / floor[i]);
      return {
        runs,
        pdf: {
          pages: floorInfo.pages,
          chars: floorInfo.chars,
          expectedParts: pdfDoc.parts,
          parts: pdfParts,
          viewerMs: median(viewer),
          floorMs: median(floor),
          ratio: median(ratios),
          viewer,
          floor,
        },
        word: converted ? { pages: wordPages, expectedParts: word.parts, ...words } : null,
        size: packagedSize(tmp),
      };
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

export const attachmentsAvailable = () => existsSync(path.join(EXTENSION_DIR, 'viewer.html'));
