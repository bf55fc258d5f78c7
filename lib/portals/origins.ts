// Portals the reader adds in the options page: turning what they type into an origin and the
// match pattern to ask permission for and register the content script on. Pure, no browser API.

export type PortalInput =
  | { readonly ok: true; readonly origin: string; readonly pattern: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'unsupported-scheme' | 'already-covered' };

/** Hosts the manifest's static content script already matches (see entrypoints/content/index.tsx). */
function staticallyCovered(protocol: string, hostname: string): boolean {
  if (hostname === 'edu.cn' || hostname.endsWith('.edu.cn')) return true; // '*://*.edu.cn/*'
  return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost');
}

/**
 * 'oa.example.com', 'https://oa.example.com/path' or 'http://127.0.0.2:4179' → its origin and a
 * match pattern. Without a scheme, https is assumed. Match patterns cannot carry a port (Firefox
 * rejects one, Chrome ignores it), so 'http://127.0.0.2:4179' gives 'http://127.0.0.2/*'.
 */
export function parsePortalInput(input: string): PortalInput {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return { ok: false, reason: 'invalid' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  // 'localhost:8080' parses as scheme 'localhost'; a scheme is only a scheme before '//' or for known ones.
  const hasScheme =
    schemeMatch !== null &&
    (text.slice(schemeMatch[0].length).startsWith('//') ||
      /^(https?|file|ftp|data|javascript|about|chrome|moz-extension|chrome-extension)$/i.test(schemeMatch[1]!));
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'unsupported-scheme' };
  const hostname = url.hostname;
  if (!isPlausibleHost(hostname) || url.username || url.password) return { ok: false, reason: 'invalid' };
  if (staticallyCovered(url.protocol, hostname)) return { ok: false, reason: 'already-covered' };
  return { ok: true, origin: url.origin, pattern: patternFor(url) };
}

/** The match pattern for a stored origin, or null when it is not an http(s) origin. */
export function patternForOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return patternFor(url);
  } catch {
    return null;
  }
}

function patternFor(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The id of the dynamic content script for an origin. Origins that differ only in port share a
 * match pattern, and so one registration: otherwise the reader would be injected twice.
 */
export function scriptIdFor(origin: string): string {
  const pattern = patternForOrigin(origin) ?? origin;
  return `portal:${pattern.replace(/\/\*$/, '')}`;
}

/** Registration ids this module made (others, if any ever exist, are left alone). */
export function isPortalScriptId(id: string): boolean {
  return id.startsWith('portal:');
}

function isPlausibleHost(hostname: string): boolean {
  if (hostname === '' || hostname.length > 253) return false;
  if (hostname.startsWith('[')) return /^\[[0-9a-f:.]+\]$/i.test(hostname); // IPv6 literal
  // IPv4 dotted quads, 'localhost', or names with a dot; punycode already applied by URL.
  return (
    hostname
      .split('.')
      .every(
        (label) => label.length > 0 && label.length <= 63 && /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/i.test(label),
      ) &&
    (hostname.includes('.') || hostname === 'localhost')
  );
}

/**
 * Whether `selector` is a CSS selector the browser accepts; empty counts as "not set", which is valid.
 * Checked by the browser's own parser (querySelector on an empty fragment), so it agrees with what
 * the content script will do with it.
 */
export function validateSelector(selector: string, doc: Document = document): boolean {
  const text = selector.trim();
  if (text === '') return true;
  try {
    doc.createDocumentFragment().querySelector(text);
    return true;
  } catch {
    return false;
  }
}
