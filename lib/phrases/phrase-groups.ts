// Orders the key-phrase list for reading: first what this document stresses (phrases it repeats,
// and those with a standard wording to explain), most frequent first; then the rest by category.
import { phraseCategoryOrder } from './lexicon';

export interface GroupableRow {
  readonly category: string;
  readonly gloss?: string;
  readonly count: number;
}

export type PhraseGroup<T> =
  | { readonly kind: 'focus'; readonly rows: readonly T[] }
  | { readonly kind: 'category'; readonly category: string; readonly rows: readonly T[] };

/**
 * A row belongs to the focus group when the document uses it more than once or it carries a gloss.
 * The reader's own phrases stay in their own group, where they can be removed.
 */
export function isFocusRow(row: GroupableRow): boolean {
  return row.category !== 'user' && (row.count > 1 || row.gloss !== undefined);
}

/**
 * Splits summary rows (in legend order, see summarize.ts) into the focus group, sorted by count
 * (ties keep legend order, so glossed formulae lead), and one group per remaining category in
 * legend order. Empty groups are left out.
 */
export function groupPhrases<T extends GroupableRow>(rows: readonly T[]): PhraseGroup<T>[] {
  const focus = rows.filter(isFocusRow).sort((a, b) => b.count - a.count);
  const rest = rows.filter((row) => !isFocusRow(row));
  const rank = (category: string): number => {
    const i = phraseCategoryOrder.indexOf(category as (typeof phraseCategoryOrder)[number]);
    return i < 0 ? phraseCategoryOrder.length : i;
  };
  const categories = [...new Set(rest.map((row) => row.category))].sort((a, b) => rank(a) - rank(b));
  const groups: PhraseGroup<T>[] = focus.length > 0 ? [{ kind: 'focus', rows: focus }] : [];
  for (const category of categories)
    groups.push({ kind: 'category', category, rows: rest.filter((row) => row.category === category) });
  return groups;
}

/**
 * The focus group's note says only what is true of every row in it: 多次出现 when each row repeats,
 * 附有释义 when each carries a gloss (some occur once), both when each does at least one of the two.
 */
export function focusNoteKey(
  rows: readonly GroupableRow[],
): 'phrasesFocusRepeated' | 'phrasesFocusGlossed' | 'phrasesFocusNote' {
  if (rows.every((row) => row.count > 1)) return 'phrasesFocusRepeated';
  if (rows.every((row) => row.gloss !== undefined)) return 'phrasesFocusGlossed';
  return 'phrasesFocusNote';
}
