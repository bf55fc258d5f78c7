// Test helpers: load the portal-page fixtures as Documents and the seed text as expected lines.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(__dirname, '../../fixtures') + '/';

export function readFixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/**
 * Puts a page into the test's global `document` (inline scripts do not run) and returns it.
 * Not a DOMParser document: happy-dom's Range stays collapsed on those.
 */
function setPage(html: string): Document {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? html;
  document.documentElement.innerHTML = inner;
  return document;
}

/** A fixture page, loaded into the global document. */
export function loadFixture(name: string): Document {
  return setPage(readFixture(name));
}

/** The global document with this body snippet and title. */
export function htmlDocument(body: string, title = ''): Document {
  return setPage(`<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
}

/** The seed's printed lines (page-break halves still separate). */
export const SEED_LINES: readonly string[] = readFixture('seed/initiative.txt')
  .split('\n')
  .filter((l) => l.length > 0);

/** The seed's logical lines: the two page-break splits joined. */
export const SEED_LOGICAL_LINES: readonly string[] = SEED_LINES.flatMap((line, i) => {
  if (i === 10 || i === 16) return [line + (SEED_LINES[i + 1] ?? '')];
  if (i === 11 || i === 17) return [];
  return [line];
});

export const LAYOUTS = ['cms-spans.html', 'br-lines.html', 'table-layout.html'] as const;
export const NON_DOCUMENTS = ['not-notice-list.html', 'not-news-story.html', 'not-menu.html'] as const;
