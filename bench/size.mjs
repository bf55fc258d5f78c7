// What content-scripts/content.js is made of: a production (minified) build with source maps into
// a temp dir (.output/ untouched), its bytes attributed to source files through the map, grouped by
// package or folder. gzip per group is each group's code gzipped on its own (so the groups add up
// to a little more than the whole file gzipped).
//
//   node bench/size.mjs [--files]     (--files: list single files too)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { build } from 'wxt';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const ROOT_REL = ROOT.replace(/^\//, '');

/** 'lib/document/detect.ts' (project-relative) or the node_modules path, from a source-map source. */
function cleanSource(source) {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^\//, '');
  return clean.startsWith(ROOT_REL) ? clean.slice(ROOT_REL.length) : clean;
}

function groupOf(source) {
  const clean = cleanSource(source);
  const nm = clean.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return `npm: ${nm[1]}`;
  if (clean.endsWith('.json')) return clean;
  const parts = clean.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : clean;
}

async function main() {
  const listFiles = process.argv.includes('--files');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'gongwen-size-'));
  try {
    await build({
      root: ROOT,
      outDir: tmp,
      logger: { ...console, info() {}, success() {}, log() {}, start() {}, box() {}, debug() {}, warn: console.warn },
      vite: () => ({ build: { sourcemap: true } }),
    });
    const file = path.join(tmp, 'chrome-mv3', 'content-scripts', 'content.js');
    const code = await readFile(file, 'utf8');
    const map = new TraceMap(JSON.parse(await readFile(`${file}.map`, 'utf8')));
    const lines = code.split('\n');
    const lineStart = [];
    let offset = 0;
    for (const line of lines) {
      lineStart.push(offset);
      offset += line.length + 1;
    }
    const segments = [];
    eachMapping(map, (m) =>
      segments.push({ at: lineStart[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? '(no source)' }),
    );
    segments.sort((a, b) => a.at - b.at);
    const byGroup = new Map();
    const byFile = new Map();
    const add = (map, key, text) => map.set(key, (map.get(key) ?? '') + text);
    let mapped = 0;
    segments.forEach((s, i) => {
      const end = segments[i + 1]?.at ?? code.length;
      const text = code.slice(s.at, end);
      mapped += text.length;
      add(byGroup, groupOf(s.source), text);
      add(byFile, cleanSource(s.source), text);
    });
    const total = Buffer.byteLength(code);
    const totalGz = gzipSync(code, { level: 9 }).length;
    console.log(
      `content.js (this build): ${(total / 1024).toFixed(1)} KB raw, ${(totalGz / 1024).toFixed(1)} KB gzipped; ${((100 * mapped) / code.length).toFixed(0)} % of it mapped to sources\n`,
    );
    const rows = (m) =>
      [...m]
        .map(([key, text]) => ({ key, raw: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length }))
        .sort((a, b) => b.raw - a.raw);
    console.log('| Group | raw KB | gzip KB (alone) | share of raw |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of rows(byGroup)) {
      console.log(
        `| ${r.key} | ${(r.raw / 1024).toFixed(1)} | ${(r.gz / 1024).toFixed(1)} | ${((100 * r.raw) / total).toFixed(0)} % |`,
      );
    }
    if (listFiles) {
      console.log('\n| File | raw KB | gzip KB (alone) |');
      console.log('| --- | ---: | ---: |');
      for (const r of rows(byFile).slice(0, 40))
        console.log(`| ${r.key} | ${(r.raw / 1024).toFixed(1)} | ${(r.gz / 1024).toFixed(1)} |`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`size failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
