// Test helper: the phrase finder as it was before the automaton (lib/phrases/find-phrases.ts at
// c35a261) — one regex alternation over all terms — kept as the reference the automaton must agree with.
import { builtInLexicon, compactPhrase, type LexiconEntry, type PhraseCategory } from '../../../lib/phrases/lexicon';

interface PhraseMatch {
  /** [start, end) in the text; for a quoted phrase, the inner text without the quote marks. */
  readonly start: number;
  readonly end: number;
  /** The normalized phrase (no '\n' or spaces). */
  readonly term: string;
  readonly category: PhraseCategory;
}

interface FindPhrasesOptions {
  readonly lexicon?: readonly LexiconEntry[];
  readonly userPhrases?: readonly string[];
}

/** Quoted phrases are found only within this inner length; longer quotes are citations, not phrases. */
const quotedMinLength = 2;
const quotedMaxLength = 12;

/**
 * First words after 两个…十个 that make an ordinary count rather than a formula
 * (两个月, 三个方面, 两个多小时, 这两个人, 两个以上 …). A term is rejected when it starts with one.
 * 几个 needs no entry: 几 is not a numeral here.
 */
const numberedStoplist: readonly string[] = [
  '月',
  '年',
  '天',
  '日',
  '周',
  '星期',
  '小时',
  '钟头',
  '分钟',
  '季度',
  '学期',
  '阶段',
  '时期',
  '方面',
  '问题',
  '部分',
  '环节',
  '层面',
  '层次',
  '步骤',
  '方向',
  '角度',
  '原因',
  '特点',
  '地方',
  '人',
  '同学',
  '学生',
  '孩子',
  '家庭',
  '单位',
  '部门',
  '地区',
  '城市',
  '班',
  '小组',
  '项目',
  '多',
  '以上',
  '以下',
  '左右',
  '字',
  '点',
];
/** Function words that never sit inside a two-character formula term (两个都是, 三个的…). */
const numberedFunctionChars = new Set([...'的了是在和与及都也就又还或被把给向对从']);

// Whitespace a page may leave inside a phrase (line break, spaces, U+3000, zero-width space).
const gap = '[\\s\\u200b]*';
// A numeral preceded by another numeral or 第 is part of a bigger number or an ordinal (二十个, 第三个).
const numbered = '(?<![一二三四五六七八九十百千万亿几两零〇第\\d])[两三四五六七八九十]个\\p{Script=Han}{2}';
const quoted = `“([^“”\\n]{${quotedMinLength},${quotedMaxLength}})”`;
// Lookaheads make every start position a candidate, so overlapping finds all reach the resolver.
const genericPattern = new RegExp(`(?=${quoted}|(${numbered}))`, 'gu');

type Tier = 0 | 1; // 0: lexicon and reader terms; 1: generic finds (quoted, numbered)

interface Candidate extends PhraseMatch {
  readonly tier: Tier;
  readonly length: number;
}

// Among equal tier and length: curated before reader terms before generic; numbered beats quoted on the same range.
const categoryRank: Record<PhraseCategory, number> = {
  organisation: 0,
  formula: 1,
  requirement: 2,
  measure: 3,
  user: 4,
  numbered: 5,
  quoted: 6,
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function termsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  // Longest first, so the alternation takes the longest term starting at each position.
  const alternatives = [...terms]
    .sort((a, b) => [...b].length - [...a].length)
    .map((t) => [...t].map(escapeRegExp).join(gap));
  return new RegExp(`(?=(${alternatives.join('|')}))`, 'gu');
}

function termCandidates(text: string, opts: FindPhrasesOptions): Candidate[] {
  const byTerm = new Map<string, PhraseCategory>();
  for (const p of opts.userPhrases ?? []) {
    const term = compactPhrase(p);
    if (term) byTerm.set(term, 'user');
  }
  // Lexicon after users: a reader phrase that is a lexicon term keeps the lexicon category (and gloss).
  for (const e of opts.lexicon ?? builtInLexicon) byTerm.set(compactPhrase(e.term), e.category);
  const pattern = termsPattern([...byTerm.keys()]);
  if (!pattern) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const raw = m[1] ?? '';
    const term = compactPhrase(raw);
    const category = byTerm.get(term);
    if (!category) continue;
    out.push({ start: m.index, end: m.index + raw.length, term, category, tier: 0, length: [...term].length });
  }
  return out;
}

/** Days counted by a two-character kind of day: 五个工作日, 三个自然日, 两个工作天. */
const dayCountEnds = new Set([...'日天']);

/** `next`: the character after the term, where a day count shows (五个工作 + 日). */
function isOrdinaryCount(term: string, next: string | undefined): boolean {
  const rest = term.slice(2); // after 「N个」
  return (
    numberedStoplist.some((w) => rest.startsWith(w)) ||
    [...rest].some((c) => numberedFunctionChars.has(c)) ||
    (next !== undefined && dayCountEnds.has(next))
  );
}

function genericCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(genericPattern)) {
    const inner = m[1];
    if (inner !== undefined) {
      const lead = inner.length - inner.trimStart().length;
      const body = inner.trim();
      const term = compactPhrase(body);
      if ([...term].length < quotedMinLength || !/[\p{L}\p{N}]/u.test(term)) continue;
      const start = m.index + 1 + lead;
      out.push({ start, end: start + body.length, term, category: 'quoted', tier: 1, length: [...term].length });
      continue;
    }
    const term = m[2];
    if (term === undefined || isOrdinaryCount(term, text[m.index + term.length])) continue;
    out.push({
      start: m.index,
      end: m.index + term.length,
      term,
      category: 'numbered',
      tier: 1,
      length: [...term].length,
    });
  }
  return out;
}

/** Picks non-overlapping matches: lexicon/reader terms over generic ones, then the longest, then the earliest. */
function resolve(text: string, candidates: Candidate[], lexicon: readonly LexiconEntry[]): PhraseMatch[] {
  const lexiconCategory = new Map(lexicon.map((e) => [compactPhrase(e.term), e.category] as const));
  const ranked = [...candidates].sort(
    (a, b) =>
      a.tier - b.tier ||
      b.length - a.length ||
      categoryRank[a.category] - categoryRank[b.category] ||
      a.start - b.start,
  );
  const taken = new Uint8Array(text.length);
  const picked: PhraseMatch[] = [];
  for (const c of ranked) {
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    // A generic find whose text is a lexicon term (e.g. a quoted “四个意识”) takes the lexicon category.
    const category = c.tier === 1 ? (lexiconCategory.get(c.term) ?? c.category) : c.category;
    picked.push({ start: c.start, end: c.end, term: c.term, category });
  }
  return picked.sort((a, b) => a.start - b.start);
}

export function referenceFindPhrases(text: string, opts: FindPhrasesOptions = {}): PhraseMatch[] {
  const candidates = [...termCandidates(text, opts), ...genericCandidates(text)];
  return resolve(text, candidates, opts.lexicon ?? builtInLexicon);
}
