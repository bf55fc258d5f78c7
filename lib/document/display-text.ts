// What the reader shows of a line of page text: HTML entities that a CMS escaped twice ('&nbsp;'
// printed as text) decoded, runs of whitespace made one space. The page's own text is never changed;
// offsets into the text model always use the text as printed.

const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
};
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;

function decode(entity: string, body: string): string {
  if (body.charAt(0) === '#') {
    const code =
      body.charAt(1) === 'x' || body.charAt(1) === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return NAMED[body.toLowerCase()] ?? entity;
}

/** `line` as the panel shows it: entities decoded, whitespace (nbsp, U+3000 included) collapsed, trimmed. */
export function displayText(line: string): string {
  const decoded = line.indexOf('&') >= 0 ? line.replace(ENTITY, decode) : line;
  return decoded.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}
