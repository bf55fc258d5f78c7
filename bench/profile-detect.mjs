// bench/profile.mjs --phase=detect: no extension; lib/document (and the phrase finder) bundled
// with esbuild and run in the page, each step of readDocument() timed (medians of fresh loads).
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { VIEWPORT } from './browser.mjs';
import { BASE_ARGS } from './setup.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** lib/document + phrase finder as one browser script exposing `window.__gw`. */
async function bundleLib() {
  const entry = `
    import { mightBeDocument, findArticleRoot, readDocument, KNOWN_CONTAINERS } from './lib/document/detect';
    import { buildTextModel } from './lib/document/text-model';
    import { parseSections } from './lib/document/parse-sections';
    import { parseMetadata } from './lib/document/metadata';
    import { findPhrases } from './lib/phrases/find-phrases';
    import { builtInLexicon } from './lib/phrases/lexicon';
    import { measureLandmarks } from './lib/dom/measure';
    window.__gw = { mightBeDocument, findArticleRoot, readDocument, KNOWN_CONTAINERS, buildTextModel, parseSections,
      parseMetadata, findPhrases, builtInLexicon, measureLandmarks };`;
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Each step of readDocument() timed in the page (no extension), median of `runs` fresh loads. */
export async function detectPhases(executablePath, origin, files, runs = 5) {
  const source = await bundleLib();
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    for (const file of files) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        await page.goto(`${origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
        await page.addScriptTag({ content: source });
        samples.push(
          await page.evaluate(() => {
            const gw = window.__gw;
            const time = (fn) => {
              const t0 = performance.now();
              const value = fn();
              return [performance.now() - t0, value];
            };
            const r = {};
            [r.mightBeDocument] = time(() => gw.mightBeDocument(document));
            // What findArticleRoot does for the CMS container: one text model of it, then locate.
            const container = gw.KNOWN_CONTAINERS.map((sel) => document.querySelector(sel)).find(Boolean);
            let root;
            [r.findArticleRoot, root] = time(() => gw.findArticleRoot(document));
            let model;
            [r['buildTextModel(root) again'], model] = time(() => gw.buildTextModel(root));
            [r.parseSections] = time(() => gw.parseSections(model));
            [r.parseMetadata] = time(() => gw.parseMetadata(model, document));
            [r['readDocument (all of the above)']] = time(() => gw.readDocument(document));
            [r['buildTextModel(container)']] = time(() => gw.buildTextModel(container));
            [r['buildTextModel(body)']] = time(() => gw.buildTextModel(document.body));
            let matches;
            [r['findPhrases (phrase layer)'], matches] = time(() =>
              gw.findPhrases(model.text, { lexicon: gw.builtInLexicon, userPhrases: [] }),
            );
            [r['measureLandmarks (layout warm)']] = time(() => gw.measureLandmarks(model, window));
            r['text chars'] = model.text.length;
            r['blocks'] = model.blocks.length;
            r['runs'] = model.runs.length;
            r['phrase matches (= highlight ranges)'] = matches.length;
            r['same root as container'] = root === container ? 1 : 0;
            return r;
          }),
        );
      }
      console.log(`\n${file}: medians of ${runs} (ms unless a count)`);
      for (const key of Object.keys(samples[0])) {
        const values = samples.map((s) => s[key]).sort((a, b) => a - b);
        const mid = values[values.length >> 1];
        console.log(`  ${key.padEnd(36)} ${typeof mid === 'number' ? mid.toFixed(2) : mid}`);
      }
    }
  } finally {
    await browser.close();
  }
}
