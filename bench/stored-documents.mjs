// The "200 stored documents" case: fills the extension's storage with DOCUMENTS realistic records
// before a load, so start-up and saves while scrolling are measured with a full store (the cap,
// lib/storage/document-store.ts DOCUMENTS_CAP), not an empty one.
//
// The records are made by the project's own code, as the reader and its writer make them: each is
// a real page (the bench page at a few sizes, retitled so every record is another document) read
// with readDocument(), its outline summarized, progress written with applyProgress() (ledger
// credit, read sections, a resume anchor) and bookmarks with notes with applyBookmark(). It runs in
// an extension page of the browser under test (DOM and chrome.storage), bundled from lib/ with esbuild.
//
//   import { seedStoredDocuments } from './stored-documents.mjs';
//   await seedStoredDocuments(context, extensionId, pageHtml);   // → { count, bytes }
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DOCUMENTS = 200;

const ENTRY = `
  import { readDocument } from './lib/document/detect';
  import { summarizeOutline } from './lib/storage/documents';
  import { applyBookmark, applyProgress } from './lib/storage/document-store';
  import { documentId } from './lib/storage/identity';
  import { createAnchor } from './lib/reading/anchor';
  import { textSegments } from './lib/reading/reading-time';
  import { flattenSections } from './lib/document/flatten-sections';

  window.__gwSeed = async (html, count) => {
    const day = 24 * 3600 * 1000;
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < count; i++) {
      // Another document each time: its own title (the fingerprint) and, for some, a shorter body.
      const keepParts = 3 + (i % 5) * 6;
      const page = new DOMParser().parseFromString(html, 'text/html');
      for (const el of page.querySelectorAll('b, strong')) {
        if (el.textContent.includes('倡议书')) el.textContent = el.textContent.replace('倡议书', '倡议书（第' + (i + 1) + '号）');
      }
      const found = readDocument(page);
      if (!found) throw new Error('seed page ' + i + ' is not read as a document');
      const { model, document: doc } = found;
      const sections = doc.sections.slice(0, keepParts);
      const textLength = model.text.length;
      const url = 'http://www.example.edu.cn/info/' + (1000 + i) + '/' + (5000 + i) + '.htm';
      const meta = { title: doc.title, issuer: doc.issuer, date: doc.date, kind: doc.kind };
      const id = documentId(meta, url);
      // Read partway: the first half of its segments credited at half their length or more.
      const segments = textSegments(sections, textLength);
      const ledger = {};
      const readSections = [];
      segments.slice(0, Math.ceil(segments.length / 2)).forEach((s, k) => {
        ledger[s.id] = Math.ceil((s.end - s.start) * (k % 2 ? 0.6 : 1));
        if (sections.some((x) => x.id === s.id)) readSections.push(s.id);
      });
      const at = segments[Math.ceil(segments.length / 2) - 1]?.start ?? 0;
      const now = start + i * day;
      await applyProgress(id, {
        meta, url, textLength, furthest: at, readSections, ledger,
        position: createAnchor(model.text, sections, at),
        outline: summarizeOutline(sections), now,
      }, now);
      if (i % 3 === 0) {
        const flat = flattenSections(sections);
        for (const s of flat.slice(0, 1 + (i % 4))) {
          await applyBookmark(id, s.id, s.heading, i % 2 ? '复习：' + s.heading.slice(0, 20) + '，结合本单位实际落实。' : '', now + 1000);
        }
      }
    }
    const all = await chrome.storage.local.get(null);
    const docs = Object.keys(all).filter((k) => k.startsWith('doc:'));
    return { count: docs.length, bytes: new TextEncoder().encode(JSON.stringify(all)).length };
  };
`;

let bundled = null;
async function seedSource() {
  bundled ??= esbuild
    .build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-seed.ts' },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
      logLevel: 'silent',
    })
    .then((out) => out.outputFiles[0].text);
  return bundled;
}

/** Writes DOCUMENTS records into the extension's storage (from its options page); returns what is stored. */
export async function seedStoredDocuments(context, extensionId, html, count = DOCUMENTS) {
  const source = await seedSource();
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(source);
    const stored = await page.evaluate(([h, n]) => window.__gwSeed(h, n), [html, count]);
    if (stored.count < count) throw new Error(`seeded ${stored.count} of ${count} documents`);
    return stored;
  } finally {
    await page.close();
  }
}
