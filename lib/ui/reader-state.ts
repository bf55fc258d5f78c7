// What the panel shows and what it can ask for: the contract between the controller and the views.
import type { GongwenDocument, Section } from '../document/types';

export interface PhraseItem {
  readonly term: string;
  readonly category: string;
  readonly gloss?: string;
  readonly count: number;
}

export interface ReaderState {
  readonly doc: GongwenDocument;
  readonly open: boolean;
  readonly side: 'left' | 'right';
  /** Panel width in px, chosen so the panel stays clear of the article where room allows. */
  readonly width: number;
  /** Distance from the viewport top, below any fixed page header. */
  readonly top: number;
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
  readonly phrases: readonly PhraseItem[];
  readonly hasSelection: boolean;
  /** A short status line for screen readers and sighted readers alike. */
  readonly message: string | null;
}

export interface ReaderActions {
  setOpen(open: boolean): void;
  jumpTo(section: Section): void;
  toggleBookmark(section: Section): void;
  setBookmarkNote(section: Section, note: string): void;
  resume(): void;
  resetProgress(): void;
  /** Puts back what the last reset removed, while canUndoReset. */
  undoReset(): void;
  toggleHighlights(): void;
  goToPhrase(term: string): void;
  addSelectedPhrase(): void;
  removeUserPhrase(term: string): void;
}
