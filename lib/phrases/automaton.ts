// One Aho–Corasick automaton over many phrases: a single pass over the text finds every phrase
// occurrence, so the cost grows with the text (times the longest phrase), not with how many
// phrases there are. Whitespace a page leaves inside a phrase (line breaks, spaces, U+3000,
// zero-width space) is skipped, as the phrases themselves carry none.
import { drain } from '../document/steps';

export interface AutomatonMatch {
  /** [start, end) in the scanned text, whitespace inside included. */
  readonly start: number;
  readonly end: number;
  /** Index into the patterns the automaton was built from. */
  readonly pattern: number;
}

export interface PhraseAutomaton {
  readonly patterns: readonly string[];
  /**
   * For every position where some pattern starts, the longest pattern starting there (patterns
   * may overlap each other), in order of start.
   */
  longestAt(text: string): AutomatonMatch[];
  /** longestAt() as work that yields every `chunk` code units (lib/startup/slices.ts); one pass, so no match is lost at a chunk's edge. */
  longestAtSteps(text: string, chunk?: number): Generator<void, AutomatonMatch[], void>;
}

/** Code units scanned between yield points: about a millisecond at 1× CPU. */
const SCAN_CHUNK = 8192;

/** `\s` in a Unicode regex, and the zero-width space: what compactPhrase() removes. */
export function isGap(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Patterns are taken as given (no whitespace, non-empty); duplicates and empty ones are ignored. */
export function buildAutomaton(patterns: readonly string[]): PhraseAutomaton {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  /** Pattern ending at this node, or -1. */
  const out: number[] = [-1];
  /** Nearest node along the failure links (excluding itself) where a pattern ends, or -1. */
  const dict: number[] = [-1];
  let longest = 0;

  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let child = next[node]!.get(code);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        fail.push(0);
        out.push(-1);
        dict.push(-1);
        next[node]!.set(code, child);
      }
      node = child;
    }
    if (out[node] === -1) out[node] = index;
    longest = Math.max(longest, pattern.length);
  });

  // Breadth first: a node's failure link is the longest proper suffix of its path that is in the trie.
  const queue: number[] = [];
  for (const child of next[0]!.values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [code, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(code)) f = fail[f]!;
      const target = next[f]!.get(code);
      fail[child] = target !== undefined && target !== child ? target : 0;
      const via = fail[child]!;
      dict[child] = out[via] !== -1 ? via : dict[via]!;
      queue.push(child);
    }
  }

  // Where each of the last `longest` non-gap code units sat in the text (a ring).
  let size = 1;
  while (size < longest + 1) size <<= 1;
  const mask = size - 1;

  function* longestAtSteps(text: string, chunk = SCAN_CHUNK): Generator<void, AutomatonMatch[], void> {
    if (longest === 0) return [];
    const ring = new Int32Array(size);
    const best = new Map<number, AutomatonMatch>();
    let state = 0;
    let count = 0;
    for (let from = 0; from < text.length; from += chunk) {
      // The automaton's state and the ring carry over the pause: a match across the edge is found.
      if (from > 0) yield;
      const to = Math.min(text.length, from + chunk);
      for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (isGap(code)) continue;
        ring[count & mask] = i;
        count++;
        let target = next[state]!.get(code);
        while (target === undefined && state !== 0) {
          state = fail[state]!;
          target = next[state]!.get(code);
        }
        state = target ?? 0;
        for (let hit = out[state] !== -1 ? state : dict[state]!; hit !== -1; hit = dict[hit]!) {
          const pattern = out[hit]!;
          const start = ring[(count - patterns[pattern]!.length) & mask]!;
          const previous = best.get(start);
          // Matches ending here are reported longest first; a longer one from this start ends later.
          if (!previous || previous.end < i + 1) best.set(start, { start, end: i + 1, pattern });
        }
      }
    }
    return [...best.values()].sort((a, b) => a.start - b.start);
  }

  return {
    patterns,
    longestAt: (text) => drain(longestAtSteps(text)),
    longestAtSteps,
  };
}
