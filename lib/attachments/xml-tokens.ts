// A minimal reader for the XML inside Word files: start/end tags with their attributes, and text.
// Word's parts are machine-written (no DTD, no CDATA in body text, entities only the five and
// numeric), so a tokenizer is enough and runs the same in the browser and in unit tests. A part
// that declares a DOCTYPE is refused (entity expansion is how XML bombs work).
import { AttachmentError } from './errors';

export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

const ATTR = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function* xmlTokens(xml: string): Generator<XmlToken> {
  if (/<!DOCTYPE/i.test(xml)) throw new AttachmentError('damaged', 'DOCTYPE');
  const re =
    /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[5] !== undefined) {
      yield { kind: 'text', text: decodeEntities(m[5]) };
    } else if (m[2] !== undefined) {
      if (m[1]) {
        yield { kind: 'close', name: m[2] };
        continue;
      }
      const attrs: Record<string, string> = {};
      if (m[3]) {
        ATTR.lastIndex = 0;
        let a: RegExpExecArray | null;
        while ((a = ATTR.exec(m[3]))) attrs[a[1]!] = decodeEntities(a[3] ?? a[4] ?? '');
      }
      yield { kind: 'open', name: m[2], attrs, selfClosing: Boolean(m[4]) };
    }
  }
}
