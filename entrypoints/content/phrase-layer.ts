// Key phrases on this page: found once over the text model, painted as highlights, walked by the legend.
import type { TextModel } from '../../lib/document/types';
import type { PhraseItem } from '../../lib/ui/reader-state';
import { builtInLexicon, type PhraseCategory } from '../../lib/phrases/lexicon';
import { findPhrases, type PhraseMatch } from '../../lib/phrases/find-phrases';
import { summarizePhrases, type PhraseSummary } from '../../lib/phrases/summarize';
import { createHighlighter } from '../../lib/phrases/paint-highlights';
import { textRange } from '../../lib/dom/ranges';
import { buildTextModel } from '../../lib/document/text-model';

export interface PhraseLayer {
  /**
   * The text model to map offsets with. The same text always; in the wrapping fallback the
   * page's text nodes are split by painting, so the runs are re-read after each paint or clear.
   */
  model(): TextModel;
  summary(): PhraseItem[];
  paint(): void;
  clear(): void;
  setUserPhrases(phrases: readonly string[]): void;
  /** The next occurrence of `term` after `fromOffset`, wrapping to the first. */
  nextOccurrence(term: string, fromOffset: number): Range | null;
  flash(range: Range): void;
}

export function createPhraseLayer(model: TextModel, userPhrases: readonly string[]): PhraseLayer {
  const highlighter = createHighlighter(model.root.ownerDocument);
  // Wrapping splits text nodes (and a flash unwraps on a timer), so that mode re-reads the DOM.
  const dom = (): TextModel => (highlighter.mode === 'wrap' ? buildTextModel(model.root) : model);
  let matches: PhraseMatch[] = [];
  let rows: PhraseSummary[] = [];
  const lastVisited = new Map<string, number>();

  const find = (user: readonly string[]) => {
    matches = findPhrases(model.text, { lexicon: builtInLexicon, userPhrases: user });
    rows = summarizePhrases(matches, builtInLexicon);
  };
  find(userPhrases);

  return {
    model: dom,
    summary: () => rows.map(({ term, category, gloss, count }) => ({ term, category, count, ...(gloss ? { gloss } : {}) })),
    paint() {
      // Ranges are made only when painting, so a reader with highlights off pays nothing for them.
      const byCategory = new Map<PhraseCategory, Range[]>();
      for (const m of matches) {
        const list = byCategory.get(m.category) ?? [];
        list.push(textRange(dom(), m.start, m.end));
        byCategory.set(m.category, list);
      }
      highlighter.clear();
      highlighter.paint(byCategory);
    },
    clear: () => highlighter.clear(),
    setUserPhrases(user) {
      find(user);
      lastVisited.clear();
    },
    nextOccurrence(term, fromOffset) {
      const row = rows.find((r) => r.term === term);
      if (!row || row.occurrences.length === 0) return null;
      const starts = row.occurrences.map((i) => matches[i]!);
      const previous = lastVisited.get(term);
      // Keep walking forward from the last visit; otherwise start from where the reader is.
      const pivot = previous ?? fromOffset - 1;
      const next = starts.find((m) => m.start > pivot) ?? starts[0]!;
      lastVisited.set(term, next.start);
      return textRange(dom(), next.start, next.end);
    },
    flash: (range) => highlighter.flash(range),
  };
}
