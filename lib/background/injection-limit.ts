// How often the background injects the reader bundle into one tab. A page can make the content
// script ask again and again (history.pushState makes every call a "new article" on a single-page
// portal); each ask is a script injection and a reader start, so each tab gets a few per window.

export interface RateLimiter {
  /** True (and counted) when `key` has had fewer than `limit` grants within the last `windowMs`. */
  take(key: string | number, now?: number): boolean;
  /** Milliseconds until `key` may be granted again (0: now). */
  retryIn(key: string | number, now?: number): number;
  /** Drops what is kept for `key` (the tab closed). */
  forget(key: string | number): void;
}

/** A reader moving between articles on a single-page portal stays well under this. */
export const READER_INJECTIONS_PER_WINDOW = 6;
export const READER_INJECTION_WINDOW_MS = 10_000;

/** Sliding window per key: at most `limit` grants in any `windowMs`; refusals are not counted. */
export function createRateLimiter(limit = READER_INJECTIONS_PER_WINDOW, windowMs = READER_INJECTION_WINDOW_MS): RateLimiter {
  const grants = new Map<string | number, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (grants.get(key) ?? []).filter((at) => now - at < windowMs && at <= now);
      if (recent.length >= limit) {
        grants.set(key, recent);
        return false;
      }
      recent.push(now);
      grants.set(key, recent);
      return true;
    },
    retryIn(key, now = Date.now()) {
      const recent = (grants.get(key) ?? []).filter((at) => now - at < windowMs && at <= now);
      return recent.length < limit ? 0 : Math.min(...recent) + windowMs - now;
    },
    forget(key) {
      grants.delete(key);
    },
  };
}
