// How often the background injects the reader bundle. A page can make the content script ask
// again and again (history.pushState makes every call a "new article" on a single-page portal);
// each ask is a script injection and a reader start, so each page (document) gets a few per window.
// A new page load is a new document with a budget of its own: a reader opening one notice after
// another in the same tab is not held up (after six quick pages the seventh waited up to 10 s);
// a looser per-tab cap still bounds a page that keeps reloading or navigating itself.

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
export function createRateLimiter(
  limit = READER_INJECTIONS_PER_WINDOW,
  windowMs = READER_INJECTION_WINDOW_MS,
): RateLimiter {
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

/** A tab's pages together: far above anyone opening documents by hand, low enough to stop a navigation loop. */
export const READER_INJECTIONS_PER_TAB_WINDOW = 20;
/** Documents remembered per tab (their budgets); older ones are dropped, they are gone from the tab anyway. */
const DOCUMENTS_PER_TAB = 8;

export interface InjectionLimit {
  /**
   * True (and counted) when the document may have the reader injected now. `documentId` is the
   * sender's document (Chrome); without it (Firefox) all of the tab's pages share one budget.
   */
  take(tabId: number, documentId: string | undefined, now?: number): boolean;
  /** Milliseconds until that document may be granted again (0: now). */
  retryIn(tabId: number, documentId: string | undefined, now?: number): number;
  /** Drops what is kept for the tab (it closed). */
  forget(tabId: number): void;
}

/** READER_INJECTIONS_PER_WINDOW per document and READER_INJECTIONS_PER_TAB_WINDOW per tab, in any window. */
export function createInjectionLimit(
  perDocumentLimit = READER_INJECTIONS_PER_WINDOW,
  perTabLimit = READER_INJECTIONS_PER_TAB_WINDOW,
  windowMs = READER_INJECTION_WINDOW_MS,
): InjectionLimit {
  const perDocument = createRateLimiter(perDocumentLimit, windowMs);
  const perTab = createRateLimiter(perTabLimit, windowMs);
  /** Per tab, its documents' keys in the order they last asked. */
  const documents = new Map<number, string[]>();
  const keyOf = (tabId: number, documentId: string | undefined): string => {
    const key = `${tabId} ${documentId ?? ''}`;
    const keys = (documents.get(tabId) ?? []).filter((k) => k !== key);
    keys.push(key);
    while (keys.length > DOCUMENTS_PER_TAB) perDocument.forget(keys.shift()!);
    documents.set(tabId, keys);
    return key;
  };
  const wait = (tabId: number, key: string, now: number) =>
    Math.max(perDocument.retryIn(key, now), perTab.retryIn(tabId, now));
  return {
    take(tabId, documentId, now = Date.now()) {
      const key = keyOf(tabId, documentId);
      // Both checked before either counts: a refusal is not counted anywhere.
      if (wait(tabId, key, now) > 0) return false;
      return perDocument.take(key, now) && perTab.take(tabId, now);
    },
    retryIn(tabId, documentId, now = Date.now()) {
      return wait(tabId, keyOf(tabId, documentId), now);
    },
    forget(tabId) {
      for (const key of documents.get(tabId) ?? []) perDocument.forget(key);
      documents.delete(tabId);
      perTab.forget(tabId);
    },
  };
}
