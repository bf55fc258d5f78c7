// Text-fragment links (#:~:text=) that find a heading even where the extension is not running.

/** Percent-encodes the characters that delimit text-fragment directives. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** `#:~:text=` link to the first occurrence of `heading`, kept short: long headings use start,end. */
export function textFragmentHref(heading: string, base = ''): string {
  const clean = heading.replace(/\s+/g, ' ').trim();
  const hashless = base.replace(/#.*$/, '');
  if (clean.length <= 40) return `${hashless}#:~:text=${encodeFragmentText(clean)}`;
  return `${hashless}#:~:text=${encodeFragmentText(clean.slice(0, 12))},${encodeFragmentText(clean.slice(-12))}`;
}
