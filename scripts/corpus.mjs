// Measures detection and outlines on a folder of labelled real pages with the BUILT extension in
// Chromium: every page is served on a local port and opened as http://www.example.edu.cn:PORT/…
// (mapped to 127.0.0.1, so the shipped manifest's *.edu.cn match applies); the content script's
// status is asked through the extension's service worker, as the popup asks it.
//
//   npm run corpus [-- <folder>]     folder: expected.json + pages/ (default ../shared/corpus/real-pages)
//
// Prints one row a page and the totals (true/false positives and negatives, parts-exact rate);
// exits 1 on any false positive, false negative or wrong outline among pages not marked ambiguous.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { chromiumNotFoundMessage, findChromium } from './find-chromium.mjs';
import { startServer } from './serve.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const DEFAULT_FOLDER = path.resolve(ROOT, '..', 'shared', 'corpus', 'real-pages');
/** A host the shipped content-script matches cover (*.edu.cn), resolved to the local server. */
const HOST = 'www.example.edu.cn';
/** How long a page may take to settle: detection, then the panel. */
const PAGE_TIMEOUT_MS = 15_000;
const HEADING_CHARS = 10;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function usage(message) {
  console.error(`${message}\nusage: npm run corpus [-- <folder with expected.json and pages/>]`);
  process.exit(2);
}

/** What the labels compare: entities and whitespace as the panel shows them. */
function shown(text) {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** The part's numeral as the labels key it: '二' for '二、…', '§2' for '§2.…', else its first 3 characters. */
function partKey(heading) {
  return /^([〇零一二三四五六七八九十百]+)、/.exec(heading)?.[1] ?? /^§\s*\d+/.exec(heading)?.[0] ?? heading.slice(0, 3);
}

/** The outline's top level as labelled: the documents' parts, not the covering note or the attachments. */
function topLevel(status) {
  return status.parts.filter((part) => part.group !== 'note' && part.group !== 'attachments');
}

function subpartMap(parts) {
  const map = {};
  for (const part of parts) if (part.subparts > 0) map[partKey(part.heading)] = part.subparts;
  return map;
}

function sameMap(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** The content script's status for the tab showing `url`, asked as the popup asks it. */
async function statusOf(worker, url) {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target) ?? tabs.find((t) => t.active);
    if (!tab?.id) return { error: 'no tab' };
    try {
      return (await chrome.tabs.sendMessage(tab.id, { type: 'gongwen:status' }, { frameId: 0 })) ?? { error: 'no answer' };
    } catch (error) {
      return { error: String(error) };
    }
  }, url);
}

/** Asks the tab's content script to serve the page anyway, as the popup's button does. */
async function askRun(worker, url) {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target) ?? tabs.find((t) => t.active);
    if (!tab?.id) return false;
    return chrome.tabs.sendMessage(tab.id, { type: 'gongwen:run' }, { frameId: 0 }).catch(() => false);
  }, url);
}

/** Waits until detection has decided: a reader is up, or the page was turned down. */
async function settledStatus(worker, url) {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  let last = null;
  while (Date.now() < deadline) {
    last = await statusOf(worker, url);
    if (last && !last.error && (last.found || last.reason !== 'starting')) return last;
    await sleep(100);
  }
  return last ?? { error: 'timeout' };
}

function pad(text, width) {
  const s = String(text);
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

function cut(text, width) {
  let out = '';
  let w = 0;
  for (const ch of String(text)) {
    const cw = /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    if (w + cw > width) return `${out}…`;
    out += ch;
    w += cw;
  }
  return out;
}

const STARTED = Date.now();

async function main() {
  const arg = process.argv[2];
  const folder = arg ? path.resolve(arg) : existsSync(DEFAULT_FOLDER) ? DEFAULT_FOLDER : null;
  if (!folder) usage(`No labelled folder: ${path.relative(process.cwd(), DEFAULT_FOLDER)} does not exist and none was given.`);
  const labelsFile = path.join(folder, 'expected.json');
  if (!existsSync(labelsFile)) usage(`No expected.json in ${folder}`);
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) usage('No extension build: run `npm run build` first.');
  const executablePath = findChromium();
  if (!executablePath) usage(chromiumNotFoundMessage());
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8'));
  const pagesDir = existsSync(path.join(folder, 'pages')) ? 'pages/' : '';

  const server = await startServer({ root: folder, port: 0, host: '127.0.0.1' });
  const port = new URL(server.url).port;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-corpus-'));
  // Every other host fails at once: the pages' own resource links must not wait on a network this run never uses.
  const extraArgs = ['--host-resolver-rules=MAP *.edu.cn 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];
  let launched;
  try {
    launched = await launchChromiumWithExtension({ executablePath, userDataDir, extensionDir: EXTENSION_DIR, args: extraArgs });
    const { context, serviceWorker: worker, page } = launched;
    const rows = [];
    for (const label of labels) {
      const url = `http://${HOST}:${port}/${pagesDir}${label.file}`;
      const began = Date.now();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const status = await settledStatus(worker, url);
      const ms = Date.now() - began;
      // A page turned down for want of document signals must still open on the user's request (outline only).
      let onRequest = null;
      if (status && !status.found && status.reason === 'no-signals') {
        await askRun(worker, url);
        const asked = await settledStatus(worker, url);
        onRequest = asked?.found === true && asked.requested === true && asked.kind === null && asked.parts.length > 0;
      }
      rows.push({ label, status, ms, onRequest });
      await page.goto('about:blank');
    }
    await context.close();
    launched = null;
    report(rows);
  } finally {
    if (launched) await launched.context.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
}

function report(rows) {
  const totals = { tp: 0, fp: 0, tn: 0, fn: 0, exact: 0, docs: 0 };
  let failed = false;
  const header = `${pad('page', 36)} ${pad('label', 9)} ${pad('got', 11)} ${pad('parts', 7)} ${pad('（一）', 6)} ${pad('verdict', 10)} ${pad('time', 7)} why`;
  console.log(header);
  console.log('-'.repeat(header.length + 30));
  for (const { label, status, ms, onRequest } of rows) {
    const ambiguous = label.ambiguous === true;
    const found = status?.found === true;
    const got = status?.error ? `error` : found ? (status.requested ? 'on request' : 'document') : status.reason;
    if (onRequest === false) {
      console.log(`    ${label.file}: turned down for want of signals, but did not open on request`);
      failed = true;
    }
    const expectedParts = (label.parts ?? []).map(shown);
    const parts = found ? topLevel(status) : [];
    const gotParts = parts.map((p) => shown(p.heading).slice(0, HEADING_CHARS));
    const partsOk = expectedParts.length === gotParts.length && expectedParts.every((p, i) => p === gotParts[i]);
    const subOk = sameMap(label.subparts ?? {}, subpartMap(parts));
    let verdict;
    if (label.document && found) verdict = partsOk && subOk ? 'TP exact' : 'TP WRONG';
    else if (label.document) verdict = 'FN';
    else verdict = found ? 'FP' : 'TN';
    if (!ambiguous) {
      if (label.document && found) {
        totals.tp++;
        totals.docs++;
        if (partsOk && subOk) totals.exact++;
        else failed = true;
      } else if (label.document) {
        totals.fn++;
        failed = true;
      } else if (found) {
        totals.fp++;
        failed = true;
      } else totals.tn++;
    }
    const why = status?.why
      ? `${status.why.score}/${status.why.threshold} ${status.why.signals.map((s) => (s.text ? `${s.code}:${s.text}` : s.code)).join(' ')}`
      : (status?.error ?? '');
    console.log(
      `${pad(cut(label.file, 35), 36)} ${pad(label.document ? 'doc' : 'not', 9)} ${pad(got, 11)} `
      + `${pad(`${expectedParts.length}/${gotParts.length}`, 7)} ${pad(subOk ? 'ok' : 'diff', 6)} `
      + `${pad(ambiguous ? `(${verdict})` : verdict, 10)} ${pad(`${ms}ms`, 7)} ${cut(why + (onRequest ? ' · opens on request' : ''), 64)}`,
    );
    if (label.document && found && !(partsOk && subOk)) {
      console.log(`    expected parts: ${expectedParts.join(' | ')}  subparts: ${JSON.stringify(label.subparts ?? {})}`);
      console.log(`    got parts:      ${gotParts.join(' | ')}  subparts: ${JSON.stringify(subpartMap(parts))}`);
    }
  }
  const rate = totals.docs === 0 ? 'n/a' : `${totals.exact}/${totals.docs} (${Math.round((100 * totals.exact) / totals.docs)}%)`;
  const ambiguous = rows.filter((r) => r.label.ambiguous === true).length;
  console.log('-'.repeat(header.length + 30));
  console.log(`pages ${rows.length} in ${((Date.now() - STARTED) / 1000).toFixed(1)} s (ambiguous, not counted: ${ambiguous})  TP ${totals.tp}  FP ${totals.fp}  TN ${totals.tn}  FN ${totals.fn}  parts exact ${rate}`);
  if (failed) {
    console.log('corpus: FAILED (a false positive, a false negative or a wrong outline among the non-ambiguous pages)');
    process.exitCode = 1;
  } else console.log('corpus: passed');
}

main().catch((error) => {
  console.error(`corpus: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(2);
});
