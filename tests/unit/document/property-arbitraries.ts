// fast-check generators and invariant checks shared by the detection / parsing property tests:
// random and hostile DOM trees, heading-rich lines, and well-formed documents with known outlines.
import fc from 'fast-check';
import { toChineseNumeral } from '../../../lib/document/chinese-numerals';
import { continuesSeries, type LastChild } from '../../../lib/document/continued-numbering';
import { MAX_GAP } from '../../../lib/document/parse-sections';
import type { Section, TextModel } from '../../../lib/document/types';

// ---------------------------------------------------------------------------------------------
// Text pieces

/** Whitespace and invisible characters a CMS page may hold anywhere. */
export const WHITESPACE = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\f',
  '\u3000',
  '\u3000\u3000',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u00ad',
];

const WORDS = [
  '加强组织领导',
  '落实工作责任',
  '疫情防控',
  '全体师生',
  '基层党组织',
  '切实发挥',
  '战斗堡垒作用',
  '学院',
  '各部门',
  '“一把手”',
  '2022',
  '第一',
  '一、二年级',
  '要求',
  '。',
  '，',
  '；',
  '：',
  'abc',
  'ＡＢＣ',
  '１２',
  '😀',
  'مرحبا',
  '\u202e',
];
const SAFE_WORDS = [
  '加强组织领导',
  '落实工作责任',
  '疫情防控',
  '全体师生',
  '基层党组织',
  '切实发挥',
  '战斗堡垒作用',
  '学院',
  '各部门',
];

/** Text that reads like a heading marker, right or wrong (levels 1–4, gaps, zero, huge numbers). */
export const markerArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `${toChineseNumeral(n)}、`),
  fc.constantFrom('零、', '〇、', '十百、', '二三、', '一百零五、', '三百、', '九千九百九十九、', '一万、'),
  fc.integer({ min: 1, max: 12 }).map((n) => `（${toChineseNumeral(n)}）`),
  fc.integer({ min: 1, max: 12 }).map((n) => `(${toChineseNumeral(n)})`),
  fc.integer({ min: 0, max: 1200 }).map((n) => `${n}.`),
  fc
    .integer({ min: 1, max: 12 })
    .map((n) => `${String.fromCharCode(...[...String(n)].map((d) => 0xff10 + Number(d)))}．`),
  fc.integer({ min: 1, max: 12 }).map((n) => `（${n}）`),
  fc.constantFrom('2022.10', '1.5倍', '（）', '、', '一', '（一', '要', '要求。', '要强化政治意识，严明组织责任。'),
);

const hostileTextArb = fc.constantFrom(
  '</style>',
  '</script>',
  '<img src=x onerror="window.__gongwenPwned=1">',
  '<!--',
  '-->',
  ']]>',
  '&nbsp;',
  '&amp;',
  '\ud83d',
  '\udca9',
  '\u0000',
  '\\',
  '"',
  "'",
  '${x}',
  '__proto__',
  'constructor',
);

/** One text node's data: words, markers, whitespace and hostile strings mixed. */
export const textArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: markerArb },
      { weight: 3, arbitrary: fc.constantFrom(...WHITESPACE) },
      { weight: 1, arbitrary: hostileTextArb },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// DOM trees, built with DOM calls (so any nesting is possible, valid HTML or not)

export type TreeNode =
  | { readonly kind: 'text'; readonly data: string }
  | { readonly kind: 'comment'; readonly data: string }
  | {
      readonly kind: 'element';
      readonly tag: string;
      readonly attrs: readonly (readonly [string, string])[];
      readonly children: readonly TreeNode[];
    };

// No <template> (nor <iframe>, which happy-dom tries to load): happy-dom's template.firstChild is
// its content's first child, whose parentNode is the content fragment, not the template — a tree no
// browser builds, and one that walks text-model.ts up to a DocumentFragment. Templates are covered
// as skipped page parts in detect.property.test.ts instead.
const TAGS = [
  'p',
  'p',
  'div',
  'div',
  'span',
  'span',
  'b',
  'strong',
  'font',
  'br',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'pre',
  'nav',
  'a',
  'header',
  'footer',
  'aside',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'script',
  'style',
  'noscript',
  'img',
  'hr',
  'center',
  'textarea',
  'select',
  'svg',
  'blockquote',
  'form',
  'menu',
  'gongwen-reader',
  'x-custom',
  'o:p',
];

const ATTRS: readonly (readonly [string, string])[] = [
  ['class', 'v_news_content'],
  ['class', 'content'],
  ['class', 'article'],
  ['class', 'TRS_Editor'],
  ['class', 'wp_articlecontent'],
  ['class', 'nav'],
  ['class', 'main-menu'],
  ['class', 'left-side'],
  ['class', 'sidebar'],
  ['class', 'breadcrumb'],
  ['class', 'arti_title'],
  ['id', 'vsb_content'],
  ['id', 'content'],
  ['id', 'nav'],
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['role', 'navigation'],
  ['role', 'menu'],
  ['style', 'text-indent:2em'],
  ['style', 'display:none'],
  ['onerror', 'window.__gongwenPwned=1'],
  ['onclick', 'window.__gongwenPwned=1'],
  ['src', 'data:,x'],
  ['class', ''],
  ['id', ''],
];

export const treeArb: fc.Arbitrary<TreeNode[]> = fc.letrec<{ node: TreeNode; nodes: TreeNode[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textArb.map((data): TreeNode => ({ kind: 'text', data })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('一、', ' 二、 ', '').map((data): TreeNode => ({ kind: 'comment', data })),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom(...TAGS),
        attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 }),
        children: tie('nodes'),
      }),
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }),
})).nodes;

/** Appends `nodes` under `parent` with DOM calls. */
export function buildTree(doc: Document, parent: Node, nodes: readonly TreeNode[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') parent.appendChild(doc.createTextNode(n.data));
    else if (n.kind === 'comment') parent.appendChild(doc.createComment(n.data));
    else {
      const el = n.tag.includes(':')
        ? doc.createElementNS('urn:schemas-microsoft-com:office:office', n.tag)
        : doc.createElement(n.tag);
      for (const [name, value] of n.attrs) {
        if (name === 'class' && el.getAttribute('class'))
          el.setAttribute('class', `${el.getAttribute('class')} ${value}`);
        else el.setAttribute(name, value);
      }
      buildTree(doc, el, n.children);
      parent.appendChild(el);
    }
  }
}

/** Serializes a tree as (sloppy) HTML, for the parser path: no escaping, so text can open tags. */
export function treeToHtml(nodes: readonly TreeNode[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.data;
      if (n.kind === 'comment') return `<!--${n.data}-->`;
      const attrs = n.attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
      return `<${n.tag}${attrs}>${treeToHtml(n.children)}</${n.tag}>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Lines for the section parser

/** One line of a document body: headings of every level (in or out of order), sub-points, text, dates. */
export const lineArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(markerArb, fc.constantFrom(...SAFE_WORDS), fc.constantFrom('', '。', '。各单位要抓好落实。', '，'))
      .map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.constantFrom(...SAFE_WORDS).map((w) => `要${w}。${w}。`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '要' + '长'.repeat(30) + '。',
      '要。',
      '要严格要求自己，带头遵规守纪。全体党员要强化身份意识。',
    ),
  },
  { weight: 3, arbitrary: textArb },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2022年10月6日',
      '二〇二二年十月六日',
      '中共西安海棠职业学院委员会 2022年10月6日',
      '中共西安海棠职业学院委员会办公室',
    ),
  },
);

/** Lines rendered as one block each, with optional indent and a random wrapper. */
export function linesToHtml(lines: readonly string[], style: 'p' | 'br' | 'div-span'): string {
  if (style === 'br') return lines.join('<br>');
  if (style === 'div-span')
    return lines.map((l) => `<div><span>${l.slice(0, 2)}</span><span>${l.slice(2)}</span></div>`).join('\n');
  return lines.map((l) => `<p>${l}</p>`).join('\n  ');
}

// ---------------------------------------------------------------------------------------------
// Well-formed documents with a known outline

export interface PartSpec {
  readonly heading: string;
  /** Sub-headings （一）… of this part, each with its own paragraphs. */
  readonly subHeadings: readonly string[];
  /** 要-points right under the part (before any sub-heading). */
  readonly points: readonly string[];
  readonly paragraphs: number;
}

export interface DocSpec {
  readonly title: string;
  readonly addressee: string;
  readonly blankAfterTitle: boolean;
  readonly parts: readonly PartSpec[];
  readonly container: 'v_news_content' | 'vsb_content' | 'article' | 'table' | 'plain';
  readonly lineStyle: 'p' | 'br' | 'spans';
  readonly indent: string;
  readonly navNoise: boolean;
}

const phraseArb = fc.array(fc.constantFrom(...SAFE_WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(''));

export const docSpecArb: fc.Arbitrary<DocSpec> = fc.record({
  // Up to ~45 characters: long titles are common (关于印发《…》的通知).
  title: fc
    .tuple(
      fc.array(fc.constantFrom(...SAFE_WORDS), { minLength: 1, maxLength: 7 }),
      fc.constantFrom('通知', '意见', '倡议书', '方案'),
    )
    .map(([w, k]) => `关于${w.join('')}的${k}`),
  addressee: fc.constantFrom('各基层党组织、全体党员：', '各学院、各部门：', '全院师生：'),
  blankAfterTitle: fc.boolean(),
  parts: fc.integer({ min: 2, max: 24 }).chain((n) =>
    fc.array(
      fc.record({
        heading: phraseArb,
        subHeadings: fc.array(phraseArb, { maxLength: 3 }),
        points: fc.array(
          fc.constantFrom(...SAFE_WORDS).map((w) => `要${w}。`),
          { maxLength: 2 },
        ),
        paragraphs: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: n, maxLength: n },
    ),
  ),
  container: fc.constantFrom('v_news_content', 'vsb_content', 'article', 'table', 'plain'),
  lineStyle: fc.constantFrom('p', 'br', 'spans'),
  indent: fc.constantFrom('', '\u3000\u3000', '&nbsp;&nbsp;', '  ', '\t'),
  navNoise: fc.boolean(),
});

export interface ExpectedOutline {
  readonly parts: readonly {
    readonly heading: string;
    readonly subHeadings: readonly string[];
    readonly points: number;
  }[];
  readonly title: string;
}

/** The page for a spec and the outline a correct reader finds in it. */
export function renderDoc(spec: DocSpec): { html: string; expected: ExpectedOutline } {
  const lines: string[] = [];
  lines.push(spec.title);
  if (spec.blankAfterTitle) lines.push('');
  lines.push(spec.addressee);
  lines.push('为认真贯彻落实上级部署，现就有关事项通知如下。');
  const expectedParts = spec.parts.map((part, i) => {
    const heading = `${toChineseNumeral(i + 1)}、${part.heading}`;
    lines.push(heading);
    for (let k = 0; k < part.paragraphs; k++) lines.push(`${part.heading}工作要扎实推进，确保取得实效。`);
    for (const point of part.points) lines.push(`${point}各单位${part.heading}。`);
    const subs = part.subHeadings.map((s, j) => {
      const sub = `（${toChineseNumeral(j + 1)}）${s}`;
      lines.push(sub);
      lines.push(`${s}相关工作由各单位负责落实。`);
      return sub;
    });
    return { heading, subHeadings: subs, points: part.points.length };
  });
  lines.push('让我们共同努力，坚决完成各项任务。');
  lines.push('中共西安海棠职业学院委员会');
  lines.push('2022年10月6日');

  const indent = (l: string) => (l === '' ? '' : spec.indent + l);
  let body: string;
  if (spec.lineStyle === 'br') body = lines.map(indent).join('<br>\n');
  else if (spec.lineStyle === 'spans') {
    body = lines
      .map((l) =>
        l === ''
          ? '<p>&nbsp;</p>'
          : `<p>${spec.indent}<span style="font-size:16pt">${l.slice(0, 1)}</span><span>${l.slice(1, 3)}</span><b><span>${l.slice(3)}</span></b></p>`,
      )
      .join('\n');
  } else body = lines.map((l) => (l === '' ? '<p></p>' : `<p>${indent(l)}</p>`)).join('\n');

  const nav = spec.navNoise
    ? '<div class="main-nav"><ul><li><a href="/a">一、学院概况</a></li><li><a href="/b">二、党建工作</a></li><li><a href="/c">三、通知公告</a></li></ul></div>'
    : '';
  let article: string;
  switch (spec.container) {
    case 'v_news_content':
      article = `<div class="v_news_content">${body}</div>`;
      break;
    case 'vsb_content':
      article = `<div id="vsb_content">${body}</div>`;
      break;
    case 'article':
      article = `<div class="article"><div class="body">${body}</div></div>`;
      break;
    case 'table':
      article = `<table class="winstyle"><tbody><tr><td>${body}</td></tr></tbody></table>`;
      break;
    default:
      article = `<div>${body}</div>`;
  }
  const html =
    `${nav}<div class="wrap"><div class="left-side"><ul><li><a>一、党委简介</a></li><li><a>二、组织机构</a></li></ul></div>` +
    `<div class="main-col">${article}</div></div><div class="site-footer"><p>版权所有</p></div>`;
  return { html, expected: { parts: expectedParts, title: spec.title } };
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** Collapsible whitespace other than ' ': the model shows each collapsed run of it as one ' '. */
const COLLAPSED = /[\t\n\r\f]/g;

/**
 * A readable reason when the text model breaks an invariant, else null. Each run must map its
 * characters to the same characters of its node — `exact`: identical; otherwise a model ' ' may
 * stand for a collapsed tab/newline/CR/FF of the node (see the it.fails case in detect.property).
 */
export function textModelProblem(model: TextModel, { exact = false }: { exact?: boolean } = {}): string | null {
  let prevEnd = 0;
  let covered = 0;
  for (const [i, run] of model.runs.entries()) {
    if (!(run.end > run.start)) return `run ${i} is empty or reversed [${run.start}, ${run.end})`;
    if (run.start < prevEnd) return `run ${i} starts at ${run.start}, before the previous run's end ${prevEnd}`;
    const fromModel = model.text.slice(run.start, run.end);
    const raw = run.node.data.slice(run.nodeStart, run.nodeStart + run.end - run.start);
    const fromNode = exact ? raw : raw.replace(COLLAPSED, ' ');
    if (fromModel !== fromNode)
      return `run ${i}: text ${JSON.stringify(fromModel)} ≠ node data ${JSON.stringify(fromNode)}`;
    for (let k = prevEnd; k < run.start; k++) {
      if (model.text[k] !== '\n')
        return `offset ${k} between runs is ${JSON.stringify(model.text[k])}, not a '\\n' separator`;
    }
    covered += run.end - run.start;
    prevEnd = run.end;
  }
  if (prevEnd !== model.text.length) return `runs end at ${prevEnd}, text is ${model.text.length} long`;
  const separators = model.text.split('\n').length - 1;
  if (covered + separators !== model.text.length)
    return `${covered} mapped + ${separators} separators ≠ ${model.text.length}`;
  if (model.text.length > 0 && separators !== model.blocks.length - 1)
    return `${separators} separators for ${model.blocks.length} blocks`;
  let prevBlockEnd = -1;
  for (const [i, b] of model.blocks.entries()) {
    if (b.start <= prevBlockEnd)
      return `block ${i} starts at ${b.start}, not after the previous block's end ${prevBlockEnd}`;
    if (b.end <= b.start) return `block ${i} is empty [${b.start}, ${b.end})`;
    const line = model.text.slice(b.start, b.end);
    if (line.includes('\n')) return `block ${i} holds a '\\n'`;
    if (line.startsWith(' ') || line.endsWith(' ')) return `block ${i} ${JSON.stringify(line)} has an outer space`;
    if (b.start > 0 && model.text[b.start - 1] !== '\n') return `block ${i} does not follow a separator`;
    if (!model.root.contains(b.element)) return `block ${i}'s element is outside the root`;
    prevBlockEnd = b.end;
  }
  if (/[\t\r\f\u200b\ufeff\u00ad]|\u200c|\u200d| {2}/.test(model.text))
    return 'text keeps a tab/CR/FF, an invisible char, or a double space';
  return null;
}

/** A readable reason when the section tree breaks an invariant, else null. */
export function sectionsProblem(model: TextModel, sections: readonly Section[]): string | null {
  const ids = new Set<string>();
  let prevHeadingStart = -1;
  // The numbering rule: a series starts at 1, or takes up (continued-numbering.ts) the series the
  // parent's nearest earlier sibling with children ended, at the next number printed the same way.
  const visit = (
    list: readonly Section[],
    parent: Section | null,
    carried: ReadonlyMap<number, LastChild>,
  ): string | null => {
    let prev: Section | null = null;
    let carry: ReadonlyMap<number, LastChild> = new Map();
    const lastAtLevel = new Map<number, number>();
    for (const s of list) {
      const where = `section ${s.id} (${JSON.stringify(s.heading)})`;
      if (ids.has(s.id)) return `duplicate id ${s.id}`;
      ids.add(s.id);
      if (s.headingStart < prevHeadingStart)
        return `${where} starts at ${s.headingStart}, before the previous section's heading at ${prevHeadingStart}`;
      prevHeadingStart = s.headingStart;
      if (s.start !== s.headingStart) return `${where}: start ${s.start} ≠ headingStart ${s.headingStart}`;
      if (!(s.headingEnd > s.headingStart)) return `${where}: empty heading`;
      if (s.headingEnd > s.end) return `${where}: heading ends at ${s.headingEnd}, after the section's end ${s.end}`;
      if (s.end > model.text.length) return `${where}: ends at ${s.end}, past the text (${model.text.length})`;
      if (model.text.slice(s.headingStart, s.headingEnd) !== s.heading)
        return `${where}: heading is not the text at [${s.headingStart}, ${s.headingEnd})`;
      if (parent) {
        if (s.start < parent.headingEnd || s.start >= parent.end || s.end > parent.end) {
          return `${where} [${s.start}, ${s.end}) is not inside its parent ${parent.id} [${parent.start}, ${parent.end})`;
        }
        if (s.level <= parent.level) return `${where}: level ${s.level} under level ${parent.level}`;
        if (!s.id.startsWith(`${parent.id}.`)) return `${where}: id does not extend its parent's ${parent.id}`;
      }
      if (prev && prev.end > s.start)
        return `${where} starts at ${s.start}, inside its previous sibling ${prev.id} (ends ${prev.end})`;
      if (s.kind === 'point' && s.children.length > 0) return `${where}: a sub-point with children`;
      if (s.kind === 'part') {
        const last = lastAtLevel.get(s.level) ?? 0;
        const ok =
          last === 0
            ? s.number === 1 || continuesSeries(carried.get(s.level), s.number, s.marker)
            : s.number > last && s.number <= last + MAX_GAP + 1;
        if (!ok) return `${where}: number ${s.number} after ${last} at level ${s.level}`;
        lastAtLevel.set(s.level, s.number);
      }
      const inner = visit(s.children, s, carry);
      if (inner) return inner;
      if (s.children.length > 0) {
        const ends = new Map<number, LastChild>();
        for (const c of s.children) if (c.kind === 'part') ends.set(c.level, c);
        carry = ends;
      }
      prev = s;
    }
    return null;
  };
  return visit(sections, null, new Map());
}
