// Performance targets checked by `npm run bench` (bench/run.mjs), as issues 6, 14, 22 and 23 set them.
// A missed target is reported (MISSED line, ✗ in the table) but never fails the run: the bench
// is a measurement, and a miss is fixed at its cause, never by moving the number.
export const TARGETS = {
  /**
   * ready / Readability.parse() (issue 14, replacing issue 6's 0.2 at every size): the reader's whole
   * start-up (detect, restore, panel connected) at most half of what a browser reader mode spends
   * parsing the same page at 30× and 100× its length, and at most 3× on the short page, where the
   * browser's round trips (message, injection, an extension page loading) dominate. Median of per-run ratios, CPU 1×.
   */
  readyOverReadability: { small: 3, long: 0.5 },
  /**
   * The same limits on the reader's own main-thread work up to ready (the sum of its start-up stages,
   * detection's slices included) over Readability.parse(), which is main-thread work too. Added in
   * issue 14 because `ready` includes waiting for the panel, an extension page that must load in a
   * frame of its own origin (issue 13: page script must not read or drive the reader's UI): its
   * process and navigation alone take longer than 3× a 4 ms parse (the report's "frame floor"
   * column), so on the short page readyOverReadability cannot be met by this design and stays
   * reported as missed. This one asks what the issue meant by "faster than a reader mode" of the
   * part the reader controls: how much of the page's main thread it takes to get there.
   */
  ourWorkOverReadability: { small: 3, long: 0.5 },
  /**
   * The first detection's synchronous part over one TreeWalker pass over the same page's text (the
   * floor), at 30× and 100× (issue 14). Median of per-run ratios, CPU 1×.
   */
  detectionOverFloor: 10,
  /** CPU slowdown (Emulation.setCPUThrottlingRate) for the "old office PC" rows. */
  cpuThrottlingRate: 4,
  /**
   * With the CPU slowed cpuThrottlingRate×, no task the extension runs from load to ready longer
   * than this (ms), on every page (issue 14: one frame budget a task; 50 ms is the long-task line).
   */
  longestTaskOfOursMs: 50,
  /** The first check on a page that is not a document (tests/fixtures/not-news-story.html), median ms. */
  nonDocumentCheckMs: 0.5,
  /** Long tasks (> 50 ms) while scrolling the 100× page that the extension adds over the same page without it. */
  extraLongTasksWhileScrolling: 0,
  /**
   * Long animation frames (> 50 ms of script + style/layout/paint for one frame) per 100 wheel steps in
   * that scroll, over the same scroll without the extension. Not in the issue; reported because long
   * tasks alone miss rendering work.
   */
  extraLongFramesPercent: 5,
  /** storage.local writes of stored documents ('doc:' keys) per second of continuous scrolling ("about one a second"). */
  storageWritesPerSecond: 1.2,
  /**
   * Phrase finding on the 100× page's text with 500 reader phrases sharing a prefix that occurs all
   * over the page, over the time with none (issue 13: linear in the text whatever the phrases).
   */
  phraseFloodOverNone: 2,
  /**
   * The attachment viewer on a 50-page text PDF (issue 23): viewer page start → outline drawn, over
   * pdf.js's own getTextContent of every page of the same file in the same browser (the floor).
   * 1.5×: the viewer does the floor's work plus paragraphs, the page, detection and the panel; the
   * issue allows half the floor again for all of that. Median of per-run ratios.
   */
  attachmentPdfOverFloor: 1.5,
  /**
   * The hostile pages (issue 22, "Bad input": 20 000 numbered lines, a heading of 100 000
   * characters, numbering loops 一、二、一、二、…, 章 without 条, 条 out of order): with the CPU slowed
   * cpuThrottlingRate×, no task of ours longer than this (ms) on any of them — the "bounded
   * time (no long task over 50 ms at 4× CPU)", the same line as longestTaskOfOursMs. Worst run.
   */
  hostileLongestTaskMs: 50,
  /** content-scripts/content.js, gzip -9, KB (1 KB = 1024 B). */
  contentScriptGzipKB: 25,
};
