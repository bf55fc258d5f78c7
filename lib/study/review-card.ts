// The review card (复习卡) of one document, part by part: the student's mark (会了 / 再看), the
// bookmarks in the part with their notes, and the key phrases still to learn (none once the part
// is 会了); and the same card as Markdown. Built from the open page's status (parts and their
// phrases) and the stored record (marks, bookmarks).
import type { PartStatus } from '../messages';
import type { DocRecord } from '../storage/schema';
import { escapeMarkdown } from '../storage/export-import';
import { displayText } from '../document/display-text';
import { partIdOf } from '../ui/part-label';

export type CardMark = 'known' | 'again' | null;

export interface CardBookmark {
  readonly sectionId: string;
  readonly heading: string;
  readonly note: string;
}

export interface CardPart {
  readonly id: string;
  readonly heading: string;
  readonly mark: CardMark;
  /** Bookmarks in this part (the part itself or its sections), in outline order. */
  readonly bookmarks: readonly CardBookmark[];
  /** The part's key phrases unless it is marked 会了. */
  readonly toLearn: readonly string[];
}

export interface ReviewCard {
  readonly title: string | null;
  readonly kind: string | null;
  readonly parts: readonly CardPart[];
  /** Bookmarks outside every part (a covering note, the preamble). */
  readonly otherBookmarks: readonly CardBookmark[];
}

export interface CardSource {
  readonly title: string | null;
  readonly kind: string | null;
  /** The page's parts (with their phrases) when the document is open; else the record's. */
  readonly parts: readonly Pick<PartStatus, 'id' | 'heading' | 'terms'>[] | null;
}

export function buildReviewCard(source: CardSource, record: DocRecord | null): ReviewCard {
  const study = record?.study ?? {};
  const markOf = (id: string): CardMark => {
    const state = study[id]?.state;
    return state === 'known' || state === 'again' ? state : null;
  };
  const partList: readonly Pick<PartStatus, 'id' | 'heading' | 'terms'>[] = source.parts ?? record?.parts ?? [];
  // Outline order as the record knows it (headings are saved in document order); unknown ids last.
  const order = new Map(Object.keys(record?.sectionTitles ?? {}).map((id, i) => [id, i] as const));
  const bookmarks = Object.values(record?.bookmarks ?? {})
    .filter((b) => !b.deleted)
    .map((b) => ({
      sectionId: b.sectionId,
      heading: displayText(b.heading || record?.sectionTitles[b.sectionId] || b.sectionId),
      note: b.note,
    }))
    .sort(
      (a, b) =>
        (order.get(a.sectionId) ?? 1e9) - (order.get(b.sectionId) ?? 1e9) || (a.sectionId < b.sectionId ? -1 : 1),
    );
  const inPart = new Map<string, CardBookmark[]>();
  const otherBookmarks: CardBookmark[] = [];
  for (const b of bookmarks) {
    const part = partIdOf(partList, b.sectionId);
    if (part === null) otherBookmarks.push(b);
    else inPart.set(part, [...(inPart.get(part) ?? []), b]);
  }
  const parts: CardPart[] = partList.map((p) => {
    const mark = markOf(p.id);
    // Without the page, the phrases stored with the part's mark are all that is known.
    const terms = p.terms ?? study[p.id]?.terms ?? [];
    return {
      id: p.id,
      heading: displayText(p.heading),
      mark,
      bookmarks: inPart.get(p.id) ?? [],
      toLearn: mark === 'known' ? [] : terms,
    };
  });
  return {
    title: source.title ?? record?.title ?? null,
    kind: source.kind ?? record?.kind ?? null,
    parts,
    otherBookmarks,
  };
}

const LABELS = {
  zh: {
    heading: '复习卡',
    untitled: '（无标题）',
    toLearn: '待学关键词',
    bookmarks: '收藏',
    other: '其他收藏',
    known: '会了',
    again: '再看',
    separator: '、',
    colon: '：',
    open: '（',
    close: '）',
  },
  en: {
    heading: 'Review card',
    untitled: '(untitled)',
    toLearn: 'Phrases to learn',
    bookmarks: 'Bookmarks',
    other: 'Other bookmarks',
    known: 'Known',
    again: 'Again',
    separator: ', ',
    colon: ': ',
    open: ' (',
    close: ')',
  },
} as const;

/** The card as Markdown: page and user text escaped, one line each (no markup, links or HTML from the page). */
export function reviewCardMarkdown(card: ReviewCard, lang: 'zh' | 'en'): string {
  const t = LABELS[lang];
  const e = escapeMarkdown;
  const out = [`# ${t.heading}${t.colon}${e(card.title ?? t.untitled)}`, ''];
  if (card.kind) out.push(e(card.kind), '');
  const bookmarkLine = (b: CardBookmark) => `- ${e(b.heading)}${b.note ? ` — ${e(b.note)}` : ''}`;
  for (const part of card.parts) {
    const mark = part.mark === null ? '' : `${t.open}${part.mark === 'known' ? t.known : t.again}${t.close}`;
    out.push(`## ${e(part.heading)}${mark}`, '');
    if (part.toLearn.length > 0) out.push(`${t.toLearn}${t.colon}${part.toLearn.map(e).join(t.separator)}`, '');
    if (part.bookmarks.length > 0) out.push(...part.bookmarks.map(bookmarkLine), '');
  }
  if (card.otherBookmarks.length > 0) out.push(`## ${t.other}`, '', ...card.otherBookmarks.map(bookmarkLine), '');
  return out.join('\n');
}
