// Key phrases on this page: found once over the text model, painted as highlights, walked by the legend.
import type { TextModel } from '../../lib/document/types';
import type { PhraseItem } from '../../lib/ui/reader-state';
import { builtInLexicon, type LexiconEntry, type PhraseCategory } from '../../lib/phrases/lexicon';
import { mergeLexicon } from '../../lib/phrases/organisation-phrases';
import { findPhrasesSteps, type PhraseMatch } from '../../lib/phrases/find-phrases';
import { drain, startSlicedJob, type SlicedJob, type SliceOptions } from '../../lib/startup/slices';
import { summarizePhrases, type PhraseSummary } from '../../lib/phrases/summarize';
import { createHighlighter } from '../../lib/phrases/paint-highlights';
import type { HighlightScheme } from '../../lib/phrases/highlight-scheme';
import { textRange } from '../../lib/dom/ranges';
import { buildTextModel } from '../../lib/document/text-model';
import { lastIndexWhere } from '../../lib/sorted/last-index-where';

export interface PhraseLayer {
  /**
   * The text model to map offsets with. The same text always; in the wrapping fallback the
   * page's text nodes are split by painting, so the runs are re-read after each paint or clear.
   */
  model(): TextModel;
  summary(): PhraseItem[];
  /**
   * Finds the phrases (if not found yet) in slices with the page's turns between them; anything
   * that needs them sooner (matches(), summary(), painting) finishes the work at once. Resolves
   * when they are found; false if `options.signal` stopped it first.
   */
  findInSlices(options?: SliceOptions): Promise<boolean>;
  /** The found phrases in text order (a new array whenever they change: study mode's blanks follow it). */
  matches(): readonly PhraseMatch[];
  /**
   * Paints the phrases around `offset` (the reader's place). Only a window of the text is
   * painted, because the browser's paint cost grows with the number of highlighted ranges.
   */
  paint(offset: number): void;
  /** Repaints when the reader has moved near the edge of the painted window (cheap otherwise). */
  follow(offset: number): void;
  clear(): void;
  /** The reader's own phrases changed: found again on next use or by findInSlices(). */
  setUserPhrases(phrases: readonly string[]): void;
  /** The next occurrence of `term` after `fromOffset`, wrapping to the first. */
  nextOccurrence(term: string, fromOffset: number): Range | null;
  flash(range: Range): void;
  /** Paints with the palette for the page's background (see lib/dom/page-background.ts). */
  setScheme(scheme: HighlightScheme): void;
}

export function createPhraseLayer(
  model: TextModel,
  userPhrases: readonly string[],
  organisation: readonly LexiconEntry[] = [],
): PhraseLayer {
  const highlighter = createHighlighter(model.root.ownerDocument);
  // Wrapping splits text nodes (and a flash unwraps on a timer), so that mode re-reads the DOM.
  const dom = (): TextModel => (highlighter.mode === 'wrap' ? buildTextModel(model.root) : model);
  let matches: PhraseMatch[] = [];
  let rows: PhraseSummary[] = [];
  const lastVisited = new Map<string, number>();
  let painted: { start: number; end: number } | null = null;
  /** Phrases are found on first use, not when the layer is made: the outline is up before this work. */
  let pending: readonly string[] | null = userPhrases;
  /** The built-in lexicon with the organisation's phrases: glosses and categories come from it. */
  const lexicon = mergeLexicon(builtInLexicon, organisation);
  /** The finding under way in slices, if any; a newer list of phrases stops it. */
  let job: { readonly run: SlicedJob<PhraseMatch[]>; readonly stop: AbortController } | null = null;

  const settle = (found: PhraseMatch[]) => {
    job = null;
    matches = found;
    rows = summarizePhrases(matches, lexicon);
  };
  const steps = (user: readonly string[]) => findPhrasesSteps(model.text, { lexicon, userPhrases: user });
  const found = () => {
    if (job) settle(job.run.result());
    else if (pending) {
      const user = pending;
      pending = null;
      settle(drain(steps(user)));
    }
  };

  return {
    model: dom,
    matches: () => (found(), matches),
    summary: () =>
      (found(), rows).map(({ term, category, gloss, count }) => ({
        term,
        category,
        count,
        ...(gloss ? { gloss } : {}),
      })),
    async findInSlices(options = {}) {
      if (!job) {
        if (!pending) return true;
        const user = pending;
        pending = null;
        const stop = new AbortController();
        const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
        job = { run: startSlicedJob(steps(user), { ...options, signal }), stop };
      }
      const mine = job;
      const result = await mine.run.done;
      // Settled here unless result() took it over meanwhile; false if newer phrases replaced it.
      if (job === mine && result) settle(result);
      return mine.run.settled() && !mine.stop.signal.aborted;
    },
    paint(offset) {
      // Ranges are made only when painting, so a reader with highlights off pays nothing for them.
      const window = paintWindow(offset, model.text.length);
      found();
      const byCategory = new Map<PhraseCategory, Range[]>();
      highlighter.clear();
      const current = dom();
      for (let i = firstEndingAfter(matches, window.start); i < matches.length; i++) {
        const m = matches[i]!;
        if (m.start >= window.end) break;
        const list = byCategory.get(m.category) ?? [];
        list.push(textRange(current, m.start, m.end));
        byCategory.set(m.category, list);
      }
      highlighter.paint(byCategory);
      painted = window;
    },
    follow(offset) {
      if (painted && !needsRepaint(painted, offset, model.text.length)) return;
      this.paint(offset);
    },
    clear() {
      highlighter.clear();
      painted = null;
    },
    setUserPhrases(list) {
      // Found on next use, or in slices by findInSlices(); a finding under way is for the old list.
      job?.stop.abort();
      job = null;
      pending = list;
      lastVisited.clear();
    },
    nextOccurrence(term, fromOffset) {
      found();
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
    setScheme: (scheme) => highlighter.setScheme(scheme),
  };
}

/** Characters painted above and below the reader's place: several screens of text either way. */
const PAINT_RADIUS = 8000;

function paintWindow(offset: number, length: number): { start: number; end: number } {
  return { start: Math.max(0, offset - PAINT_RADIUS), end: Math.min(length, offset + 2 * PAINT_RADIUS) };
}

/** True once the reader is within half a radius of an edge that is not the text's own edge. */
function needsRepaint(window: { start: number; end: number }, offset: number, length: number): boolean {
  const nearTop = window.start > 0 && offset < window.start + PAINT_RADIUS / 2;
  const nearBottom = window.end < length && offset > window.end - PAINT_RADIUS;
  return nearTop || nearBottom;
}

/** Index of the first match (sorted by start, non-overlapping) that ends after `offset`. */
function firstEndingAfter(matches: readonly PhraseMatch[], offset: number): number {
  return lastIndexWhere(matches, (match) => match.end <= offset) + 1;
}
