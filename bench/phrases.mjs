// Phrase finding under a flood of reader phrases (issue 13): the finder (lib/phrases/find-phrases.ts,
// one Aho–Corasick pass) timed in Chromium on the 100× page's text with no reader phrases, then
// with 500 that share a prefix occurring all over the page — the input that froze pages under
// the regex finder it replaced, which is timed too (tests/unit/phrases/reference-find-phrases.ts).
// No extension: this times the algorithm in the browser's engine, on the reader's own text model.
//
//   import { benchPhraseFinding } from './phrases.mjs';
//   const result = await benchPhraseFinding({ executablePath, args, url, runs });
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { median } from './browser.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A prefix the bench page repeats in every part (heading and text), so every phrase is a near miss there. */
export const SHARED_PREFIX = '基层党组织';
export const FLOOD = 500;

/** 500 phrases: the shared prefix and a different tail each; none of them occurs on the page. */
export function floodPhrases(count = FLOOD) {
  return Array.from({ length: count }, (_, i) => `${SHARED_PREFIX}第${i + 1}号专项`);
}

async function bundleFinder() {
  const entry = `
    import { readDocument } from './lib/document/detect';
    import { findPhrases } from './lib/phrases/find-phrases';
    import { referenceFindPhrases } from './tests/unit/phrases/reference-find-phrases';
    window.__gwPhrases = { readDocument, findPhrases, referenceFindPhrases };`;
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-phrases-entry.ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/**
 * Median ms of findPhrases() on the page's article text with no reader phrases and with the flood
 * (alternating runs, after one warm-up of each), and one timing of the old regex finder with the flood.
 */
export async function benchPhraseFinding({ executablePath, args, url, runs = 7 }) {
  const script = await bundleFinder();
  const browser = await chromium.launch({ executablePath, headless: true, args });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.addScriptTag({ content: script });
    return await page.evaluate(
      ({ phrases, runs }) => {
        const { readDocument, findPhrases, referenceFindPhrases } = window.__gwPhrases;
        const found = readDocument(document);
        if (!found) throw new Error('the bench page did not read as a document');
        const text = found.model.text;
        const time = (fn) => {
          const t0 = performance.now();
          const result = fn();
          return { ms: performance.now() - t0, count: result.length };
        };
        const none = [];
        const flood = [];
        time(() => findPhrases(text, {}));
        time(() => findPhrases(text, { userPhrases: phrases }));
        let counts = null;
        for (let i = 0; i < runs; i++) {
          const a = time(() => findPhrases(text, {}));
          const b = time(() => findPhrases(text, { userPhrases: phrases }));
          none.push(a.ms);
          flood.push(b.ms);
          counts = { none: a.count, flood: b.count };
        }
        const regex = time(() => referenceFindPhrases(text, { userPhrases: phrases }));
        const prefixHits = text.split(phrases[0].slice(0, 5)).length - 1;
        return { chars: text.length, none, flood, counts, regexMs: regex.ms, regexCount: regex.count, prefixHits };
      },
      { phrases: floodPhrases(), runs },
    );
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Medians and the ratio the target is about. */
export function summarizePhraseBench(raw) {
  const noneMs = median(raw.none);
  const floodMs = median(raw.flood);
  return { ...raw, noneMs, floodMs, ratio: floodMs / noneMs };
}
