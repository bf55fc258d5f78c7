// The organisation's own phrases (the policy's glossary and extraPhrases, lib/managed) as lexicon
// entries of the category 'organisation' (shown as 本单位), merged with the built-in lexicon so
// they are found, painted and listed through the same path as every other key phrase.
import { compactPhrase, type LexiconEntry } from './lexicon';
import type { ManagedConfig } from '../managed/validate';

/** The policy's phrases as entries: glossary entries carry their gloss, extra phrases none. */
export function organisationLexicon(config: Pick<ManagedConfig, 'glossary' | 'extraPhrases'>): LexiconEntry[] {
  // The validator has already bounded, compacted and de-duplicated both lists (lib/managed/validate.ts).
  const out: LexiconEntry[] = config.glossary.map(({ phrase, gloss }) =>
    Object.freeze({ term: phrase, category: 'organisation' as const, gloss }),
  );
  for (const phrase of config.extraPhrases)
    out.push(Object.freeze({ term: phrase, category: 'organisation' as const }));
  return out;
}

/**
 * The built-in lexicon with the organisation's entries: where both have a term, the organisation's
 * entry replaces the built-in one (IT's gloss is the standard wording at that institution). With no
 * organisation entries the built-in array itself comes back, so its cached automaton still serves.
 */
export function mergeLexicon(
  builtIn: readonly LexiconEntry[],
  organisation: readonly LexiconEntry[],
): readonly LexiconEntry[] {
  if (organisation.length === 0) return builtIn;
  const own = new Set(organisation.map((e) => compactPhrase(e.term)));
  return Object.freeze([...organisation, ...builtIn.filter((e) => !own.has(compactPhrase(e.term)))]);
}
