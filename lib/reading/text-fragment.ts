// Text-fragment links (#:~:text=) that find a heading even where the extension is not running.
// A browser matches a fragment's text within one paragraph only, so a fragment never spans one: an
// article or chapter marker printed alone on its line ('第三条' / '为规范招生工作，…', joined into
// the heading '第三条 为规范招生工作') is matched by its marker, the heading's first paragraph,
// with the words after it as a suffix that only picks which '第三条' is meant.
import { matchOuterHeading } from '../document/headings';

/** Percent-encodes the characters that delimit text-fragment directives. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Longest text kept at either end of a long heading, and of the suffix after a marker. */
const END_CHARS = 12;

/** The directive for a heading: its text, or start,end for a long one; marker,-suffix for '第三条 …'. */
function directive(clean: string): string {
  const outer = matchOuterHeading(clean);
  if (outer && clean.charAt(outer.marker.length) === ' ') {
    const rest = clean.slice(outer.marker.length + 1);
    const suffix = rest.split(' ')[0]!.slice(0, END_CHARS);
    return `${encodeFragmentText(outer.marker.trim())},-${encodeFragmentText(suffix)}`;
  }
  if (clean.length <= 40) return encodeFragmentText(clean);
  return `${encodeFragmentText(clean.slice(0, END_CHARS))},${encodeFragmentText(clean.slice(-END_CHARS))}`;
}

/** `#:~:text=` link to the first occurrence of `heading`, kept short: long headings use start,end. */
export function textFragmentHref(heading: string, base = ''): string {
  const clean = heading.replace(/\s+/g, ' ').trim();
  const hashless = base.replace(/#.*$/, '');
  return `${hashless}#:~:text=${directive(clean)}`;
}
