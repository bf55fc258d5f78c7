// Word 97–2003 (.doc) and Kingsoft WPS (.wps) text: the WordDocument stream's FIB says which table
// stream holds the CLX and how long the main text is; the CLX's piece table (PlcPcd) maps text
// positions to bytes, each piece either "compressed" (one byte per character, cp1252) or UTF-16LE.
// Special characters: \r ends a paragraph, \x07 a table cell, \x0b a line, \x0c a page; a field
// \x13 code \x14 result \x15 keeps its result. An encrypted file gets its own message.
import { readCompoundFile } from './compound-file';
import { AttachmentError } from './errors';
import { tidy, type Extracted, type TextBlock } from './blocks';

/** cp1252's 0x80–0x9f (the rest of the byte range is Latin-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function cp1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** The main document's characters, raw (special characters still in). */
export function docText(data: Uint8Array): string {
  const cfb = readCompoundFile(data);
  if (cfb.names.includes('EncryptionInfo') || cfb.names.includes('EncryptedPackage'))
    throw new AttachmentError('encrypted');
  const word = cfb.stream('WordDocument');
  if (!word || word.length < 0x1aa) throw new AttachmentError('damaged', 'no WordDocument stream');
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const ident = view.getUint16(0, true);
  if (ident !== 0xa5ec && ident !== 0xa5dc) throw new AttachmentError('damaged', 'not a Word 97 FIB');
  const flags = view.getUint16(0x0a, true);
  if (flags & 0x0100) throw new AttachmentError('encrypted');
  const table = cfb.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new AttachmentError('damaged', 'no table stream');

  // FibBase (32) → csw, fibRgW → cslw, fibRgLw (ccpText is its 4th field) → cbRgFcLcb, fibRgFcLcb (fcClx is pair 33).
  let at = 32;
  const csw = view.getUint16(at, true);
  at += 2 + csw * 2;
  const cslw = view.getUint16(at, true);
  const rgLw = at + 2;
  at = rgLw + cslw * 4;
  const ccpText = view.getInt32(rgLw + 12, true);
  const rgFcLcb = at + 2;
  if (rgFcLcb + 34 * 8 > word.length) throw new AttachmentError('damaged', 'short FIB');
  const fcClx = view.getUint32(rgFcLcb + 33 * 8, true);
  const lcbClx = view.getUint32(rgFcLcb + 33 * 8 + 4, true);
  if (fcClx + lcbClx > table.length || lcbClx === 0) throw new AttachmentError('damaged', 'CLX out of range');

  const tview = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let p = fcClx;
  const end = fcClx + lcbClx;
  // Prc entries (formatting) come first; skip them to the Pcdt.
  while (p < end && table[p] === 0x01) p += 3 + tview.getUint16(p + 1, true);
  if (table[p] !== 0x02) throw new AttachmentError('damaged', 'no piece table');
  const lcb = tview.getUint32(p + 1, true);
  const plc = p + 5;
  if (plc + lcb > table.length) throw new AttachmentError('damaged', 'piece table out of range');
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1) throw new AttachmentError('damaged', 'piece count');

  let text = '';
  const limit = ccpText > 0 ? ccpText : Infinity;
  for (let i = 0; i < n && text.length < limit; i++) {
    const cpStart = tview.getUint32(plc + i * 4, true);
    const cpEnd = tview.getUint32(plc + (i + 1) * 4, true);
    const pcd = plc + (n + 1) * 4 + i * 8;
    const fcRaw = tview.getUint32(pcd + 2, true);
    const count = Math.min(cpEnd - cpStart, limit - text.length);
    if (count <= 0) continue;
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = fcRaw & 0x3fffffff;
    if (compressed) {
      const from = fc / 2;
      if (from + count > word.length) throw new AttachmentError('damaged', 'piece past the end');
      let s = '';
      for (let k = 0; k < count; k++) s += cp1252(word[from + k]!);
      text += s;
    } else {
      if (fc + count * 2 > word.length) throw new AttachmentError('damaged', 'piece past the end');
      text += new TextDecoder('utf-16le').decode(word.subarray(fc, fc + count * 2));
    }
  }
  return text;
}

/** Field codes out (their results kept), special characters to paragraph breaks or nothing. */
export function cleanDocText(raw: string): string[] {
  let out = '';
  // Per open field: are we past its \x14 (in the result)?
  const fields: boolean[] = [];
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (code === 0x13) {
      fields.push(false);
      continue;
    }
    if (code === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
      continue;
    }
    if (code === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.some((inResult) => !inResult)) continue; // inside a field's code
    if (ch === '\r' || code === 0x07 || code === 0x0b || code === 0x0c) out += '\n';
    else if (ch === '\t') out += '\t';
    else if (code === 0x1e) out += '-';
    else if (code < 0x20 || code === 0x1f)
      continue; // pictures (\x01), footnote marks (\x02), soft hyphens
    else out += ch;
  }
  return out.split('\n');
}

export function extractDoc(data: Uint8Array): Extracted {
  const blocks: TextBlock[] = cleanDocText(docText(data))
    .map(tidy)
    .filter((line) => line.length > 0)
    .map((text) => ({ text }));
  if (!blocks.length) throw new AttachmentError('empty');
  return { blocks, pagesRead: 0, pagesTotal: 0, partial: false };
}
