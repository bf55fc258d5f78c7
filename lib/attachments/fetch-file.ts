// Downloads an attachment with the portal's cookies (the viewer is an extension page with the
// portal's host permission), counting bytes as they stream in so a 60 MB file is stopped at the
// cap instead of filling memory. An error status says so; a login page is found by sniffing later.
import { AttachmentError } from './errors';

/** 30 MB: a 500-page scanned PDF is larger; a text 公文 of any length is far smaller. */
export const DOWNLOAD_CAP = 30 * 1024 * 1024;

export interface Downloaded {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export function attachmentUrl(src: string | null): URL {
  if (!src) throw new AttachmentError('bad-address');
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new AttachmentError('bad-address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AttachmentError('bad-address');
  return url;
}

export async function fetchAttachment(
  url: URL,
  fetcher: typeof fetch = fetch,
  cap = DOWNLOAD_CAP,
): Promise<Downloaded> {
  let response: Response;
  try {
    response = await fetcher(url.href, { credentials: 'include', redirect: 'follow', cache: 'no-cache' });
  } catch {
    throw new AttachmentError('network');
  }
  const megabytes = String(Math.round(cap / 1024 / 1024));
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    throw new AttachmentError('http', String(response.status));
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    void response.body?.cancel().catch(() => {});
    throw new AttachmentError('too-large', megabytes);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()).slice(0, cap), contentType };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try {
      part = await reader.read();
    } catch {
      throw new AttachmentError('network');
    }
    if (part.done) break;
    total += part.value.length;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw new AttachmentError('too-large', megabytes);
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, contentType };
}
