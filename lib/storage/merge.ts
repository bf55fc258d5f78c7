// Merging two copies of one document's record (two tabs, or stored + imported) so nothing
// read or bookmarked is lost and nothing removed comes back. Commutative and idempotent.
import { URLS_MAX, type Bookmark, type DocRecord, type StudyMark } from './schema';
import { ledgerPercent } from '../reading/progress';
import { mergeLedgers } from '../reading/reading-time';

export function mergeRecords(a: DocRecord, b: DocRecord): DocRecord {
  const [newer, older] = byNewest(a, b);
  const resetAt = Math.max(a.resetAt, b.resetAt);
  // Progress recorded before the latest reset is what the reset removed.
  const live = [a, b].filter((r) => resetAt === 0 || r.lastReadAt > resetAt);
  // The copy read most recently knows the current text length (ties: the longer text).
  const reader =
    a.lastReadAt !== b.lastReadAt ? (a.lastReadAt > b.lastReadAt ? a : b) : a.textLength >= b.textLength ? a : b;
  // Credit counts only for the text it was earned on: the latest reader's (same length).
  const ledger = live
    .filter((r) => r.textLength === reader.textLength)
    .reduce<Record<string, number>>((sum, r) => mergeLedgers(sum, r.ledger), {});
  const positions = live.flatMap((r) => (r.lastPosition ? [r.lastPosition] : []));
  const position = positions.reduce<DocRecord['lastPosition']>(
    (best, p) => (!best || p.at > best.at || (p.at === best.at && stableKey(p) > stableKey(best)) ? p : best),
    undefined,
  );
  // Each field is chosen on its own (newest edit, then a fixed order on the value), so that
  // merging a merged record again with either input changes nothing.
  const pick = <T>(get: (r: DocRecord) => T, empty: (v: T) => boolean = (v) => v === null): T => {
    const [va, vb] = [get(a), get(b)];
    if (empty(va) || empty(vb)) return empty(va) ? vb : va;
    if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? va : vb;
    return stableKey(va) >= stableKey(vb) ? va : vb;
  };

  return {
    id: newer.id,
    title: pick((r) => r.title),
    issuer: pick((r) => r.issuer),
    date: pick((r) => r.date),
    kind: pick((r) => r.kind),
    urls: unique([...newer.urls, ...older.urls]).slice(0, URLS_MAX),
    textLength: reader.textLength,
    furthest: Math.max(0, ...live.map((r) => r.furthest)),
    // The share of the text read follows from the merged credit (records from before the
    // reading-time rule have none, so their old furthest-seen percent is not carried on).
    percent: ledgerPercent(ledger, reader.textLength),
    ...(position ? { lastPosition: position } : {}),
    // A set: kept sorted so the result does not depend on which side came first.
    readSections: unique(live.flatMap((r) => r.readSections)).sort(),
    ledger,
    sectionTitles: mergeTitles(a, b),
    parts: pick(
      (r) => r.parts,
      (v) => v.length === 0,
    ),
    bookmarks: mergeBookmarks(newer.bookmarks, older.bookmarks),
    lastReadAt: Math.max(a.lastReadAt, b.lastReadAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    resetAt,
    ...(a.study || b.study ? { study: mergeStudy(a.study ?? {}, b.study ?? {}) } : {}),
  };
}

/**
 * Study marks per part: the newest mark wins (a taken-back mark too, so it stays taken back);
 * on a tie a fixed order on the value, so either argument order gives the same result.
 */
function mergeStudy(
  x: Readonly<Record<string, StudyMark>>,
  y: Readonly<Record<string, StudyMark>>,
): Record<string, StudyMark> {
  const out: Record<string, StudyMark> = {};
  for (const key of unique([...Object.keys(x), ...Object.keys(y)]).sort()) {
    const p = x[key];
    const q = y[key];
    const winner =
      p && q
        ? p.updatedAt !== q.updatedAt
          ? p.updatedAt > q.updatedAt
            ? p
            : q
          : stableKey(p) >= stableKey(q)
            ? p
            : q
        : (p ?? q);
    if (winner) out[key] = winner;
  }
  return out;
}

/** Union of both heading maps; a heading both know differently comes from the newer record. */
function mergeTitles(a: DocRecord, b: DocRecord): Record<string, string> {
  const out: Record<string, string> = { ...a.sectionTitles };
  for (const [id, heading] of Object.entries(b.sectionTitles)) {
    const mine = out[id];
    if (mine === undefined || b.updatedAt > a.updatedAt || (b.updatedAt === a.updatedAt && heading > mine))
      out[id] = heading;
  }
  return out;
}

function mergeBookmarks(
  x: Readonly<Record<string, Bookmark>>,
  y: Readonly<Record<string, Bookmark>>,
): Record<string, Bookmark> {
  const out: Record<string, Bookmark> = {};
  for (const key of unique([...Object.keys(x), ...Object.keys(y)])) {
    const p = x[key];
    const q = y[key];
    const winner = p && q ? newerBookmark(p, q) : (p ?? q);
    if (winner) out[key] = winner;
  }
  return out;
}

/** Newest edit wins; on a tie the tombstone wins, so a removal is never undone by a tie. */
function newerBookmark(p: Bookmark, q: Bookmark): Bookmark {
  if (p.updatedAt !== q.updatedAt) return p.updatedAt > q.updatedAt ? p : q;
  if (!!p.deleted !== !!q.deleted) return p.deleted ? p : q;
  return stableKey(p) >= stableKey(q) ? p : q;
}

/** [newer, older] by updatedAt, then lastReadAt, then content — the same pair whatever the argument order. */
function byNewest(a: DocRecord, b: DocRecord): [DocRecord, DocRecord] {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? [a, b] : [b, a];
  if (a.lastReadAt !== b.lastReadAt) return a.lastReadAt > b.lastReadAt ? [a, b] : [b, a];
  return stableKey(a) >= stableKey(b) ? [a, b] : [b, a];
}

export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0)))
      : v,
  );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
