// What a downloaded file really is, from its first bytes: portals serve PDF and Word files as
// application/octet-stream under names that say nothing (download.jsp?wbfileid=…), and a login
// page or error page often stands where the file should be.

export type FileKind = 'pdf' | 'docx' | 'zip' | 'cfb' | 'rtf' | 'html' | 'unknown';

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** ASCII of the first bytes, for the text formats (RTF, HTML). */
function head(bytes: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** True when the zip's directory names `word/document.xml` (a Word 2007+ document). */
function zipHoldsWordDocument(bytes: Uint8Array): boolean {
  // The name is stored uncompressed in both the local headers and the central directory.
  const needle = [0x77, 0x6f, 0x72, 0x64, 0x2f, 0x64, 0x6f, 0x63, 0x75, 0x6d, 0x65, 0x6e, 0x74, 0x2e, 0x78, 0x6d, 0x6c];
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function sniffKind(bytes: Uint8Array): FileKind {
  // A PDF may have a few bytes of junk before the header (readers accept up to 1024).
  const first = head(bytes, 1024);
  const pdfAt = first.indexOf('%PDF-');
  if (pdfAt === 0 || (pdfAt > 0 && !first.trimStart().startsWith('<'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHoldsWordDocument(bytes) ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (first.startsWith('{\\rtf')) return 'rtf';
  const text = first
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  if (
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    text.startsWith('<head') ||
    text.startsWith('<body') ||
    (text.startsWith('<') && /<(html|head|body|script|meta|title)\b/.test(first.toLowerCase()))
  )
    return 'html';
  return 'unknown';
}
