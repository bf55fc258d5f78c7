// The review card (复习卡) of one document: its parts with the student's marks, the bookmarks
// with notes, and the key phrases still to learn (those of parts not marked 会了); and the same
// card as Markdown. Built from the open page's status (parts and their phrases) and the stored record.
import type { PartStatus } from '../messages';
import type { DocRecord } from '../storage/schema';
import { escapeMarkdown } from '../storage/export-import';
import { displayText } from '../document/display-text';

export type CardMark = 'known' | 'again' | null;

export interface CardPart {
  readonly id: string;
  readonly heading: string;
  readonly mark: CardMark;
  /** The part's key phrases. */
  readonly terms: readonly string[];
}

export interface CardBookmark {
  readonly sectionId: string;
  readonly heading: string;
  readonly note: string;
}

export interface ReviewCard {
  readonly title: string | null;
  readonly kind: string | null;
  readonly parts: readonly CardPart[];
  /** Live bookmarks in document order (by section id order of the outline where known). */
  readonly bookmarks: readonly CardBookmark[];
  /** Parts not marked 会了 that have phrases, each with them. */
  readonly toLearn: readonly { readonly partId: string; readonly heading: string; readonly terms: readonly string[] }[];
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
  const parts: CardPart[] = partList.map((p) => ({
    id: p.id,
    heading: displayText(p.heading),
    mark: markOf(p.id),
    // Without the page, the phrases stored with the part's mark are all that is known.
    terms: p.terms ?? study[p.id]?.terms ?? [],
  }));
  const order = new Map(Object.keys(record?.sectionTitles ?? {}).map((id, i) => [id, i] as const));
  const bookmarks = Object.values(record?.bookmarks ?? {})
    .filter((b) => !b.deleted)
    .map((b) => ({ sectionId: b.sectionId, heading: displayText(b.heading || record?.sectionTitles[b.sectionId] || b.sectionId), note: b.note }))
    .sort((a, b) => (order.get(a.sectionId) ?? 1e9) - (order.get(b.sectionId) ?? 1e9) || (a.sectionId < b.sectionId ? -1 : 1));
  const toLearn = parts.filter((p) => p.mark !== 'known' && p.terms.length > 0).map((p) => ({ partId: p.id, heading: p.heading, terms: p.terms }));
  return { title: source.title ?? record?.title ?? null, kind: source.kind ?? record?.kind ?? null, parts, bookmarks, toLearn };
}

const LABELS = {
  zh: {
    heading: '复习卡', untitled: '（无标题）', parts: '各部分', bookmarks: '收藏与备注', toLearn: '待学关键词',
    known: '会了', again: '再看', none: '暂无', separator: '、', colon: '：',
  },
  en: {
    heading: 'Review card', untitled: '(untitled)', parts: 'Parts', bookmarks: 'Bookmarks and notes', toLearn: 'Phrases to learn',
    known: 'Known', again: 'Again', none: 'None', separator: ', ', colon: ': ',
  },
} as const;

/** The card as Markdown: page and user text escaped, one line each (no markup, links or HTML from the page). */
export function reviewCardMarkdown(card: ReviewCard, lang: 'zh' | 'en'): string {
  const t = LABELS[lang];
  const e = escapeMarkdown;
  const out = [`# ${t.heading}${t.colon}${e(card.title ?? t.untitled)}`, ''];
  if (card.kind) out.push(`${e(card.kind)}`, '');
  out.push(`## ${t.parts}`, '');
  if (card.parts.length === 0) out.push(t.none);
  const markText = (mark: CardMark): string => {
    if (mark === null) return '';
    const word = mark === 'known' ? t.known : t.again;
    return lang === 'zh' ? `（${word}）` : ` (${word})`;
  };
  for (const p of card.parts) out.push(`- ${e(p.heading)}${markText(p.mark)}`);
  out.push('', `## ${t.bookmarks}`, '');
  if (card.bookmarks.length === 0) out.push(t.none);
  for (const b of card.bookmarks) out.push(`- ${e(b.heading)}${b.note ? ` — ${e(b.note)}` : ''}`);
  out.push('', `## ${t.toLearn}`, '');
  if (card.toLearn.length === 0) out.push(t.none);
  for (const group of card.toLearn) {
    out.push(`- ${e(group.heading)}${t.colon}${group.terms.map(e).join(t.separator)}`);
  }
  out.push('');
  return out.join('\n');
}
