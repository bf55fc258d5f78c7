// What the offer chip shows travels in its frame's address: the files (name, type, URL) and why
// it is offered (a page that points to an attachment, or a PDF open in the tab). Read back with
// every field checked, as any page could load the chip's address with made-up values.
import type { AttachmentLink, AttachmentType } from './links';

/** The two things the chip's page tells its content script (entrypoints/content/offer-chip.ts). */
export const OFFER_CLOSE = 'gongwen:offer-close';
export const OFFER_SIZE = 'gongwen:offer-size';

export type OfferKind = 'pointer' | 'pdf';

export interface Offer {
  readonly kind: OfferKind;
  readonly files: readonly Pick<AttachmentLink, 'name' | 'type' | 'url'>[];
}

/** At most this many files in one chip (a pointer page names one or two). */
export const OFFER_FILES_MAX = 3;

const TYPES: ReadonlySet<string> = new Set<AttachmentType>(['pdf', 'doc', 'docx', 'wps', 'rtf', 'file']);

export function offerQuery(offer: Offer): string {
  const params = new URLSearchParams({
    kind: offer.kind,
    files: JSON.stringify(offer.files.slice(0, OFFER_FILES_MAX).map(({ name, type, url }) => ({ name, type, url }))),
  });
  return `?${params.toString()}`;
}

/** The offer in `search`, or null when anything in it is not as offerQuery writes it. */
export function readOffer(search: string): Offer | null {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  if (kind !== 'pointer' && kind !== 'pdf') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(params.get('files') ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > OFFER_FILES_MAX) return null;
  const files: Offer['files'][number][] = [];
  for (const item of raw as unknown[]) {
    const f = item as { name?: unknown; type?: unknown; url?: unknown } | null;
    if (typeof f?.name !== 'string' || typeof f.type !== 'string' || typeof f.url !== 'string') return null;
    if (!TYPES.has(f.type) || !/^https?:\/\//i.test(f.url)) return null;
    files.push({ name: f.name.slice(0, 200), type: f.type as AttachmentType, url: f.url });
  }
  return { kind, files };
}
