// Benchmark pages: the demo initiative (tests/fixtures/cms-spans.html) with its three parts
// repeated `times` times and renumbered 一、… (3 × times parts), in the page's own CMS markup
// (`.v_news_content`, span-fragmented paragraphs). Masthead, title, addressee, preamble,
// closing paragraph, signature and date stay once, so the result is still one document.
//
//   import { makeBenchPage, writeBenchPages } from './make-page.mjs';
//   const html = makeBenchPage(30);            // 90 parts
//   npx vite-node --script bench/make-page.mjs 100 > big.html  // the 100× page on stdout
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toChineseNumeral } from '../lib/document/chinese-numerals';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_PAGE = path.join(ROOT, 'tests', 'fixtures', 'cms-spans.html');

const HEADING = /^(\s*<p[^>]*>(?:<[^>]+>)*)([一二三])、/;

/** Splits the fixture's `.v_news_content` into head (up to the first part), the parts, and the tail. */
function splitArticle(html) {
  const lines = html.split('\n');
  const isHeading = (line) => HEADING.test(line);
  const first = lines.findIndex(isHeading);
  if (first < 0) throw new Error(`${SOURCE_PAGE}: no 一、 heading line found`);
  // The body runs to the paragraph before the closing appeal ('各基层党组织和党员同志们…').
  const closing = lines.findIndex((line, i) => i > first && line.includes('同志们'));
  if (closing < 0) throw new Error(`${SOURCE_PAGE}: closing paragraph not found`);
  const parts = lines.slice(first, closing);
  const headings = parts.filter(isHeading).length;
  if (headings !== 3) throw new Error(`${SOURCE_PAGE}: expected 3 parts, found ${headings}`);
  return { head: lines.slice(0, first), parts, tail: lines.slice(closing) };
}

/** The demo page with its body repeated `times` times, parts renumbered 一、 … (3·times)、. */
export function makeBenchPage(times, source = readFileSync(SOURCE_PAGE, 'utf8')) {
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`makeBenchPage: ${times}`);
  const { head, parts, tail } = splitArticle(source);
  const body = [];
  let n = 0;
  for (let copy = 0; copy < times; copy++) {
    for (const line of parts) {
      body.push(HEADING.test(line) ? line.replace(HEADING, (_, open) => `${open}${toChineseNumeral(++n)}、`) : line);
    }
  }
  return [...head, ...body, ...tail].join('\n');
}

/** Writes bench-1x.html, bench-30x.html, … into `dir`; returns { times, file, parts, bytes }[]. */
export async function writeBenchPages(dir, sizes) {
  await mkdir(dir, { recursive: true });
  const source = readFileSync(SOURCE_PAGE, 'utf8');
  const out = [];
  for (const times of sizes) {
    const html = makeBenchPage(times, source);
    const file = `bench-${times}x.html`;
    await writeFile(path.join(dir, file), html);
    out.push({ times, file, parts: 3 * times, bytes: Buffer.byteLength(html) });
  }
  return out;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const times = Number(process.argv[2] ?? '1');
  process.stdout.write(makeBenchPage(times));
}
