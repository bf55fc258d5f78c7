// Measures detection and outlines on a folder of labelled real pages with the BUILT extension in
// Chromium: every page is served on a local port and opened as http://www.example.edu.cn:PORT/…
// (mapped to 127.0.0.1, so the shipped manifest's *.edu.cn match applies); the content script's
// status is asked through the extension's service worker, as the popup asks it.
//
//   npm run corpus [-- <folder>…] [--baseline <file>] [--write-baseline]
//     folder: expected.json + pages/ (default: every ../shared/corpus/real-pages* folder that exists)
//
// Prints one row a page (found / missed / false positive, top-level parts exact, （一）-level
// sub-points exact against the labels' `subparts`) and the totals of each set. Compares every page
// with the committed baseline (tests/corpus-baseline.json, keyed by set folder name and page file)
// and exits 1 on any regression: a page that was right (found or turned down as labelled, parts
// exact, sub-points exact) and is not any more. A page the baseline does not know is held to the
// labels for detection and parts (sub-points are reported, not required). --write-baseline records
// this run's results for the sets it ran (keeping the other sets' entries).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { chromiumNotFoundMessage, findChromium } from './find-chromium.mjs';
import { startServer } from './serve.mjs';
import { statusOf } from './tab-status.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const DEFAULT_BASELINE = path.join(ROOT, 'tests', 'corpus-baseline.json');
/** A host the shipped content-script matches cover (*.edu.cn), resolved to the local server. */
const HOST = 'www.example.edu.cn';
/** How long a page may take to settle: detection, then the panel. */
const PAGE_TIMEOUT_MS = 15_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function usage(message) {
  console.error(
    `${message}\nusage: npm run corpus [-- <folder with expected.json and pages/>…] [--baseline <file>] [--write-baseline]`,
  );
  process.exit(2);
}

/** What the labels compare: entities and whitespace as the panel shows them. */
function shown(text) {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Text without any white space: '第一章 总 则' (as printed) and '第一章 总则' (as shown) are one heading. */
function squeezed(text) {
  return shown(text).replace(/ /g, '');
}

/**
 * A heading matches its label when the label (the first ~10 characters as printed) begins it, white
 * space aside; a heading shorter than its label matches when it is the label's whole start (a
 * run-in heading cut at its sentence). Either way the numeral and the words after it must agree.
 */
function headingMatches(label, heading) {
  const want = squeezed(label);
  const got = squeezed(heading);
  if (got.startsWith(want)) return true;
  return want.startsWith(got) && got.length >= Math.min(want.length, 4);
}

/** The part's numeral as the labels key it: '二' for '二、…', '§2' for '§2.…', else its first 3 characters. */
function partKey(heading) {
  return (
    /^([〇零一二三四五六七八九十百]+)、/.exec(heading)?.[1] ?? /^§\s*\d+/.exec(heading)?.[0] ?? heading.slice(0, 3)
  );
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

/** The labelled sets to run: the folders given, else every ../shared/corpus/real-pages* folder that exists. */
function foldersFrom(args) {
  if (args.length > 0) return args.map((a) => path.resolve(a));
  if (!existsSync(SHARED_CORPUS)) return [];
  return readdirSync(SHARED_CORPUS)
    .filter((name) => /^real-pages/.test(name) && existsSync(path.join(SHARED_CORPUS, name, 'expected.json')))
    .sort()
    .map((name) => path.join(SHARED_CORPUS, name));
}

function parseArgs(argv) {
  const folders = [];
  let baseline = DEFAULT_BASELINE;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--write-baseline') write = true;
    else if (a === '--baseline') baseline = path.resolve(argv[++i] ?? usage('--baseline needs a file'));
    else if (a.startsWith('--')) usage(`Unknown option ${a}`);
    else folders.push(a);
  }
  return { folders: foldersFrom(folders), baseline, write };
}

/** Runs one labelled set in the open browser: one row a page. */
async function runSet(launched, folder) {
  const labels = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
  const pagesDir = existsSync(path.join(folder, 'pages')) ? 'pages/' : '';
  const server = await startServer({ root: folder, port: 0, host: '127.0.0.1' });
  const port = new URL(server.url).port;
  const { serviceWorker: worker, page } = launched;
  const rows = [];
  try {
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
        onRequest = asked?.found === true && asked.requested === true && asked.parts.length > 0;
      }
      rows.push(judge(label, status, ms, onRequest));
      await page.goto('about:blank');
    }
  } finally {
    await server.close();
  }
  return rows;
}

/** One page's result: detection verdict, parts and sub-points against the labels. */
function judge(label, status, ms, onRequest) {
  const ambiguous = label.ambiguous === true;
  const found = status?.found === true;
  const expectedParts = (label.parts ?? []).map(shown);
  const parts = found ? topLevel(status) : [];
  const partsOk =
    expectedParts.length === parts.length && expectedParts.every((p, i) => headingMatches(p, parts[i].heading));
  const subOk = sameMap(label.subparts ?? {}, subpartMap(parts));
  let verdict;
  if (label.document === true) verdict = found ? 'TP' : 'FN';
  else if (label.document === false) verdict = found ? 'FP' : 'TN';
  else verdict = found ? 'found' : 'not found';
  const isDoc = label.document === true;
  return {
    label,
    status,
    ms,
    onRequest,
    ambiguous,
    found,
    verdict,
    expectedParts,
    parts,
    partsOk: isDoc && found ? partsOk : null,
    subOk: isDoc && found ? subOk : null,
  };
}

/** The baseline's record of a page: what was right. */
function record(row) {
  return { verdict: row.verdict, parts: row.partsOk, subparts: row.subOk };
}

/** Why a page is worse than its baseline (or, unknown to it, than its labels); empty when it is not. */
function regressions(row, before) {
  if (row.ambiguous) return [];
  const out = [];
  if (row.onRequest === false) out.push('turned down, and did not open on request');
  const rightVerdict = row.verdict === 'TP' || row.verdict === 'TN';
  if (!before) {
    if (!rightVerdict) out.push(`${row.verdict} (not in the baseline)`);
    else if (row.partsOk === false) out.push('parts not exact (not in the baseline)');
    return out;
  }
  const wasRight = before.verdict === 'TP' || before.verdict === 'TN';
  if (wasRight && !rightVerdict) out.push(`${before.verdict} → ${row.verdict}`);
  if (before.parts === true && row.partsOk === false) out.push('parts were exact, are not');
  if (before.subparts === true && row.subOk === false) out.push('sub-points were exact, are not');
  return out;
}

function yesNo(value) {
  return value === null ? '-' : value ? 'ok' : 'DIFF';
}

/** Prints a set's table and totals; returns its regressions. */
function report(name, rows, baseline) {
  const totals = { tp: 0, fp: 0, tn: 0, fn: 0, parts: 0, subs: 0, docs: 0 };
  const header = `${pad('page', 36)} ${pad('label', 6)} ${pad('got', 11)} ${pad('verdict', 10)} ${pad('parts', 7)} ${pad('exact', 6)} ${pad('（一）', 6)} ${pad('time', 7)} why`;
  console.log(`\n== ${name}`);
  console.log(header);
  console.log('-'.repeat(header.length + 30));
  const failures = [];
  for (const row of rows) {
    const { label, status, ms, onRequest, ambiguous, found } = row;
    const got = status?.error ? 'error' : found ? (status.requested ? 'on request' : 'document') : status.reason;
    if (!ambiguous) {
      if (row.verdict === 'TP') {
        totals.tp++;
        totals.docs++;
        if (row.partsOk) totals.parts++;
        if (row.subOk) totals.subs++;
      } else if (row.verdict === 'FN') totals.fn++;
      else if (row.verdict === 'FP') totals.fp++;
      else if (row.verdict === 'TN') totals.tn++;
    }
    const why = status?.why
      ? `${status.why.score}/${status.why.threshold} ${status.why.signals.map((s) => (s.text ? `${s.code}:${s.text}` : s.code)).join(' ')}`
      : (status?.error ?? '');
    const labelText = label.document === true ? 'doc' : label.document === false ? 'not' : 'amb';
    console.log(
      `${pad(cut(label.file, 35), 36)} ${pad(labelText, 6)} ${pad(got, 11)} ${pad(ambiguous ? `(${row.verdict})` : row.verdict, 10)} ` +
        `${pad(`${row.expectedParts.length}/${row.parts.length}`, 7)} ${pad(yesNo(row.partsOk), 6)} ${pad(yesNo(row.subOk), 6)} ` +
        `${pad(`${ms}ms`, 7)} ${cut(why + (onRequest ? ' · opens on request' : ''), 64)}`,
    );
    if (row.partsOk === false || row.subOk === false) {
      console.log(
        `    expected parts: ${row.expectedParts.join(' | ')}  subparts: ${JSON.stringify(label.subparts ?? {})}`,
      );
      console.log(
        `    got parts:      ${row.parts.map((p) => cut(shown(p.heading), 24)).join(' | ')}  subparts: ${JSON.stringify(subpartMap(row.parts))}`,
      );
    }
    const worse = regressions(row, baseline?.[label.file]);
    if (worse.length > 0) {
      failures.push(`${name}/${label.file}: ${worse.join('; ')}`);
      console.log(`    REGRESSION: ${worse.join('; ')}`);
    }
  }
  const rate = (n) => (totals.docs === 0 ? 'n/a' : `${n}/${totals.docs} (${Math.round((100 * n) / totals.docs)}%)`);
  const ambiguous = rows.filter((r) => r.ambiguous).length;
  console.log('-'.repeat(header.length + 30));
  console.log(
    `${name}: pages ${rows.length} (ambiguous, not counted: ${ambiguous})  TP ${totals.tp}  FP ${totals.fp}  TN ${totals.tn}  FN ${totals.fn}` +
      `  parts exact ${rate(totals.parts)}  sub-points exact ${rate(totals.subs)}`,
  );
  return { failures, totals };
}

function readBaseline(file) {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    usage(`Baseline ${file} is not JSON: ${error.message}`);
  }
}

/** The name a set goes by in the baseline: its folder's name, with the parent for our own fixtures. */
function setName(folder) {
  const rel = path.relative(ROOT, folder);
  return rel.startsWith('..') ? path.basename(folder) : rel.split(path.sep).join('/');
}

async function main() {
  const { folders, baseline: baselineFile, write } = parseArgs(process.argv.slice(2));
  if (folders.length === 0)
    usage(
      `No labelled folder: no ${path.relative(process.cwd(), SHARED_CORPUS)}/real-pages*/ exists and none was given.`,
    );
  for (const folder of folders)
    if (!existsSync(path.join(folder, 'expected.json'))) usage(`No expected.json in ${folder}`);
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) usage('No extension build: run `npm run build` first.');
  const executablePath = findChromium();
  if (!executablePath) usage(chromiumNotFoundMessage());
  const baseline = readBaseline(baselineFile);

  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gongwen-corpus-'));
  // Every other host fails at once: the pages' own resource links must not wait on a network this run never uses.
  const extraArgs = [
    '--host-resolver-rules=MAP *.edu.cn 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ];
  let launched;
  const results = [];
  try {
    launched = await launchChromiumWithExtension({
      executablePath,
      userDataDir,
      extensionDir: EXTENSION_DIR,
      args: extraArgs,
    });
    for (const folder of folders) results.push({ name: setName(folder), rows: await runSet(launched, folder) });
    await launched.context.close();
    launched = null;
  } finally {
    if (launched) await launched.context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }

  const failures = [];
  for (const { name, rows } of results) failures.push(...report(name, rows, baseline[name]).failures);
  console.log(
    `\n${results.reduce((n, r) => n + r.rows.length, 0)} pages in ${((Date.now() - STARTED) / 1000).toFixed(1)} s`,
  );
  if (write) {
    const next = { ...baseline };
    for (const { name, rows } of results)
      next[name] = Object.fromEntries(rows.map((row) => [row.label.file, record(row)]));
    const sorted = Object.fromEntries(
      Object.keys(next)
        .sort()
        .map((k) => [k, next[k]]),
    );
    // One line a page, so a change to the baseline reads as one line a page in review.
    const sets = Object.entries(sorted).map(
      ([set, pages]) =>
        `  ${JSON.stringify(set)}: {\n${Object.entries(pages)
          .map(([file, r]) => `    ${JSON.stringify(file)}: ${JSON.stringify(r)}`)
          .join(',\n')}\n  }`,
    );
    writeFileSync(baselineFile, `{\n${sets.join(',\n')}\n}\n`);
    console.log(`corpus: baseline written to ${path.relative(process.cwd(), baselineFile)}`);
  }
  if (failures.length > 0 && !write) {
    console.log(
      `corpus: FAILED — ${failures.length} regression(s) against ${path.relative(process.cwd(), baselineFile)}:`,
    );
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  } else if (!write) console.log('corpus: passed (no regression against the baseline)');
}

main().catch((error) => {
  console.error(`corpus: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
