// Finds key phrases in the article text: lexicon and reader terms, quoted phrases, numbered formulae.
// One automaton pass for all terms (linear in the text however many phrases), one fixed regex scan
// for quotes and numbered formulae, then one greedy overlap resolution.
import { builtInLexicon, compactPhrase, type LexiconEntry, type PhraseCategory } from './lexicon';
import { buildAutomaton, type PhraseAutomaton } from './automaton';
import { drain } from '../document/steps';

export interface PhraseMatch {
  /** [start, end) in the text; for a quoted phrase, the inner text without the quote marks. */
  readonly start: number;
  readonly end: number;
  /** The normalized phrase (no '\n' or spaces). */
  readonly term: string;
  readonly category: PhraseCategory;
}

export interface FindPhrasesOptions {
  readonly lexicon?: readonly LexiconEntry[];
  readonly userPhrases?: readonly string[];
}

/** Quoted phrases are found only within this inner length; longer quotes are citations, not phrases. */
export const quotedMinLength = 2;
export const quotedMaxLength = 12;

/**
 * First words after 两个…十个 that make an ordinary count rather than a formula
 * (两个月, 三个方面, 两个多小时, 这两个人, 两个以上 …). A term is rejected when it starts with one.
 * 几个 needs no entry: 几 is not a numeral here.
 */
export const numberedStoplist: readonly string[] = [
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

// Among equal tier and length: the organisation's, then curated, then reader terms, then generic;
// numbered beats quoted on the same range.
const categoryRank: Record<PhraseCategory, number> = {
  organisation: 0,
  formula: 1,
  requirement: 2,
  measure: 3,
  user: 4,
  numbered: 5,
  quoted: 6,
};

/** The automaton over the lexicon alone, built once: most pages have no reader phrases. */
let lexiconOnly: { lexicon: readonly LexiconEntry[]; automaton: PhraseAutomaton; categories: PhraseCategory[] } | null =
  null;

/** Items handled between yield points in the steps after the scan. */
const BATCH = 512;

function* termCandidates(text: string, opts: FindPhrasesOptions): Generator<void, Candidate[], void> {
  const lexicon = opts.lexicon ?? builtInLexicon;
  const user = opts.userPhrases ?? [];
  let automaton: PhraseAutomaton;
  let categories: PhraseCategory[];
  if (user.length === 0 && lexiconOnly?.lexicon === lexicon) {
    ({ automaton, categories } = lexiconOnly);
  } else {
    const byTerm = new Map<string, PhraseCategory>();
    for (const p of user) {
      const term = compactPhrase(p);
      if (term) byTerm.set(term, 'user');
    }
    // Lexicon after users: a reader phrase that is a lexicon term keeps the lexicon category (and gloss).
    for (const e of lexicon) byTerm.set(compactPhrase(e.term), e.category);
    automaton = buildAutomaton([...byTerm.keys()]);
    categories = [...byTerm.values()];
    if (user.length === 0) lexiconOnly = { lexicon, automaton, categories };
  }
  // One pass, whatever the number of phrases: the longest phrase starting at each position.
  const found = yield* automaton.longestAtSteps(text);
  const out: Candidate[] = [];
  for (const { start, end, pattern } of found) {
    if (out.length % BATCH === BATCH - 1) yield;
    const term = automaton.patterns[pattern]!;
    out.push({ start, end, term, category: categories[pattern]!, tier: 0 as const, length: [...term].length });
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

function* genericCandidates(text: string): Generator<void, Candidate[], void> {
  const out: Candidate[] = [];
  let seen = 0;
  for (const m of text.matchAll(genericPattern)) {
    if (++seen % BATCH === 0) yield;
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
function* resolve(
  text: string,
  candidates: Candidate[],
  lexicon: readonly LexiconEntry[],
): Generator<void, PhraseMatch[], void> {
  const lexiconCategory = new Map(lexicon.map((e) => [compactPhrase(e.term), e.category] as const));
  const ranked = [...candidates].sort(
    (a, b) =>
      a.tier - b.tier ||
      b.length - a.length ||
      categoryRank[a.category] - categoryRank[b.category] ||
      a.start - b.start,
  );
  yield;
  const taken = new Uint8Array(text.length);
  const picked: PhraseMatch[] = [];
  let seen = 0;
  for (const c of ranked) {
    if (++seen % BATCH === 0) yield;
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    // A generic find whose text is a lexicon term (e.g. a quoted “四个意识”) takes the lexicon category.
    const category = c.tier === 1 ? (lexiconCategory.get(c.term) ?? c.category) : c.category;
    picked.push({ start: c.start, end: c.end, term: c.term, category });
  }
  return picked.sort((a, b) => a.start - b.start);
}

export function findPhrases(text: string, opts: FindPhrasesOptions = {}): PhraseMatch[] {
  return drain(findPhrasesSteps(text, opts));
}

/** findPhrases() as work that yields every millisecond or so (lib/startup/slices.ts): the same result however it is sliced. */
export function* findPhrasesSteps(text: string, opts: FindPhrasesOptions = {}): Generator<void, PhraseMatch[], void> {
  const terms = yield* termCandidates(text, opts);
  yield;
  const generic = yield* genericCandidates(text);
  yield;
  return yield* resolve(text, [...terms, ...generic], opts.lexicon ?? builtInLexicon);
}
