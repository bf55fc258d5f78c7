// Whether a page may get the reader bundle: not on sites where the reader was switched off.
import { getSiteSettings } from '../storage/repository';

export async function readerAllowed(pageUrl: string | undefined): Promise<boolean> {
  if (!pageUrl) return true;
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return true;
  }
  return !(await getSiteSettings(origin)).disabled;
}
