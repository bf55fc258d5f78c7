// What the panel shows and what it can ask for: the contract between the reader on the page and
// its panel (an extension page). Plain data only: the state and the actions' arguments cross a
// message boundary, so sections travel by id, sets as arrays.
import type { GongwenDocument } from '../document/types';
import type { Side } from './layout';
import type { TextSize } from '../prefs/panel-prefs';
import type { HighlightScheme } from '../phrases/highlight-scheme';
import type { ColorPair } from '../phrases/highlight-styles';
import type { AttachmentLink } from '../attachments/links';

export interface PhraseItem {
  readonly term: string;
  readonly category: string;
  readonly gloss?: string;
  readonly count: number;
}

/** 会了 / 再看 on a part, or no mark. */
export type StudyMarkValue = 'known' | 'again' | null;

export interface StudyPart {
  readonly id: string;
  /** The part's key phrases (its blanks), once each. */
  readonly terms: readonly string[];
  /** Blanks of this part revealed in this study session, of all of them. */
  readonly revealed: number;
  readonly total: number;
  readonly mark: StudyMarkValue;
}

/** Study mode (学习模式): the key phrases masked on the page as blanks, revealed one by one. */
export interface StudyView {
  /** The stored document's id: the 复习 list tells this document's parts (a jump) from others' (a new tab). */
  readonly docId: string;
  /** The page can show blanks (Highlight API) and the document has key phrases. */
  readonly available: boolean;
  readonly on: boolean;
  readonly revealed: number;
  readonly total: number;
  /** Every top-level part, in order, with its phrases and the student's mark. */
  readonly parts: readonly StudyPart[];
}

export interface ReaderState {
  readonly doc: GongwenDocument;
  /** The reader wants the full panel on the page (else the rail of parts). */
  readonly open: boolean;
  /** The side the reader chose (stored). */
  readonly side: Side;
  /** The side the panel really is on, as placed (the chosen one may have no room, or no rail). */
  readonly placedSide: Side;
  /** The reader moved the panel on this page: it stays on `side` whatever the room there. */
  readonly sideFixed: boolean;
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
  /** Where 继续阅读 leads while it is offered: the section holding the place (null when not offered). */
  readonly resumeId: string | null;
  /** A reset just happened and can be undone for a few seconds. */
  readonly canUndoReset: boolean;
  readonly highlightsOn: boolean;
  /** The palette painted on the page, chosen from the page's background under the article. */
  readonly highlightScheme: HighlightScheme;
  /** That palette's text/background pairs by category (and 'flash'): the legend shows exactly these. */
  readonly highlightColors: Readonly<Record<string, ColorPair>>;
  readonly phrases: readonly PhraseItem[];
  readonly hasSelection: boolean;
  readonly study: StudyView;
  /** The files the article links (lib/attachments/links.ts): listed in the outline's 附件 group, documents offered to the viewer. */
  readonly attachments: readonly AttachmentLink[];
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
  /** Enters or leaves study mode (学习模式). */
  toggleStudy(): void;
  /** Reveals the next blank in reading order from the top of the view, and scrolls to it. */
  revealNext(): void;
  /** Marks a part 会了 ('known') or 再看 ('again'); null takes the mark back. */
  markPart(partId: string, mark: StudyMarkValue): void;
}
