// The 复习 list: across all stored documents, the parts the student marked 再看 with their key
// phrases, from the records alone (no page needed). Newest mark first.
import type { DocRecord } from '../storage/schema';

export interface ReviewEntry {
  readonly partId: string;
  readonly heading: string;
  readonly terms: readonly string[];
  readonly updatedAt: number;
}

export interface ReviewGroup {
  readonly docId: string;
  readonly title: string | null;
  /** Where the document was last seen (http(s) only, as stored). */
  readonly url: string | null;
  /** 再看 parts in document order (as stored in `parts`), unknown parts last. */
  readonly entries: readonly ReviewEntry[];
  /** The newest 再看 mark of the document. */
  readonly latest: number;
}

export function reviewGroups(docs: Readonly<Record<string, DocRecord>> | readonly DocRecord[]): ReviewGroup[] {
  const list: readonly DocRecord[] = Array.isArray(docs) ? docs : Object.values(docs);
  const groups: ReviewGroup[] = [];
  for (const doc of list) {
    const again = Object.entries(doc.study ?? {}).filter(([, mark]) => mark.state === 'again');
    if (again.length === 0) continue;
    const order = new Map(doc.parts.map((p, i) => [p.id, i] as const));
    const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    const entries = again
      .map(([partId, mark]) => ({
        partId,
        heading: mark.heading || doc.parts.find((p) => p.id === partId)?.heading || doc.sectionTitles[partId] || partId,
        terms: mark.terms,
        updatedAt: mark.updatedAt,
      }))
      .sort((a, b) => rank(a.partId) - rank(b.partId) || (a.partId < b.partId ? -1 : a.partId > b.partId ? 1 : 0));
    groups.push({
      docId: doc.id,
      title: doc.title,
      url: doc.urls[0] ?? null,
      entries,
      latest: Math.max(...entries.map((e) => e.updatedAt)),
    });
  }
  return groups.sort((a, b) => b.latest - a.latest || (a.docId < b.docId ? -1 : 1));
}

/** How many 再看 phrases the list holds (each part's once). */
export function reviewTermCount(groups: readonly ReviewGroup[]): number {
  return groups.reduce((sum, g) => sum + g.entries.reduce((n, e) => n + e.terms.length, 0), 0);
}
