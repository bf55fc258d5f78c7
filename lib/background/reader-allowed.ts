// Whether a page may get the reader bundle: not on sites where the reader was switched off.
// The background answers this on every page that might hold a document, so it keeps the site
// settings in memory (kept current by storage's change events) instead of reading storage each time.
import { loadSites, siteIn, watchSites } from '../storage/settings';
import type { SiteSettings } from '../storage/schema';

export type ReaderGate = (pageUrl: string | undefined) => Promise<boolean>;

export function createReaderGate(): ReaderGate {
  let sites: Promise<Record<string, SiteSettings>> | null = null;
  watchSites((next) => {
    sites = Promise.resolve(next);
  });
  return async (pageUrl) => {
    if (!pageUrl) return true;
    let origin: string;
    try {
      origin = new URL(pageUrl).origin;
    } catch {
      return true;
    }
    if (!sites) {
      const loading = loadSites();
      sites = loading;
      loading.catch(() => {
        if (sites === loading) sites = null; // read again next time
      });
    }
    return !siteIn(await sites, origin).disabled;
  };
}
