// The browser's sync storage limits (Chrome's storage.sync; Firefox Sync has the same byte and
// item limits) and the size of an item as the browser counts it, so packing can stay inside them.

/** All items together, keys included. */
export const QUOTA_BYTES = 102_400;
/** One item: its key plus its value's JSON. */
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
/** Each set / remove / clear call counts once, whatever the number of keys. */
export const MAX_WRITE_OPERATIONS_PER_MINUTE = 120;
export const MAX_WRITE_OPERATIONS_PER_HOUR = 1_800;

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Bytes one item takes against the quotas: its key plus the JSON of its value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

/** Bytes and count of a set of items. */
export function areaUsage(items: Readonly<Record<string, unknown>>): { bytes: number; count: number } {
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    bytes += itemBytes(key, value);
    count++;
  }
  return { bytes, count };
}
