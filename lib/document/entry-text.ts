// What an outline entry shows of its heading: the heading as displayed (display-text.ts), a spaced
// chapter title shown unspaced ('第一章 总 则' → '第一章 总则'), and a long heading cut at a
// punctuation mark with '…' so the entry fits in two lines; the full text stays in the entry's
// accessible name and tooltip. The page's text and the section's offsets are never changed.
import { displayText } from './display-text';

/** About two lines of the panel's outline at its default width. */
export const ENTRY_MAX_CHARS = 40;
/** A cut earlier than this would drop too much: cut at the limit instead. */
const MIN_CUT = 12;

const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
/** '第一章 总 则', '第二章 导 师 职 责': single characters spaced out after a chapter or part marker. */
const SPACED_TITLE = new RegExp(
  `^(第[〇零一二三四五六七八九十百千0-9０-９]+[章部分节编]+)\\s*((?:${CJK}\\s+)+${CJK})$`,
);

/** The heading as shown in full: display text, with a spaced chapter title closed up. */
export function entryFullText(heading: string): string {
  const text = displayText(heading);
  const m = SPACED_TITLE.exec(text);
  return m ? `${m[1]} ${m[2]!.replace(/\s+/g, '')}` : text;
}

/** The entry's label: the full text, or when longer than `max` its start cut after a punctuation mark, with '…'. */
export function entryLabel(full: string, max = ENTRY_MAX_CHARS): string {
  const chars = Array.from(full);
  if (chars.length <= max) return full;
  const head = chars.slice(0, max);
  let cut = -1;
  for (let i = head.length - 1; i >= MIN_CUT; i--) {
    if (/[，。；：、！？,.;:!?）)\s]/.test(head[i]!)) {
      cut = i;
      break;
    }
  }
  // A cut at a mark drops the mark itself ('…' stands for it); else cut at the limit, never mid-surrogate.
  const kept = cut >= 0 ? head.slice(0, cut) : head;
  return `${kept.join('').replace(/[\s，。；：、,.;:]+$/, '')}…`;
}

/** A regulation's chapter marker ('第一章', '第1章'): the outline folds its articles under it. */
export function isChapterMarker(marker: string): boolean {
  return /^第[〇零一二三四五六七八九十百千0-9０-９]+章/.test(marker);
}
