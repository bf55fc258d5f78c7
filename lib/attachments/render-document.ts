// The extracted paragraphs as a clean document page in the GB/T 9704 manner: the title centred
// and set large, centred lines kept centred, heading lines (一、 / 第一章 in 黑体, （一） in 楷体)
// marked for their faces, body paragraphs with a two-character first-line indent. Built from
// text nodes only — file text is never parsed as HTML.
import { matchHeading, matchOuterHeading } from '../document/headings';
import type { TextBlock } from './blocks';

/** 发文机关标志 (…文件) and 发文字号 (〔2024〕3号) sit above the title, centred too. */
const MASTHEAD = /(文件|办公室|委员会)$|[〔［[（(]\d{4}[〕］\]）)]\s*\d+\s*号$/;
/** A first block that is a heading or body text, never a title. */
const NOT_TITLE =
  /^(第[一二三四五六七八九十百零〇\d]+[章条节部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/;

/** Which block is the title: the largest centred one near the top, else a short first line. */
export function titleIndex(blocks: readonly TextBlock[]): number {
  const head = blocks.slice(0, 8);
  let best = -1;
  let bestScale = 0;
  head.forEach((block, i) => {
    if (!block.centered || MASTHEAD.test(block.text) || NOT_TITLE.test(block.text) || block.text.length > 80) return;
    const scale = block.scale ?? 1;
    if (best < 0 || scale > bestScale) {
      best = i;
      bestScale = scale;
    }
  });
  if (best >= 0) return best;
  // No centring known (.doc): the first short line that is not the masthead, a heading or a sentence.
  for (let i = 0; i < Math.min(3, blocks.length); i++) {
    const text = blocks[i]!.text;
    if (MASTHEAD.test(text)) continue;
    return text.length <= 60 && !NOT_TITLE.test(text) && !/[。；：:]$/.test(text) ? i : -1;
  }
  return -1;
}

/** A heading line stands alone: short, and not a sentence (a run-in 一、…。 paragraph stays body text). */
const HEADING_LINE_MAX = 40;

/**
 * The GB/T 9704 heading level a line is set in: 1 for 一、 / 第一章 / 第一部分 (黑体), 2 for （一）
 * (楷体); 0 for body text, including a 第一条 article (it runs into its text) and run-in headings.
 */
export function headingLevel(block: TextBlock): 0 | 1 | 2 {
  const text = block.text;
  if (text.length > HEADING_LINE_MAX || /[。；;]$/.test(text)) return 0;
  const outer = matchOuterHeading(text);
  if (outer) return outer.kind === 'chapter' || outer.kind === 'part' ? 1 : 0;
  const level = matchHeading(text)?.level;
  if (level === 1 || level === 2) return level;
  // The file's own outline level (a Word heading style) where the text has no marker.
  return block.level === 1 || block.level === 2 ? block.level : 0;
}

export function renderDocument(
  doc: Document,
  blocks: readonly TextBlock[],
): { article: HTMLElement; title: string | null } {
  const article = doc.createElement('article');
  article.className = 'gw-document';
  const title = titleIndex(blocks);
  blocks.forEach((block, i) => {
    const el = doc.createElement(i === title ? 'h1' : 'p');
    if (i !== title) {
      const level = headingLevel(block);
      const classes = [block.centered && 'gw-center', level > 0 && `gw-heading gw-heading-${level}`].filter(Boolean);
      if (classes.length > 0) el.className = classes.join(' ');
    }
    el.textContent = block.text;
    article.append(el);
  });
  return { article, title: title >= 0 ? blocks[title]!.text : null };
}
