// What the fixed highlight sheet costs the pages it is put on, and what it saves (issue 14). The
// extension ships `highlights.css` (lib/phrases/highlight-sheet.ts) as a content-script stylesheet
// on the portals, so the browser styles every portal page with it from the first element: adding
// highlights later restyles nothing. Any `::highlight()` rule makes Chromium compute highlight
// styles for every element, so the sheet adds to the style work of every portal page's own load,
// documents or not. This measures both sides in plain Chromium (no extension), on the same pages:
//   - the page's own style recalc during load (CDP Performance.getMetrics RecalcStyleDuration, to
//     load + two frames) without the sheet and with it first in <head> (where a content-script
//     stylesheet is: in before any element is styled);
//   - the alternative it replaced: adopting the sheet after load, then the forced restyle (one task).
// Pages: the bench's 100× page, the long Word-pasted notice, a news page that is no document, and,
// when ../shared/corpus/real-pages is there, the real portal pages (never copied into the project).
//
//   import { benchSheetCost } from './sheet-cost.mjs';
//   node bench/sheet-cost.mjs [--runs=5]      (after `npm run build`: reads .output/chrome-mv3/highlights.css)
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './browser.mjs';
import { makeBenchPage } from './make-page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHEET_FILE = path.join(ROOT, '.output', 'chrome-mv3', 'highlights.css');
const REAL_PAGES = path.resolve(ROOT, '..', 'shared', 'corpus', 'real-pages', 'pages');
const URL_BASE = 'http://sheet-cost.example.edu.cn/';

/** The pages measured: label, HTML, and whether it is a document the reader opens on. */
export function sheetCostPages() {
  const fixture = (name) => readFileSync(path.join(ROOT, 'tests', 'fixtures', name), 'utf8');
  const pages = [
    { label: '100×', html: makeBenchPage(100), real: false },
    { label: 'Word-pasted notice', html: fixture('word-pasted-long.html'), real: false },
    { label: 'news story (no document)', html: fixture('not-news-story.html'), real: false },
  ];
  if (existsSync(REAL_PAGES)) {
    for (const file of readdirSync(REAL_PAGES)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      pages.push({ label: file, html: readFileSync(path.join(REAL_PAGES, file), 'utf8'), real: true });
    }
  }
  return pages;
}

/** The sheet first in <head>, as a content-script stylesheet is (before any of the page's own). */
function withSheet(html, sheet) {
  const style = `<style>${sheet}</style>`;
  const head = /<head[^>]*>/i.exec(html);
  return head
    ? html.slice(0, head.index + head[0].length) + style + html.slice(head.index + head[0].length)
    : style + html;
}

async function loadOnce(browser, html, { cpu, adoptAfter, sheet }) {
  const page = await browser.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // Only the page itself: its images, scripts and styles from elsewhere are not fetched (no network here).
    await page.route('**/*', (route) =>
      route.request().url() === URL_BASE
        ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
    await page.goto(URL_BASE, { waitUntil: 'load', timeout: 60_000 });
    const { elements, longestFrameMs } = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Long animation frames (> 50 ms, script + style/layout/paint) from navigation on: the longest is
      // the page's worst freeze while loading, rendering work included (long tasks alone miss it).
      const frames = await new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(list.getEntries().map((e) => e.duration));
        }).observe({ type: 'long-animation-frame', buffered: true });
        setTimeout(() => resolve([]), 200);
      });
      return { elements: document.getElementsByTagName('*').length, longestFrameMs: Math.max(0, ...frames) };
    });
    const metrics = await cdp.send('Performance.getMetrics');
    const styleMs = (metrics.metrics.find((m) => m.name === 'RecalcStyleDuration')?.value ?? NaN) * 1000;
    let adoptMs = NaN;
    if (adoptAfter) {
      adoptMs = await page.evaluate((text) => {
        const t0 = performance.now();
        const s = new CSSStyleSheet();
        s.replaceSync(text);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
        document.documentElement.getBoundingClientRect(); // the restyle the browser would do in the next frame
        return performance.now() - t0;
      }, sheet);
    }
    return { styleMs, adoptMs, elements, longestFrameMs };
  } finally {
    await page.close();
  }
}

/**
 * Medians over `runs` alternating loads per page and CPU rate: style during load without and with the
 * sheet, and the restyle of adopting it after a load without it.
 */
export async function benchSheetCost({ executablePath, args = [], runs = 5, cpuRates = [1, 4], log = () => {} }) {
  const sheet = readFileSync(SHEET_FILE, 'utf8');
  const browser = await chromium.launch({ executablePath: executablePath ?? undefined, args });
  const rows = [];
  try {
    for (const { label, html, real } of sheetCostPages()) {
      const shipped = withSheet(html, sheet);
      for (const cpu of cpuRates) {
        if (real && cpu !== 1) continue; // the real pages at 1× only: enough to size the cost, half the time
        const without = [],
          withIt = [],
          adopt = [],
          frameWithout = [],
          frameWith = [];
        let elements = 0;
        for (let i = 0; i < runs; i++) {
          const a = await loadOnce(browser, html, { cpu, adoptAfter: true, sheet });
          const b = await loadOnce(browser, shipped, { cpu, adoptAfter: false, sheet });
          without.push(a.styleMs);
          adopt.push(a.adoptMs);
          withIt.push(b.styleMs);
          frameWithout.push(a.longestFrameMs);
          frameWith.push(b.longestFrameMs);
          elements = a.elements;
        }
        const row = {
          label,
          real,
          cpu,
          elements,
          withoutMs: median(without),
          withMs: median(withIt),
          adoptMs: median(adopt),
          frameWithoutMs: median(frameWithout),
          frameWithMs: median(frameWith),
        };
        row.extraMs = row.withMs - row.withoutMs;
        rows.push(row);
        log(
          `  ${label} CPU ${cpu}×: ${elements} elements; style in load ${row.withoutMs.toFixed(1)} → ${row.withMs.toFixed(1)} ms with the sheet; ` +
            `longest frame ${row.frameWithoutMs.toFixed(1)} → ${row.frameWithMs.toFixed(1)} ms; adopting it after load ${row.adoptMs.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

const fmt = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');

/** The RESULTS.md section. */
export function sheetCostMarkdown(rows, runs) {
  const lines = [
    '## The fixed highlight sheet: what it costs every portal page, what it saves the reader',
    '',
    `Plain Chromium, no extension; medians of ${runs} alternating loads. \`style in load\` = the page's own style recalc from navigation to load + two frames (CDP \`RecalcStyleDuration\`), without and with \`highlights.css\` first in <head> (where the extension's content-script stylesheet is); \`adopting after load\` = adopting the same sheet once the page is loaded and forcing the restyle, the one task a reader paid before (issue 14) when it painted its first highlights; \`longest frame\` = the longest long animation frame (> 50 ms; 0 when none) from navigation to load + two frames: the page's worst freeze while loading, its rendering included.`,
    '',
    '| Page | CPU | elements | style in load, no sheet | with the sheet | added | longest frame in load, no sheet | with the sheet | adopting after load (one task) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const own = rows.filter((r) => !r.real);
  for (const r of own) {
    lines.push(
      `| ${r.label} | ${r.cpu}× | ${r.elements} | ${fmt(r.withoutMs)} | ${fmt(r.withMs)} | ${fmt(r.extraMs)} | ${fmt(r.frameWithoutMs)} | ${fmt(r.frameWithMs)} | ${fmt(r.adoptMs)} |`,
    );
  }
  const real = rows.filter((r) => r.real);
  if (real.length > 0) {
    const extra = real.map((r) => r.extraMs);
    const adopt = real.map((r) => r.adoptMs);
    const worst = real.reduce((a, b) => (b.extraMs > a.extraMs ? b : a));
    lines.push(
      `| ${real.length} real portal pages (../shared/corpus), median | 1× | ${median(real.map((r) => r.elements))} | ${fmt(median(real.map((r) => r.withoutMs)))} | ${fmt(median(real.map((r) => r.withMs)))} | ${fmt(median(extra))} (most ${fmt(worst.extraMs)}, ${worst.label}) | ${fmt(median(real.map((r) => r.frameWithoutMs)))} | ${fmt(median(real.map((r) => r.frameWithMs)))} | ${fmt(median(adopt))} (most ${fmt(Math.max(...adopt))}) |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runsArg = process.argv.find((a) => a.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice(7)) : 5;
  const { findChromium } = await import('../scripts/find-chromium.mjs');
  const rows = await benchSheetCost({ executablePath: findChromium(), runs, log: console.log });
  console.log(sheetCostMarkdown(rows, runs));
}
