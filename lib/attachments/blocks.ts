// The text every format is turned into: paragraphs in reading order, each with what the page
// showed about it (centred, a heading level from the file's own outline or styles).

export interface TextBlock {
  readonly text: string;
  /** Centred on the page (titles, 附件 labels, signatures often are). */
  readonly centered?: boolean;
  /** 1-based outline level when the file says so (Word outline level / heading style, PDF bookmark). */
  readonly level?: number;
  /** Font size relative to the body (PDF): titles are set larger. */
  readonly scale?: number;
}

export interface Extracted {
  readonly blocks: TextBlock[];
  /** Pages read and pages in the file (PDF); both 0 for Word files. */
  readonly pagesRead: number;
  readonly pagesTotal: number;
  /** Extraction stopped early (page or time budget): what was read so far is shown, and said. */
  readonly partial: boolean;
}

/** Whitespace runs to one space, ends trimmed; full-width spaces inside kept (they indent 公文 lines). */
export function tidy(text: string): string {
  return text.replace(/[\t\u00a0 ]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
