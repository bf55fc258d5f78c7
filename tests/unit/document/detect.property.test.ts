// Property tests for detection: random and hostile pages never make it throw, run page code or
// touch the DOM; whatever it finds is a consistent model and outline; well-formed documents in
// any markup are found with exactly their parts.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toChineseNumeral } from '../../../lib/document/chinese-numerals';
import { readDocument, findArticleRoot, mightBeDocument } from '../../../lib/document/detect';
import { MAX_GAP, parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import type { DetectedDocument } from '../../../lib/document/detect';
import { htmlDocument } from './fixtures';
import {
  buildTree,
  docSpecArb,
  renderDoc,
  sectionsProblem,
  textArb,
  textModelProblem,
  treeArb,
  treeToHtml,
  WHITESPACE,
  type TreeNode,
} from './property-arbitraries';

// Each run starts in a task of its own. happy-dom caches what `doc.body` and querySelector found
// behind WeakRefs, and V8 keeps every WeakRef's target alive until the current task ends: run
// synchronously, fc.assert kept every page it built in memory (about 13 MB for a page of 2000
// headings). A failing case on a large page then shrank through hundreds of such pages and ran the
// worker out of an 8 GB heap, taking the failing seed with it. Set here, this hook also makes any
// synchronous fc.property in this file refuse to run, so a new test cannot bring that back.
const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
// One seed unless FC_SEED says otherwise; FC_SEED=random explores afresh, and the seed it drew is
// printed first, so a run that dies still tells which seed to replay (FC_SEED=<that number>).
const FC_SEED = process.env.FC_SEED;
const seed = FC_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(FC_SEED ?? 20261130);
if (FC_SEED === 'random') console.log(`detect.property: FC_SEED=${seed}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), asyncBeforeEach: nextTask, seed });
// These properties ran synchronously, where no test timeout can fire; now that each run awaits a
// task, the 5 s default would cut off a slow machine's run or a long shrink and its report.
vi.setConfig({ testTimeout: 120_000 });

const pwned = () => (window as { __gongwenPwned?: unknown }).__gongwenPwned;

afterEach(() => {
  delete (window as { __gongwenPwned?: unknown }).__gongwenPwned;
});

/** A cheap fingerprint of the DOM below body: node kinds, names, attributes and text. */
function fingerprint(doc: Document): string {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.body, 0xffffffff);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      const el = n as Element;
      out.push(`<${el.tagName}${Array.from(el.attributes, (a) => ` ${a.name}=${a.value}`).join('')}>`);
    } else out.push(`${n.nodeType}:${(n as CharacterData).data ?? ''}`);
  }
  return out.join('|');
}

/** Everything that must hold for a detection result, or a reason it does not. */
function detectedProblem(doc: Document, found: DetectedDocument): string | null {
  if (!doc.body.contains(found.root)) return 'root is outside the body';
  if (found.model.root !== found.root) return 'model is not of the root';
  const model = textModelProblem(found.model);
  if (model) return `text model: ${model}`;
  const sections = sectionsProblem(found.model, found.document.sections);
  if (sections) return `sections: ${sections}`;
  if (found.document.sections.filter((s) => s.level === 1).length < 2) return 'fewer than two parts';
  return null;
}

/** Parts the full check finds without the pre-check (what readDocument does after it). */
function partsWithoutPreCheck(doc: Document): number {
  const root = findArticleRoot(doc);
  return root ? parseSections(buildTextModel(root)).filter((s) => s.level === 1).length : 0;
}

/**
 * Parts of the page the text model skips. Their text is still in body.textContent, which the
 * pre-check reads, so a marker split by one ('一<script>…</script>、') passes the full check but
 * not the pre-check — a known, accepted gap (reading the page like the model would cost the
 * pre-check its speed).
 */
const SKIPPED_PARTS =
  'script, style, noscript, template, svg, iframe, object, textarea, select, [hidden], [aria-hidden="true"]';

/** Detects on the page as it is and checks the result; returns it for further checks. */
function detectAndCheck(doc: Document): DetectedDocument | null {
  const before = fingerprint(doc);
  const found = readDocument(doc);
  expect(fingerprint(doc)).toBe(before); // detection never changes the page
  expect(pwned()).toBeUndefined(); // nor runs its code
  if (found) expect(detectedProblem(doc, found)).toBeNull();
  // The pre-check is never stricter than the full check: what it turns down has no outline.
  if (!mightBeDocument(doc) && doc.body.querySelector(SKIPPED_PARTS) === null)
    expect(partsWithoutPreCheck(doc)).toBeLessThan(2);
  return found;
}

function treeDocument(nodes: readonly TreeNode[]): Document {
  const doc = htmlDocument('');
  buildTree(doc, doc.body, nodes);
  return doc;
}

describe('readDocument on random pages', () => {
  it('never throws, never changes the page, and any result is consistent (DOM-built trees)', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (nodes) => {
        detectAndCheck(treeDocument(nodes));
      }),
      { numRuns: 150 },
    );
  });

  it('the same through the HTML parser (unbalanced tags, </style> and <img onerror> in text)', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.array(textArb, { maxLength: 3 }), async (nodes, loose) => {
        detectAndCheck(htmlDocument(loose.join('</p>') + treeToHtml(nodes) + loose.join('<p>')));
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: a second detection gives the same root, text and outline', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (nodes) => {
        const doc = treeDocument(nodes);
        const a = readDocument(doc);
        const b = readDocument(doc);
        // Compared as booleans and strings: a failing toBe() on two DOM elements makes the reporter
        // print both trees, which on a large random page ran a worker out of its heap.
        expect(b?.root === a?.root).toBe(true);
        expect(b?.model.text).toBe(a?.model.text);
        expect(JSON.stringify(b?.document)).toBe(JSON.stringify(a?.document));
      }),
      { numRuns: 40 },
    );
  });
});

describe('readDocument on well-formed documents', () => {
  it('finds exactly the parts, sub-headings and sub-points, whatever the markup around them', async () => {
    await fc.assert(
      fc.asyncProperty(docSpecArb, async (spec) => {
        const { html, expected } = renderDoc(spec);
        const doc = htmlDocument(html, `${spec.title}-西安海棠职业学院`);
        const found = detectAndCheck(doc);
        if (!found) throw new Error('document not detected');
        const parts = found.document.sections;
        expect(parts.map((p) => p.heading)).toEqual(expected.parts.map((p) => p.heading));
        expect(parts.map((p) => p.number)).toEqual(expected.parts.map((_, i) => i + 1));
        for (const [i, part] of parts.entries()) {
          const want = expected.parts[i]!;
          expect(part.children.filter((c) => c.kind === 'part').map((c) => c.heading)).toEqual(want.subHeadings);
          // 要-points sit right under the part (they come before its first sub-heading).
          expect(part.children.filter((c) => c.kind === 'point')).toHaveLength(want.points);
        }
        expect(found.root.textContent).toContain(expected.parts[0]!.heading.slice(0, 2));
        expect(found.root.textContent).not.toContain('版权所有');
      }),
      { numRuns: 40 },
    );
  });

  it('finds series with skipped numbers (一、三、…) and invisible characters in the markers', async () => {
    // Was: the pre-check wanted '二、' after '一、' verbatim, while the full check accepts a skip of up
    // to MAX_GAP numbers and drops invisible characters — so 一、…三、… or 一\u00ad、…二、… pages
    // were turned down before the full check ran. The pre-check must never be stricter than it.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: MAX_GAP + 1 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '\u200b', '\u200c', '\u200d', '\u00ad', '\ufeff'),
        async (steps, invisible) => {
          let n = 1;
          const numbers = [1, ...steps.map((step) => (n += step))];
          const doc = htmlDocument(
            `<div class="v_news_content"><p>关于做好安全工作的通知</p><p>各部门：</p>${numbers
              .map((k) => `<p>${toChineseNumeral(k)}${invisible}、第${k}部分</p><p>内容。</p>`)
              .join('')}</div>`,
          );
          // The full check without the pre-check finds the parts, so the pre-check must let the page through.
          if (partsWithoutPreCheck(doc) >= 2) expect(mightBeDocument(doc)).toBe(true);
          expect(detectAndCheck(doc)?.document.sections.map((s) => s.number)).toEqual(numbers);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the title, whether or not a blank line separates it from the addressee', async () => {
    await fc.assert(
      fc.asyncProperty(docSpecArb, async (spec) => {
        const { html, expected } = renderDoc(spec);
        const found = readDocument(htmlDocument(html, '西安海棠职业学院'));
        expect(found?.document.title).toBe(expected.title);
      }),
      { numRuns: 40 },
    );
  });
});

describe('readDocument on hostile pages', () => {
  it('survives 2000 levels of nesting, with the headings at the bottom or spread over the levels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1500, max: 2000 }),
        fc.array(fc.constantFrom('div', 'span', 'p', 'td', 'section', 'b', 'font', 'li'), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        async (depth, tags, spread) => {
          const doc = htmlDocument('');
          let el: Element = doc.body;
          let part = 0;
          for (let i = 0; i < depth; i++) {
            const child = doc.createElement(tags[i % tags.length]!);
            el.appendChild(child);
            if (spread && i % 300 === 299) {
              const p = doc.createElement('p');
              p.textContent = `${toChineseNumeral(++part)}、第${part}部分`;
              el.appendChild(p);
            }
            el = child;
          }
          el.insertAdjacentHTML(
            'beforeend',
            '<p>关于做好安全工作的通知</p><p>一、加强值班</p><p>内容。</p><p>二、注意安全</p><p>内容。</p>',
          );
          const found = detectAndCheck(doc);
          if (!spread) expect(found?.document.sections.map((s) => s.heading)).toEqual(['一、加强值班', '二、注意安全']);
        },
      ),
      { numRuns: 4 },
    );
  });

  /** A 1 MB text node opened by '一、'; the '二、' is inside it or in a small node after it. */
  const hugeNodeDocument = (ws: string, pre: boolean, markerInside: boolean): Document => {
    const filler = `疫情防控${ws}`.repeat(Math.ceil((1 << 20) / (4 + ws.length)));
    const doc = htmlDocument('<div class="v_news_content"></div>');
    const holder = doc.querySelector('.v_news_content')!.appendChild(doc.createElement(pre ? 'pre' : 'p'));
    holder.appendChild(doc.createTextNode(`\n一、第一部分\n${filler}${markerInside ? '\n二、第二部分\n内容。' : ''}`));
    if (!markerInside) holder.appendChild(doc.createTextNode('\n二、第二部分\n内容。'));
    return doc;
  };

  it('reads a 1 MB text node with markers and whitespace in it, in a <pre>', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WHITESPACE), fc.boolean(), async (ws, markerInside) => {
        const found = detectAndCheck(hugeNodeDocument(ws, true, markerInside));
        expect(found?.document.sections.map((s) => s.heading)).toEqual(['一、第一部分', '二、第二部分']);
      }),
      { numRuns: 1 },
    );
  });

  it('reads a 1 MB text node with markers and whitespace in it, in a <p> (no line starts there: no document)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WHITESPACE), fc.boolean(), async (ws, markerInside) => {
        expect(detectAndCheck(hugeNodeDocument(ws, false, markerInside))).toBeNull();
      }),
      { numRuns: 1 },
    );
  });

  it('handles thousands of headings with gaps, repeats and mixed levels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -2, max: 4 })), {
          minLength: 2000,
          maxLength: 3000,
        }),
        async (steps) => {
          const counters = [0, 0, 0, 0, 0];
          const lines = steps.map(([level, step]) => {
            counters[level] = Math.max(1, counters[level]! + step);
            for (let deeper = level + 1; deeper <= 4; deeper++) if (step > 0) counters[deeper] = 0;
            const n = counters[level]!;
            const marker =
              level === 1
                ? `${toChineseNumeral(n)}、`
                : level === 2
                  ? `（${toChineseNumeral(n)}）`
                  : level === 3
                    ? `${n}.`
                    : `（${n}）`;
            return `<p>${marker}标题${n}</p>`;
          });
          // Text under 一、 and 二、: two bare heading lines in a row read as a contents list, which a
          // later '一、' restarts (parse-sections.ts, restartAfterContents) — and a random series
          // restarting at '一、' with no '二、' in reach leaves one part, no document (seed 97102607).
          const doc = htmlDocument(
            `<div class="v_news_content"><p>关于开展工作的通知</p><p>一、开始</p><p>内容。</p><p>二、继续</p><p>内容。</p>${lines.join('')}</div>`,
          );
          const found = detectAndCheck(doc);
          expect(found).not.toBeNull();
        },
      ),
      // No shrinking: a page of 2000–3000 headings can only lose lines one run at a time, each run
      // reading the whole page again; the unshrunk case and its seed are the report.
      { numRuns: 2, endOnFailure: true },
    );
  });

  it('skips <img onerror>, scripts, styles with </style> text, hidden and aria-hidden parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...HIDING), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (hiders, viaParser) => {
          const hidden = hiders.map((h) => h.replace('$', '三、藏起来的部分')).join('');
          const body = `<div class="v_news_content"><p>关于做好安全工作的通知</p>${hidden}<p>一、加强值班</p><p>内容。</p>${hidden}<p>二、注意安全</p><p>内容。</p></div>`;
          let doc: Document;
          if (viaParser) doc = htmlDocument(body);
          else {
            // The same, with text nodes holding literal markup.
            doc = htmlDocument('<div class="v_news_content"></div>');
            const box = doc.querySelector('.v_news_content')!;
            for (const line of [
              '关于做好安全工作的通知',
              '一、加强值班',
              '</style>内容。<img src=x onerror=alert(1)>',
              '二、注意安全',
              '</script>内容。',
            ]) {
              box.appendChild(doc.createElement('p')).appendChild(doc.createTextNode(line));
              box.insertAdjacentHTML('beforeend', hidden);
            }
          }
          const found = detectAndCheck(doc);
          expect(found?.document.sections.map((s) => s.heading)).toEqual(['一、加强值班', '二、注意安全']);
          expect(found?.model.text).not.toContain('藏起来');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a model of any subtree keeps its invariants (random whitespace and indents included)', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (nodes) => {
        const doc = treeDocument(nodes);
        for (const el of [doc.body, ...Array.from(doc.body.querySelectorAll('*')).slice(0, 5)]) {
          expect(textModelProblem(buildTextModel(el))).toBeNull();
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('text model runs', () => {
  // KNOWN, not fixed: a tab/newline/CR/FF inside a line becomes ' ' in the model text while its run
  // still points at the original character, so text.slice(start, end) !== node.data.slice(…) for
  // that run. Minimal case: <p>a\nb</p> → text 'a b', one run over node data 'a\nb'. Offsets stay
  // one-to-one (Ranges and highlights land right); only the character-for-character promise of
  // TextRun (types.ts) does not hold. This case fails until the model or its contract changes.
  it.fails('map node characters exactly, whitespace included (known: collapsed \\t \\n \\r \\f)', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (nodes) => {
        expect(textModelProblem(buildTextModel(treeDocument(nodes).body), { exact: true })).toBeNull();
      }),
      // No shrinking: this case is known to fail, and shrinking a random tree can take gigabytes
      // (a worker ran out of its 4 GB heap here, about one run in three).
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('regression: a root that is (or is inside) a <pre> keeps its line breaks', () => {
    // Was: findArticleRoot picked the <pre>, whose own model then ignored its newlines (the root is
    // never "entered"), so readDocument returned null for <pre>一、甲\n二、乙</pre>.
    const doc = htmlDocument('<pre>一、加强值班\n内容。\n二、注意安全\n内容。</pre>');
    expect(readDocument(doc)?.document.sections.map((s) => s.heading)).toEqual(['一、加强值班', '二、注意安全']);
    const inner = htmlDocument('<pre><span id="r">一、甲\n二、乙</span></pre>').getElementById('r')!;
    expect(buildTextModel(inner).blocks).toHaveLength(2);
  });

  it('regression: a long title right above the addressee is not joined to it as a page-break split', () => {
    // Was: a title of ≥ 30 characters with no blank line after it was read as a paragraph cut by a
    // page break and joined with '各基层党组织、全体党员：', so the title was lost.
    const title = '关于加强组织领导加强组织领导加强组织领导加强组织领导的倡议书';
    const doc = htmlDocument(
      `<div class="v_news_content"><p>${title}</p><p>各基层党组织、全体党员：</p><p>一、甲</p><p>内容。</p><p>二、乙</p></div>`,
    );
    expect(readDocument(doc)?.document.title).toBe(title);
  });
});

const HIDING = [
  '<script>window.__gongwenPwned = 1; "$"</script>',
  '<style>p::before { content: "$" } </style>',
  '<style>/* </style> is where this ends */</style>',
  '<img src="data:," onerror="window.__gongwenPwned = 1">',
  '<noscript><p>$</p></noscript>',
  '<template><p>$</p></template>',
  '<p hidden>$</p>',
  '<div aria-hidden="true"><p>$</p></div>',
  '<textarea>$</textarea>',
  '<svg><text>$</text></svg>',
  '<gongwen-reader><p>$</p></gongwen-reader>',
];
