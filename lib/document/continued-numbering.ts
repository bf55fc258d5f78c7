// Sub-point numbering that runs on through a document's parts. Some offices number the items under
// 一、 as 1、2、 and go on with 3、4、 under 二、 (or （一）（二） then （三）（四）) instead of starting
// again at 1. Such a run is still each part's sub-points; a lone number that merely continues
// nothing (a stray '3、' in body text) is not. Pure: parse-sections.ts asks, this answers.

/** The last sub-heading of one series a part ended with: its number and its marker as printed. */
export interface LastChild {
  readonly number: number;
  readonly marker: string;
}

/** A sub-heading read on a line: its numbering series ('l2', 'l3', …), number and marker. */
export interface LineNumber {
  readonly series: string;
  readonly rank: number;
  readonly number: number;
}

/** A marker without its numeral, half- and full-width alike: '3、' → '、', '（三）' → '()', '4．' → '.'. */
export function markerShape(marker: string): string {
  return marker
    .replace(/[0-9０-９〇零一二三四五六七八九十百千\s]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/．/g, '.');
}

/** What the parser keeps of a section, as far as this module reads it. */
export interface PartLike {
  readonly kind: 'part' | 'point';
  readonly rank: number;
  readonly number: number;
  readonly marker: string;
  readonly children: readonly PartLike[];
  /** Last number seen per child series. */
  readonly lastChild: ReadonlyMap<string, number>;
}

/** At most this many parts without items may stand between a run and its continuation. */
export const MAX_EMPTY_PARTS = 3;

/**
 * The last child of a series (`rank`, `series`) in the nearest earlier sibling of `part` that has
 * children; up to MAX_EMPTY_PARTS siblings with none (a short part without items) are passed
 * over, one with other items only ends the search.
 */
export function lastChildBefore(
  siblings: readonly PartLike[],
  part: PartLike,
  rank: number,
  series: string,
): LastChild | undefined {
  const at = siblings.lastIndexOf(part);
  for (let k = at - 1; k >= 0 && k >= at - 1 - MAX_EMPTY_PARTS; k--) {
    const sibling = siblings[k]!;
    if (sibling.rank !== part.rank || sibling.kind !== 'part') return undefined;
    if (sibling.children.length === 0) continue;
    const child = sibling.children.findLast((c) => c.kind === 'part' && c.rank === rank);
    return child && sibling.lastChild.get(series) === child.number ? child : undefined;
  }
  return undefined;
}

/**
 * True when a part's first sub-heading (`number`, `marker`) takes up the series the part before it
 * ended: exactly the next number (no gap, unlike a series' own steps), printed the same way ('3、'
 * after '2、', not '3.' after '2、'). `before` is that part's last child of the series, if any.
 */
export function continuesSeries(before: LastChild | undefined, number: number, marker: string): boolean {
  return before !== undefined && number === before.number + 1 && markerShape(marker) === markerShape(before.marker);
}

/**
 * True when the part's own lines [from, to) start the series afresh ('1、' of the same series before
 * the next heading of the part's rank or higher): then an earlier '3、' in it is body text, not a
 * continuation. `read` classifies a line (null for body text); the scan stops at the part's end.
 */
export function restartsInPart(
  lines: readonly string[],
  from: number,
  to: number,
  partRank: number,
  series: string,
  read: (line: string) => LineNumber | null,
): boolean {
  for (let i = from; i < to; i++) {
    const n = read(lines[i] ?? '');
    if (!n) continue;
    if (n.rank <= partRank) return false;
    if (n.series === series && n.number === 1) return true;
  }
  return false;
}
