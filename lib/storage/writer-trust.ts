// Whom the single writer believes. Operations that change everything or the reader's setup —
// clearing, importing, sync, portals, site settings — come only from the extension's own pages
// (options, popup, side panel, the panel frame): a message whose sender URL is under the
// extension's root. A content script runs beside a portal's page, so it may only write the
// records of documents of its own page's origin: a reader script on one portal cannot reset,
// unbookmark or fill another portal's records. Pure: the sender and the stored URLs are passed in.
import type { OpName, OpRequest } from './protocol';

/** The parts of runtime.onMessage's sender the writer looks at. */
export interface MessageSender {
  readonly id?: string;
  readonly url?: string;
}

/** What only the extension's own pages may do. */
export const EXTENSION_PAGE_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'clear',
  'import',
  'sync.set',
  'portal.add',
  'portal.remove',
  'site.set',
]);

/** Operations on one document's record, checked against the sender's page. */
const DOC_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'doc.progress',
  'doc.bookmark',
  'doc.unbookmark',
  'doc.reset',
  'doc.study',
  'doc.adopt',
]);

export type Sender = { kind: 'extension' } | { kind: 'content'; origin: string } | { kind: 'stranger' };

/** An extension page, a content script on an http(s) page, or anyone else. */
export function classifySender(sender: MessageSender | undefined, extensionId: string, extensionRoot: string): Sender {
  if (!sender || sender.id !== extensionId || typeof sender.url !== 'string') return { kind: 'stranger' };
  if (sender.url.startsWith(extensionRoot)) return { kind: 'extension' };
  const origin = originOf(sender.url);
  return origin ? { kind: 'content', origin } : { kind: 'stranger' };
}

/** The http(s) origin of a URL; null for anything else. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The id of the record an operation writes, if it names one. */
export function targetDocId<K extends OpName>(op: K, req: OpRequest<K>): string | null {
  if (!DOC_OPS.has(op) || op === 'doc.adopt') return null;
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Whether the sender may run the operation. `recordUrls` are the stored URLs of the record the
 * operation names (null: no such record yet, or none named).
 */
export function mayWrite<K extends OpName>(
  sender: Sender,
  op: K,
  req: OpRequest<K>,
  recordUrls: readonly string[] | null,
): boolean {
  if (sender.kind === 'extension') return true;
  if (sender.kind === 'stranger') return false;
  if (EXTENSION_PAGE_OPS.has(op)) return false;
  if (!DOC_OPS.has(op)) return true;
  // A URL the operation brings must be the sender's own page's origin…
  const url =
    op === 'doc.adopt'
      ? (req as OpRequest<'doc.adopt'>).url
      : op === 'doc.progress'
        ? (req as OpRequest<'doc.progress'>).update?.url
        : undefined;
  if (url !== undefined && originOf(String(url)) !== sender.origin) return false;
  // …and a stored record it changes must be one of that origin's documents (a record that has
  // no page yet, e.g. bookmarked before its first save, has nothing to check against).
  if (recordUrls === null || recordUrls.length === 0) return true;
  return recordUrls.some((u) => originOf(u) === sender.origin);
}
