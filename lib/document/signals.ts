// Weighs what makes a page with numbered headings an official document (公文) rather than a news
// story or essay with 一、二、三 subheads: the one place where detection decides, with its reasons.
import { AMBIGUOUS_KINDS, isDocumentNumberLine, isMastheadLine, DOCUMENT_NUMBER } from './kinds';
import type { DocumentMetadata, LineRange } from './metadata';
import type { TextModel } from './types';

/**
 * What was found, in the order shown to the user:
 * - kind: the title names a document kind (通知, 意见, 办法, …; 关于……的通知, 转发……);
 * - masthead: a 红头 line ('……文件');
 * - number: a document number ('校党发〔2022〕3号');
 * - regulation: chapters or articles (第一章 / 第一条) as the document's own numbering;
 * - addressee: a 主送机关 line ('各学院、各部门：');
 * - date: a closing date (成文日期) after the body, with or without the issuer's signature.
 */
export type SignalCode = 'kind' | 'masthead' | 'number' | 'regulation' | 'addressee' | 'date';

export interface DocumentSignal {
  readonly code: SignalCode;
  readonly weight: number;
  /** What was read on the page, for the "why" line ('通知', '校党发〔2022〕3号', …). */
  readonly text: string;
}

export interface DetectionEvidence {
  readonly score: number;
  /** The score at which a page is served automatically. */
  readonly threshold: number;
  /** score ≥ threshold: the reader opens by itself. Below, only on the user's request (outline only). */
  readonly document: boolean;
  readonly signals: readonly DocumentSignal[];
}

/** One strong signal, or two weak ones (an addressee and a date), make a document. */
export const SIGNAL_THRESHOLD = 2;
const WEIGHTS: Readonly<Record<SignalCode, number>> = {
  kind: 2,
  masthead: 2,
  number: 2,
  regulation: 2,
  addressee: 1,
  date: 1,
};

export interface SignalInput {
  readonly model: TextModel;
  /** The main document's lines; masthead and number lines are looked for above its first heading. */
  readonly main: LineRange;
  readonly meta: DocumentMetadata;
  /** The document is numbered in chapters or articles (第一章 …, 第一条 …). */
  readonly regulation: boolean;
}

/** The evidence that the page holds an official document, with each signal's reason. */
export function weighSignals({ model, main, meta, regulation }: SignalInput): DetectionEvidence {
  const signals: DocumentSignal[] = [];
  const add = (code: SignalCode, text: string, weight = WEIGHTS[code]) => signals.push({ code, weight, text });
  // An open letter or a speech is named, but counts as a weak signal: the page's structure must add to it.
  if (meta.kind) add('kind', meta.kind, AMBIGUOUS_KINDS.has(meta.kind) ? 1 : WEIGHTS.kind);
  let masthead: string | null = null;
  let number: string | null = null;
  const { blocks, text } = model;
  for (let i = main.from; i < main.to && i < blocks.length; i++) {
    const block = blocks[i]!;
    const line = text.slice(block.start, block.end);
    if (masthead === null && isMastheadLine(line)) masthead = line;
    if (number === null && isDocumentNumberLine(line)) number = DOCUMENT_NUMBER.exec(line)?.[0] ?? line;
    if ((masthead !== null && number !== null) || i - main.from > 40) break;
  }
  if (masthead !== null) add('masthead', masthead);
  if (number !== null) add('number', number);
  if (regulation) add('regulation', '');
  if (meta.addressee) add('addressee', meta.addressee);
  if (meta.date) add('date', meta.issuer ? `${meta.issuer} ${meta.date}` : meta.date);
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return { score, threshold: SIGNAL_THRESHOLD, document: score >= SIGNAL_THRESHOLD, signals };
}
