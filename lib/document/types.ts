// Shared data types of the article model: every feature works on these plain values.

/** A stretch of `TextModel.text` that comes from one DOM text node, character for character. */
export interface TextRun {
  readonly node: Text;
  /** [start, end) in `TextModel.text`. */
  readonly start: number;
  readonly end: number;
  /** Offset in `node.data` that `start` corresponds to. */
  readonly nodeStart: number;
}

/** One logical line of the article (a block, or several blocks joined across a page break). */
export interface Block {
  /** [start, end) in `TextModel.text`, without the separating '\n'. */
  readonly start: number;
  readonly end: number;
  /** The block-level element the line starts in (for scrolling and nav exclusion). */
  readonly element: Element;
}

/**
 * The article's text as one string, made in a single pass over its text nodes.
 * Blocks are separated by a single '\n'; page-break splits are joined with nothing;
 * runs of collapsible whitespace become one space; full-width spaces (U+3000) at the start
 * of a line are dropped. Every character that is not a separator maps to exactly one
 * character of one text node through `runs`.
 */
export interface TextModel {
  readonly root: Element;
  readonly text: string;
  readonly runs: readonly TextRun[];
  readonly blocks: readonly Block[];
}

/** GB/T 9704 heading levels: 1 = 一、, 2 = （一）, 3 = 1. / 1．, 4 = （1）. A sub-point is one deeper than its parent. */
export type SectionLevel = 1 | 2 | 3 | 4 | 5;

export interface Section {
  /** Stable id from the numbering path: 'p1', 'p1.2', sub-points 'p1.k2' (k = 要-point index, 1-based). */
  readonly id: string;
  readonly kind: 'part' | 'point';
  readonly level: SectionLevel;
  /** Number marker as printed ('一、', '（二）', '1.', '') */
  readonly marker: string;
  /** 1-based number within its numbering series (sub-points: index among siblings). */
  readonly number: number;
  /** The heading as printed: '一、基层党组织…旗帜', or the sub-point's lead sentence '要强化政治意识，严明组织责任。'. */
  readonly heading: string;
  /** [headingStart, headingEnd) of the heading in `TextModel.text`. */
  readonly headingStart: number;
  readonly headingEnd: number;
  /** [start, end) of the whole section (heading to the start of the next section of the same or higher level, or the body's end). */
  readonly start: number;
  readonly end: number;
  readonly children: readonly Section[];
}

/**
 * A run of top-level entries that belong together: a covering note before the document, the main
 * document, a forwarded document after it, the attachments after a document's date.
 */
export interface OutlineGroup {
  readonly kind: 'note' | 'main' | 'forwarded' | 'attachments';
  /** The document's title as shown (entities decoded); null for attachments and untitled notes. */
  readonly title: string | null;
  /** A covering note's role: it issues (印发) or forwards (转发) the document after it. */
  readonly role?: 'issue' | 'forward';
  /** Entries [from, to) of `GongwenDocument.sections`. */
  readonly from: number;
  readonly to: number;
}

export interface GongwenDocument {
  /** Document kind found in the title: '倡议书', '通知', … or null. */
  readonly kind: string | null;
  readonly title: string | null;
  readonly issuer: string | null;
  /** Addressee line without its final '：'. */
  readonly addressee: string | null;
  /** Date as printed ('2022年10月6日') and as ISO ('2022-10-06'). */
  readonly date: string | null;
  readonly isoDate: string | null;
  /** Top-level sections (parts) in document order, each with its nested children. */
  readonly sections: readonly Section[];
  /** How `sections` group into note / documents / attachments; absent on a page holding one plain document. */
  readonly groups?: readonly OutlineGroup[];
}
