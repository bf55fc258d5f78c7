// "Clear all data" reaches the browser account too: the computer that clears empties its sync
// area and leaves one item, the clear epoch (when it cleared). Every computer honours it: a
// record last changed before the epoch is neither merged from the area nor pushed to it, so
// another computer that still holds the old copy cannot bring it back. A record read or changed
// after the epoch is new activity and syncs again as usual. Pure.
import type { DocRecord } from '../schema';

/** The sync item holding the latest clear (ms); outside the records' key prefix, so no format reads it as a record. */
export const CLEAR_EPOCH_KEY = 'clearedAt';

/** The epoch a sync area (or a change of it) holds; 0 when none or unusable. */
export function clearEpochOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The latest time anything in the record changed: its own times and every bookmark's and study mark's. */
export function latestChange(doc: DocRecord): number {
  let latest = Math.max(doc.updatedAt, doc.lastReadAt, doc.resetAt, doc.lastPosition?.at ?? 0);
  for (const mark of Object.values(doc.bookmarks)) latest = Math.max(latest, mark.updatedAt);
  for (const mark of Object.values(doc.study ?? {})) latest = Math.max(latest, mark.updatedAt);
  return latest;
}

/** Whether a record (whole or a partial one from the area) may sync past a clear at `epoch`. */
export function survivesClear(doc: DocRecord, epoch: number): boolean {
  return epoch === 0 || latestChange(doc) > epoch;
}
