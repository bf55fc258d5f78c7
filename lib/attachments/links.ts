// Attachment links on a portal page: which anchors point at a published file (PDF, Word, WPS,
// RTF; spreadsheets and archives are listed but not offered to the reader), with the file's name
// and type as a reader would say them. Portals link files three ways: a URL ending in the file's
// extension (WebPlus `/_upload/…/<uuid>.docx`, plain uploads), a link whose text ends in it, or
// VSB/博达's `download.jsp?urltype=news.DownloadAttachUrl&…&wbfileid=…`, where only the link text
// names the file. Pure: reads anchors' attributes and text, changes nothing.

/** The file types the reader knows. */
export type AttachmentType = 'pdf' | 'doc' | 'docx' | 'wps' | 'rtf' | 'xls' | 'xlsx' | 'zip' | 'file';

export interface AttachmentLink {
  /** The file's name as the page gives it (link text, else title, else the URL's last segment). */
  readonly name: string;
  /** From the name or URL; 'file' for a download.jsp link that names no extension (the viewer sniffs it). */
  readonly type: AttachmentType;
  /** Absolute http(s) URL. */
  readonly url: string;
  /** The reader's viewer can show it (documents, not spreadsheets or archives). */
  readonly openable: boolean;
}

const OPENABLE: ReadonlySet<AttachmentType> = new Set(['pdf', 'doc', 'docx', 'wps', 'rtf', 'file']);
/** An extension at the end of a name or path (before any query in a name's case there is none). */
const EXTENSION = /\.(pdf|docx?|wps|rtf|xlsx?|zip)\s*$/i;
/** VSB/博达's attachment download: the file is named only by the link text. */
const VSB_DOWNLOAD = /download\.jsp/i;
/** Link texts that say "download" rather than name the file. */
const GENERIC_TEXT = /^(点击)?(下载|查看|打开)(附件|文件|原文)?$|^(download|open|view)$/i;
/** At most this many characters of a name (a long text is not a file name). */
const NAME_MAX = 120;

function extensionOf(text: string): AttachmentType | null {
  const match = EXTENSION.exec(text);
  return match ? (match[1]!.toLowerCase() as AttachmentType) : null;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The URL's last path segment, decoded where it can be. */
function lastSegment(url: URL): string {
  const segment = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** VSB/博达's attachment link: download.jsp with urltype=news.DownloadAttachUrl and a wbfileid. */
export function isVsbDownload(url: URL): boolean {
  if (!VSB_DOWNLOAD.test(url.pathname)) return false;
  const params = url.searchParams;
  return /DownloadAttachUrl/i.test(params.get('urltype') ?? '') && params.has('wbfileid');
}

/**
 * A stored document's address is a file the viewer shows (a record the viewer made is keyed by
 * the file's URL): its path ends in a document extension, or it is a VSB/博达 download.
 */
export function isAttachmentAddress(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const type = extensionOf(lastSegment(url));
  return type ? OPENABLE.has(type) : isVsbDownload(url);
}

/** One anchor as an attachment, or null when it links no file the reader knows. */
export function attachmentOf(anchor: Element, baseUrl: string): AttachmentLink | null {
  return candidateOf(anchor, baseUrl)?.link ?? null;
}

interface Candidate {
  readonly link: AttachmentLink;
  /** Named by the page (text or title) and typed by an extension, not by fallbacks. */
  readonly strength: number;
}

function candidateOf(anchor: Element, baseUrl: string): Candidate | null {
  const href = anchor.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href.trim(), baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const text = clean(anchor.textContent);
  const title = clean(anchor.getAttribute('title'));
  const segment = lastSegment(url);
  const type = extensionOf(segment) ?? extensionOf(text) ?? extensionOf(title) ?? (isVsbDownload(url) ? 'file' : null);
  if (!type) return null;
  const named = [text, title].find(
    (candidate) => candidate && candidate.length <= NAME_MAX && !GENERIC_TEXT.test(candidate),
  );
  const name = named ?? segment;
  if (!name) return null;
  return {
    link: { name, type, url: url.href, openable: OPENABLE.has(type) },
    strength: (named ? 2 : 0) + (type === 'file' ? 0 : 1),
  };
}

/**
 * The anchors' attachments, each URL once, in the order first linked. A file is often linked
 * twice (an icon, then its name): the link that names and types it best is kept.
 */
function collect(anchors: Iterable<Element>, baseUrl: string): AttachmentLink[] {
  const best = new Map<string, Candidate>();
  for (const anchor of anchors) {
    const found = candidateOf(anchor, baseUrl);
    if (!found) continue;
    const had = best.get(found.link.url);
    if (!had || found.strength > had.strength) best.set(found.link.url, found);
  }
  return Array.from(best.values(), (candidate) => candidate.link);
}

/** The attachment links under `root`, in document order, each URL once. */
export function findAttachmentLinks(root: ParentNode, baseUrl: string): AttachmentLink[] {
  return collect(root.querySelectorAll('a[href]'), baseUrl);
}

/** How many elements after the article's root are searched too: portals put the attachment list just below the text. */
const AFTER_ROOT = 3;

/**
 * The attachments of an article: links in its root and in the few elements that follow it, or
 * that follow its parent (VSB/博达 puts the attachment list after the content's wrapper).
 */
export function articleAttachments(root: Element): AttachmentLink[] {
  const scopes: Element[] = [root];
  for (const from of [root, root.parentElement]) {
    let taken = 0;
    for (let next = from?.nextElementSibling; next && taken < AFTER_ROOT; next = next.nextElementSibling, taken++)
      scopes.push(next);
  }
  const anchors = scopes.flatMap((scope) =>
    scope.matches('a[href]') ? [scope] : Array.from(scope.querySelectorAll('a[href]')),
  );
  return collect(anchors, root.ownerDocument.baseURI);
}
