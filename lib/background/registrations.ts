// Dynamic content-script registrations for the portals the reader added: one registration per
// match pattern, only while its host permission is granted. The browser calls are passed in, so
// the decisions can be tested without a browser.
import type { PortalRefreshResult } from '../messages';
import { isPortalScriptId, patternForOrigin, scriptIdFor } from '../portals/origins';
import { HIGHLIGHT_SHEET_FILE } from '../phrases/highlight-sheet';

/** The content script WXT builds from entrypoints/content (same file the manifest lists). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** The fixed highlight sheet, injected before the page is styled (lib/phrases/highlight-sheet.ts). */
export const CONTENT_SCRIPT_CSS = HIGHLIGHT_SHEET_FILE;

export interface PortalScript {
  readonly id: string;
  readonly matches: readonly string[];
  /** The highlight sheet, put in before the page is styled (the browser does that for every content-script `css`). */
  readonly css: readonly string[];
}

export interface RegistrationApi {
  getRegistered(): Promise<readonly { id: string; matches?: readonly string[]; css?: readonly string[] }[]>;
  register(scripts: readonly PortalScript[]): Promise<void>;
  unregister(ids: readonly string[]): Promise<void>;
  hasPermission(pattern: string): Promise<boolean>;
}

/** Portals grouped by registration: origins differing only in port share one pattern. */
export function desiredScripts(portals: readonly string[]): Map<string, { pattern: string; origins: string[] }> {
  const out = new Map<string, { pattern: string; origins: string[] }>();
  for (const origin of portals) {
    const pattern = patternForOrigin(origin);
    if (!pattern) continue;
    const id = scriptIdFor(origin);
    const entry = out.get(id) ?? { pattern, origins: [] };
    entry.origins.push(origin);
    out.set(id, entry);
  }
  return out;
}

const sheetIn = (css: readonly string[] | undefined): boolean =>
  css?.some((file) => file.replace(/^\//, '') === CONTENT_SCRIPT_CSS) ?? false;

/**
 * Registers what is missing and unregisters what is stale (a portal removed, a permission
 * revoked, matches changed). Registrations with other ids are not touched.
 */
export async function refreshRegistrations(
  portals: readonly string[],
  api: RegistrationApi,
): Promise<PortalRefreshResult> {
  const wanted = desiredScripts(portals);
  const registered: string[] = [];
  const withoutPermission: string[] = [];
  const granted = new Map<string, string>(); // id → pattern
  for (const [id, { pattern, origins }] of wanted) {
    if (await api.hasPermission(pattern)) {
      granted.set(id, pattern);
      registered.push(...origins);
    } else {
      withoutPermission.push(...origins);
    }
  }
  const existing = (await api.getRegistered()).filter((s) => isPortalScriptId(s.id));
  const keep = new Set<string>();
  const stale: string[] = [];
  for (const script of existing) {
    const pattern = granted.get(script.id);
    // A registration from a version without the highlight sheet is made again with it.
    const same =
      pattern !== undefined && script.matches?.length === 1 && script.matches[0] === pattern && sheetIn(script.css);
    if (same) keep.add(script.id);
    else stale.push(script.id);
  }
  if (stale.length > 0) await api.unregister(stale);
  const missing = [...granted]
    .filter(([id]) => !keep.has(id))
    .map(([id, pattern]) => ({ id, matches: [pattern], css: [CONTENT_SCRIPT_CSS] }));
  if (missing.length > 0) await api.register(missing);
  return { registered, withoutPermission };
}

/** Portals to drop after the browser took permissions away (chrome://extensions, about:addons). */
export function portalsLosing(portals: readonly string[], removedOrigins: readonly string[]): string[] {
  const removed = new Set(removedOrigins);
  const all = removed.has('*://*/*') || removed.has('<all_urls>');
  return portals.filter((origin) => {
    const pattern = patternForOrigin(origin);
    if (!pattern) return false;
    return all || removed.has(pattern) || removed.has(pattern.replace(/^https?:/, '*:'));
  });
}
