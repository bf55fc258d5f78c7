// Performance targets checked by `npm run bench` (scripts/bench.mjs), as issue 6 sets them.
// A missed target is reported (MISSED line, ✗ in the table) but never fails the run: the bench
// is a measurement, and a miss is fixed at its cause, never by moving the number.
export const TARGETS = {
  /**
   * ready / Readability.parse() at every size (1×, 30×, 100×): the reader's whole start-up
   * (detect, parse, phrases, progress restore, panel shown) at most a fifth of what a browser
   * reader mode spends parsing the same page.
   */
  readyOverReadability: 0.2,
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
  /** content-scripts/content.js, gzip -9, KB (1 KB = 1024 B). */
  contentScriptGzipKB: 25,
};
