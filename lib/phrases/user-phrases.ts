// The reader's own key phrases: normalizing one input and pure add / remove on the saved list.
import { compactPhrase } from './lexicon';

export const userPhraseMaxLength = 30;
/**
 * How many phrases a reader may keep. Finding stays linear in the text however many there are
 * (one automaton), but each is painted, listed and stored on every portal; past this a list of
 * "key" phrases has stopped marking anything out.
 */
export const userPhraseLimit = 200;

export type NormalizeResult =
  | { readonly ok: true; readonly phrase: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' | 'duplicate' | 'limit' };

// Quote marks a reader may paste around a phrase copied from the page.
const quotePairs: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
  ["'", "'"],
  ['《', '》'],
];

function stripQuotes(s: string): string {
  let out = s.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const [open, close] of quotePairs) {
      if (out.length >= 2 && out.startsWith(open) && out.endsWith(close)) {
        out = out.slice(open.length, -close.length).trim();
        changed = true;
      }
    }
  }
  // A lone mark at either end (half a pasted quote) is not part of the phrase either.
  return out.replace(/^[“”‘’「」『』"']+|[“”‘’「」『』"']+$/gu, '').trim();
}

/**
 * Trims, strips quote marks and drops inner whitespace (the form `findPhrases` reports), then checks
 * 1–30 chars, duplicates, and that the list has room (`userPhraseLimit`).
 */
export function normalizeUserPhrase(input: string, existing: readonly string[] = []): NormalizeResult {
  const phrase = compactPhrase(stripQuotes(input));
  if (phrase.length === 0) return { ok: false, reason: 'empty' };
  if ([...phrase].length > userPhraseMaxLength) return { ok: false, reason: 'too-long' };
  if (existing.some((p) => compactPhrase(p) === phrase)) return { ok: false, reason: 'duplicate' };
  if (existing.length >= userPhraseLimit) return { ok: false, reason: 'limit' };
  return { ok: true, phrase };
}

/** A new list with the phrase appended; an equal copy when the input is rejected (see `normalizeUserPhrase` for why). */
export function addUserPhrase(list: readonly string[], input: string): string[] {
  const result = normalizeUserPhrase(input, list);
  return result.ok ? [...list, result.phrase] : [...list];
}

/** A new list without the phrase (compared in normalized form). */
export function removeUserPhrase(list: readonly string[], phrase: string): string[] {
  const target = compactPhrase(stripQuotes(phrase));
  return list.filter((p) => compactPhrase(p) !== target);
}
