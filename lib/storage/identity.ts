// Which stored record a page belongs to: URLs without tracking noise, and a content
// fingerprint (title + issuer + date) so a print view or mirror finds the same record.

export interface DocMeta {
  readonly title: string | null;
  readonly issuer: string | null;
  readonly date: string | null;
}

/** Query keys that never change which document a URL shows. */
const NOISE_KEYS = new Set([
  'spm',
  'from',
  'fbclid',
  'gclid',
  'msclkid',
  'yclid',
  'scm',
  'mc_cid',
  'mc_eid',
  'isappinstalled',
]);

/**
 * Tracking parameters, fragment, default port and a trailing slash removed; remaining
 * parameters sorted. Strings that are not absolute URLs come back trimmed, unchanged.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    parsed.hash = '';
    return parsed.href;
  }
  // forEach, not the spread of entries(): in a Firefox content script `URL` is the page's, seen
  // through an Xray wrapper, and the iterator it hands back is not iterable from the sandbox
  // ("searchParams.entries() is not iterable"). A callback crosses the wrapper in every browser.
  const entries: [string, string][] = [];
  parsed.searchParams.forEach((value, key) => entries.push([key, value]));
  const params = entries
    .filter(([key]) => !isNoise(key))
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  const query = new URLSearchParams(params).toString();
  // URL already lowercases the host and drops :80 / :443.
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname;
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

function isNoise(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || NOISE_KEYS.has(k);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 'fp:' + 64-bit hash of the normalised title, issuer and date; null without a title. */
export function fingerprint(meta: DocMeta): string | null {
  const title = normalizeText(meta.title);
  if (!title) return null;
  const key = [title, normalizeText(meta.issuer), normalizeText(meta.date)].join('\u0001');
  // Two FNV-1a passes with different bases: 64 bits keeps collisions out of reach for a few hundred docs.
  return `fp:${hash64(key)}`;
}

/** The storage key of a page: its fingerprint when the title is known, else its normalised URL. */
export function documentId(meta: DocMeta, url: string): string {
  return fingerprint(meta) ?? `url:${normalizeUrl(url)}`;
}

/** NFKC (full-width digits and letters to ASCII) with all whitespace, incl. U+3000, removed. */
function normalizeText(value: string | null): string {
  return (value ?? '').normalize('NFKC').replace(/\s+/gu, '');
}

/** 16 hex digits from two FNV-1a passes with different bases: document ids and their sync keys. */
export function hash64(input: string): string {
  return `${fnv1a(input, 0x811c9dc5)}${fnv1a(input, 0x01000193 ^ 0x5bd1e995)}`;
}

function fnv1a(input: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
