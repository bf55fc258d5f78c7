// What the panel shows and what it can ask for: the contract between the reader on the page and
// its panel (an extension page). Plain data only: the state and the actions' arguments cross a
// message boundary, so sections travel by id, sets as arrays.
import type { GongwenDocument } from '../document/types';
import type { Side } from './layout';
import type { TextSize } from '../prefs/panel-prefs';
import type { HighlightScheme } from '../phrases/highlight-scheme';
import type { ColorPair } from '../phrases/highlight-styles';

export interface PhraseItem {
  readonly term: string;
  readonly category: string;
  readonly gloss?: string;
  readonly count: number;
}

export interface ReaderState {
  readonly doc: GongwenDocument;
  /** The reader wants the full panel on the page (else the rail of parts). */
  readonly open: boolean;
  readonly side: Side;
  /** The panel width the reader chose, in CSS px. */
  readonly width: number;
  /** True when the panel fits beside the article's text; an overlay panel closes after a jump. */
  readonly beside: boolean;
  /** The outline is shown in the browser's side panel: the page keeps only the rail. */
  readonly docked: boolean;
  readonly textSize: TextSize;
  /** Show the keyboard hint (until the reader dismisses it). */
  readonly keysHint: boolean;
  readonly currentId: string | null;
  readonly percent: number;
  readonly readIds: readonly string[];
  /** Bookmarked section ids with their notes. */
  readonly bookmarks: Readonly<Record<string, string>>;
  /** Resume reading: shown while the view is above where the last visit ended. */
  readonly showResume: boolean;
  readonly resumeLost: boolean;
  /** A reset just happened and can be undone for a few seconds. */
  readonly canUndoReset: boolean;
  readonly highlightsOn: boolean;
  /** The palette painted on the page, chosen from the page's background under the article. */
  readonly highlightScheme: HighlightScheme;
  /** That palette's text/background pairs by category (and 'flash'): the legend shows exactly these. */
  readonly highlightColors: Readonly<Record<string, ColorPair>>;
  readonly phrases: readonly PhraseItem[];
  readonly hasSelection: boolean;
  /** A short status line for screen readers and sighted readers alike. */
  readonly message: string | null;
}

export interface ReaderActions {
  setOpen(open: boolean): void;
  jumpTo(sectionId: string): void;
  /** The previous (-1) or next (1) section of the outline. */
  stepSection(step: -1 | 1): void;
  toggleBookmark(sectionId: string): void;
  setBookmarkNote(sectionId: string, note: string): void;
  resume(): void;
  resetProgress(): void;
  /** Puts back what the last reset removed, while canUndoReset. */
  undoReset(): void;
  toggleHighlights(): void;
  goToPhrase(term: string): void;
  addSelectedPhrase(): void;
  removeUserPhrase(term: string): void;
  setSide(side: Side): void;
  setWidth(width: number): void;
  setTextSize(size: TextSize): void;
  dismissKeysHint(): void;
  /** The browser's side panel opened (true) or closed (false) for this tab. */
  setDocked(docked: boolean): void;
}
