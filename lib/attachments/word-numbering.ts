// Word's automatic numbering: a paragraph with numPr (numId + ilvl) shows a number Word generates
// from the level's lvlText ("第%1条", "%1、") and numFmt; it is not in the text, so without this
// 第一条 / 一、 — what the outline is built from — would be missing.
import { toChineseNumeral } from '../document/chinese-numerals';
import { xmlTokens } from './xml-tokens';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** The label for the next paragraph of list `numId` at level `ilvl` (counters advance). */
  next(numId: string, ilvl: number): string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return toChineseNumeral(n);
    case 'chineseLegalSimplified':
      return toChineseNumeral(n).replace(
        /[一二三四五六七八九十百千]/g,
        (c) => '壹贰叁肆伍陆柒捌玖拾佰仟'['一二三四五六七八九十百千'.indexOf(c)]!,
      );
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Reads numbering.xml (absent: every lookup gives ''). */
export function readNumbering(xml: string | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  if (xml) {
    let abstract: Map<number, Level> | null = null;
    let level: Level | null = null;
    let num: { abstractId: string; overrides: Map<number, number> } | null = null;
    let overrideLevel = -1;
    for (const tok of xmlTokens(xml)) {
      if (tok.kind === 'open') {
        const a = tok.attrs;
        switch (tok.name) {
          case 'w:abstractNum':
            abstract = new Map();
            abstracts.set(a['w:abstractNumId'] ?? '', abstract);
            break;
          case 'w:lvl':
            if (abstract) {
              const levelIndex = Number(a['w:ilvl'] ?? 0);
              level = { start: 1, format: 'decimal', text: `%${levelIndex + 1}.` };
              abstract.set(levelIndex, level);
            }
            break;
          case 'w:start':
            if (level) level.start = Number(a['w:val'] ?? 1);
            else if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, Number(a['w:val'] ?? 1));
            break;
          case 'w:startOverride':
            if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, Number(a['w:val'] ?? 1));
            break;
          case 'w:numFmt':
            if (level) level.format = a['w:val'] ?? 'decimal';
            break;
          case 'w:lvlText':
            if (level) level.text = a['w:val'] ?? '';
            break;
          case 'w:num':
            num = { abstractId: '', overrides: new Map() };
            nums.set(a['w:numId'] ?? '', num);
            break;
          case 'w:abstractNumId':
            if (num) num.abstractId = a['w:val'] ?? '';
            break;
          case 'w:lvlOverride':
            overrideLevel = Number(a['w:ilvl'] ?? -1);
            break;
        }
        if (tok.selfClosing && tok.name === 'w:lvl') level = null;
      } else if (tok.kind === 'close') {
        if (tok.name === 'w:abstractNum') abstract = null;
        else if (tok.name === 'w:lvl') level = null;
        else if (tok.name === 'w:num') num = null;
        else if (tok.name === 'w:lvlOverride') overrideLevel = -1;
      }
    }
  }
  // Counters per abstract list (Word continues a list across numIds sharing one abstract definition).
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const num = nums.get(numId);
      if (!num || numId === '0') return '';
      const levels = abstracts.get(num.abstractId);
      const level = levels?.get(ilvl);
      if (!levels || !level) return '';
      const key = `${num.abstractId}`;
      const counts = counters.get(key) ?? [];
      counters.set(key, counts);
      const startOf = (i: number) => num.overrides.get(i) ?? levels.get(i)?.start ?? 1;
      counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
      for (let i = ilvl + 1; i < counts.length; i++) counts[i] = undefined as unknown as number;
      counts.length = ilvl + 1;
      return level.text.replace(/%(\d)/g, (_, d: string) => {
        const i = Number(d) - 1;
        const n = counts[i] ?? startOf(i);
        return formatNumber(n, levels.get(i)?.format ?? 'decimal');
      });
    },
  };
}
