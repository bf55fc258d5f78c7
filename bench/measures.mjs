// The bench's measures in the order they run, each `(run, results) => Promise<void>` filling its
// part of `results` (the fields bench/report.mjs reads). A new measure is one function here and
// its entry in MEASURES (plus its rows in the report).
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { clearStorage, restoreStorage, waitForQuiet } from './browser.mjs';
import { makeBenchPage, writeBenchPages } from './make-page.mjs';
import { benchNonDocument, benchPage } from './page-load.mjs';
import { waitForPanel } from './panel.mjs';
import { benchAttachments } from './attachments.mjs';
import { benchHostile } from './hostile.mjs';
import { benchPhraseFinding, FLOOD, summarizePhraseBench } from './phrases.mjs';
import { ms, NON_DOCUMENT } from './report-common';
import { baselineLongTasks, describeScroll, longTasksWhileScrolling, THROTTLED_SCROLL_STEPS } from './scroll.mjs';
import { BASE_ARGS, ROOT, THROTTLE } from './setup.mjs';
import { benchSheetCost } from './sheet-cost.mjs';
import { storageWritesWhileScrolling } from './storage-writes.mjs';
import { DOCUMENTS, seedStoredDocuments } from './stored-documents.mjs';

/** The realistic long page: a notice pasted from Word with a table of 附件 (tests/fixtures); `parts` = top-level outline rows. */
const REALISTIC = { file: 'word-pasted-long.html', label: 'Word-pasted notice', parts: 15 };

/** The report's inputs before any measure ran (a measure left out leaves its part null). */
export const emptyResults = () => ({
  sizes: [],
  nonDoc: null,
  scroll: null,
  throttledScroll: null,
  storage: null,
  storedStorage: null,
  baseline: null,
  throttledBaseline: null,
  phrases: null,
  sheetCost: null,
  attachments: null,
  hostile: null,
});

/** The bench pages (1×, 30×, 100× …), the non-document and the realistic page, written to `pagesDir`. */
export async function writePages(pagesDir, sizes) {
  const pages = await writeBenchPages(pagesDir, sizes);
  for (const page of pages) page.label = `${page.times}×`;
  for (const file of [NON_DOCUMENT, REALISTIC.file])
    await copyFile(path.join(ROOT, 'tests', 'fixtures', file), path.join(pagesDir, file));
  return pages;
}

/** Each size's loads; on the smallest the non-document check, on the largest the scrolls and storage writes. */
async function sizes({ executablePath, origin, options, pages, largest }, results) {
  for (const pageInfo of pages) {
    console.log(`${pageInfo.times}× (${pageInfo.parts} parts, ${(pageInfo.bytes / 1024).toFixed(0)} KB of HTML)`);
    const extra = async ({ worker, page, url, cdp }) => {
      if (pageInfo.times === options.sizes[0]) {
        results.nonDoc = await benchNonDocument(page, origin, options.runs * 3);
        console.log(
          `  non-document check: ${ms(results.nonDoc.checkMs, 2)} (${results.nonDoc.values.map((v) => v.toFixed(2)).join(', ')})`,
        );
      }
      if (pageInfo.times === largest.times && options.scroll)
        await scrolls({ worker, page, url, cdp, times: pageInfo.times }, results);
    };
    results.sizes.push(await benchPage(executablePath, origin, pageInfo, options.runs, { extra }));
  }
}

/** On the largest page, in the browser its loads used: scrolling at CPU 1× and slowed, then storage writes. */
async function scrolls({ worker, page, url, cdp, times }, results) {
  const open = async () => {
    await page.goto('about:blank');
    await clearStorage(worker);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForPanel(page, 60_000);
    await waitForQuiet(page, 500);
  };
  await open();
  results.scroll = { times, ...(await longTasksWhileScrolling(page)) };
  console.log(`  scroll with extension: ${describeScroll(results.scroll)}`);
  await open();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  try {
    results.throttledScroll = { times, ...(await longTasksWhileScrolling(page, { maxSteps: THROTTLED_SCROLL_STEPS })) };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  console.log(`  scroll with extension, CPU ${THROTTLE}×: ${describeScroll(results.throttledScroll)}`);
  const storage = (results.storage = await storageWritesWhileScrolling(worker, page, url));
  console.log(
    `  storage: ${storage.during} writes (${storage.kB.toFixed(0)} KB) in ${storage.seconds.toFixed(1)} s (+${storage.trailing} trailing)`,
  );
}

async function realistic({ executablePath, origin, options }, results) {
  console.log(`${REALISTIC.label} (${REALISTIC.file})`);
  results.sizes.push(await benchPage(executablePath, origin, { ...REALISTIC, times: NaN }, options.runs));
}

/** The largest page with DOCUMENTS realistic documents already stored: its loads, then storage writes while scrolling. */
async function stored({ executablePath, origin, options, largest: big }, results) {
  if (!options.stored) return;
  console.log(`${big.times}× with ${DOCUMENTS} documents stored`);
  let snapshot = null;
  let storedStorage = null;
  const seedHtml = makeBenchPage(30);
  const setup = async ({ context, worker }) => {
    await clearStorage(worker);
    const extensionId = new URL(worker.url()).host;
    const seeded = await seedStoredDocuments(context, extensionId, seedHtml, DOCUMENTS);
    snapshot = await worker.evaluate(() => chrome.storage.local.get(null));
    console.log(`  seeded ${seeded.count} documents (${(seeded.bytes / 1024).toFixed(0)} KB in storage)`);
    return { storedBytes: seeded.bytes, documents: seeded.count };
  };
  const prepareStorage = (worker) => restoreStorage(worker, snapshot);
  const extra = async ({ worker, page, url }) => {
    if (!options.scroll) return;
    storedStorage = await storageWritesWhileScrolling(worker, page, url, () => prepareStorage(worker));
    console.log(
      `  storage with ${DOCUMENTS} documents: ${storedStorage.during} writes (${storedStorage.kB.toFixed(0)} KB) in ${storedStorage.seconds.toFixed(1)} s`,
    );
  };
  const result = await benchPage(
    executablePath,
    origin,
    { ...big, label: `${big.times}×, ${DOCUMENTS} stored documents`, seeded: true },
    options.runs,
    { setup, prepareStorage, extra },
  );
  results.sizes.push(result);
  if (storedStorage)
    results.storedStorage = {
      ...storedStorage,
      times: big.times,
      documents: result.documents,
      storedBytes: result.storedBytes,
    };
}

/** The same scrolls of the largest page in Chromium without the extension. */
async function baselines({ executablePath, origin, options, largest: big }, results) {
  if (!options.scroll) return;
  results.baseline = await baselineLongTasks(
    executablePath,
    `${origin}/${big.file}`,
    results.scroll?.steps ?? Infinity,
  );
  console.log(`  scroll without extension: ${describeScroll(results.baseline)}`);
  results.throttledBaseline = await baselineLongTasks(
    executablePath,
    `${origin}/${big.file}`,
    results.throttledScroll?.steps ?? THROTTLED_SCROLL_STEPS,
    THROTTLE,
  );
  console.log(`  scroll without extension, CPU ${THROTTLE}×: ${describeScroll(results.throttledBaseline)}`);
}

/** Phrase finding on the largest page: none vs FLOOD reader phrases (also run alone by --only=phrases). */
export async function phrases({ executablePath, origin, options, largest }, results) {
  console.log(`phrase finding on ${largest.times}×: none vs ${FLOOD} reader phrases`);
  const found = await benchPhraseFinding({
    executablePath,
    args: BASE_ARGS,
    url: `${origin}/${largest.file}`,
    runs: Math.max(5, options.runs),
  });
  const p = (results.phrases = { times: largest.times, ...summarizePhraseBench(found) });
  console.log(
    `  none ${ms(p.noneMs)}, ${FLOOD} phrases ${ms(p.floodMs)} (${p.ratio.toFixed(2)}×), regex finder ${ms(p.regexMs, 0)}`,
  );
}

/** The attachment viewer on a 50-page PDF vs pdf.js's floor, and on ~100-page .docx/.doc (also run alone by --only=attachments). */
export async function attachments({ executablePath, origin, pagesDir, options }, results) {
  console.log('attachments: viewer start → outline, 50-page PDF vs pdf.js getTextContent; ~100-page .docx/.doc');
  results.attachments = await benchAttachments({ executablePath, origin, pagesDir, runs: options.runs });
  const a = results.attachments.pdf;
  console.log(`  pdf: viewer ${ms(a.viewerMs, 0)}, floor ${ms(a.floorMs, 0)} (${a.ratio.toFixed(2)}×)`);
}

/** The hostile pages of issue 22 at CPU 4×: verdict, longest task of ours, exceptions (also run alone by --only=hostile). */
export async function hostile({ executablePath, origin, pagesDir, options }, results) {
  console.log('hostile pages (issue 22): verdict, longest task of ours and exceptions at CPU 4×');
  results.hostile = await benchHostile({ executablePath, origin, pagesDir, runs: options.runs });
}

async function sheet({ executablePath, options }, results) {
  if (!options.sheet) return;
  console.log(
    "the fixed highlight sheet: style in each page's own load without and with it, and adopting it after load (no extension)",
  );
  results.sheetCost = {
    runs: options.runs,
    rows: await benchSheetCost({ executablePath, args: BASE_ARGS, runs: options.runs, log: console.log }),
  };
}

/** The full run's measures, in order (the order matters: the baselines take the scrolls' step counts). */
export const MEASURES = [sizes, realistic, stored, baselines, phrases, sheet, attachments, hostile];
