// The report's attachments section (issue 23: the viewer on a 50-page PDF against pdf.js's own
// text extraction, ~100-page .docx/.doc, the packaged size pdf.js adds), and --only=attachments
// putting a fresh one into the last full run's bench/RESULTS.md in place of the old.
import { judgeInto, ms } from './report-common';
import { spliceSection } from './splice-results.mjs';
import { TARGETS } from './targets';

const HEADING = '## Attachments: the viewer to its outline, against pdf.js reading the text';
const MISSED_LABEL = 'attachment viewer, 50-page PDF';
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** The attachments section (lines), judged against its target. */
export function attachmentSection(a, judge) {
  const { pdf, word, size } = a;
  const goal = TARGETS.attachmentPdfOverFloor;
  const ok = pdf.ratio <= goal;
  const lines = [
    HEADING,
    '',
    '| File | viewer start → outline drawn | pdf.js getTextContent, all pages (floor) | ratio | Target | outline parts |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
    `| PDF, ${pdf.pages} pages, ${(pdf.chars / 1000).toFixed(1)} k chars | ${ms(pdf.viewerMs, 0)} | ${ms(pdf.floorMs, 0)} | ${pdf.ratio.toFixed(2)} | ≤ ${goal} ${judge(
      MISSED_LABEL,
      ok,
      `${pdf.ratio.toFixed(2)} × pdf.js's own text extraction (${ms(pdf.viewerMs, 0)} vs ${ms(pdf.floorMs, 0)})`,
    )} | ${pdf.parts} of ${pdf.expectedParts} |`,
  ];
  if (word) {
    for (const kind of ['docx', 'doc']) {
      const w = word[kind];
      lines.push(
        `| .${kind}, ~${word.pages} pages (${kb(w.bytes)}) | ${ms(w.ms, 0)} | — | — | reported only | ${w.parts} of ${word.expectedParts} |`,
      );
    }
  } else {
    lines.push('| .docx / .doc, ~100 pages | not measured: LibreOffice (`soffice`) not installed | — | — | | |');
  }
  lines.push(
    '',
    `Medians of ${a.runs} runs, alternating viewer and floor, each in a fresh tab of one Chromium with the built extension (CPU 1×). ` +
      "Viewer: `viewer.html?src=` opened on the file served from a portal name; from the viewer page's navigation start to the panel frame's `gongwen-panel:drawn` mark (same wall clock), then 文档导航 checked by role and its parts counted. " +
      "It includes the page's own load, the fetch, pdf.js in its worker, paragraphs, the page drawn, detection, the reader bundle and the panel's frame. " +
      "Floor: in a viewer page given no file, the extension's own pdf.js chunk imported, the same file fetched, `getDocument` (same worker, CMaps, `isEvalSupported: false`) and `getTextContent` of every page. " +
      "The files are made at bench time from the bench's own HTML 公文: Chromium's `page.pdf()` prints the PDF; LibreOffice converts the ~100-page HTML to .docx and .doc; the page counts are Chromium's print of the same HTML.",
    '',
    `Packaged size pdf.js adds (its chunk \`chunks/${size.pdfChunk}\`, \`pdfjs/\` worker and CMaps): ${kb(size.pdfjs)} of ${kb(size.unpacked)} unpacked (.output/chrome-mv3); ` +
      (Number.isFinite(size.zipAll)
        ? `zipped (zip -9 of the build): ${kb(size.zipAll)} with it, ${kb(size.zipWithout)} without, ${kb(size.zipAll - size.zipWithout)} added. `
        : 'zip not installed: no zipped size. ') +
      `The viewer's own chunk (lib/attachments parsers, page, wiring): ${kb(size.viewer)} unpacked.`,
    '',
  );
  return lines;
}

/** --only=attachments: replaces the attachments section of bench/RESULTS.md (and its Missed line), keeping the rest. */
export async function spliceAttachments(attachments, env) {
  const missed = [];
  const section = attachmentSection(attachments, judgeInto(missed));
  section.splice(
    section.length - 1,
    0,
    '',
    `Run alone (\`npx vite-node --script bench/run.mjs --only=attachments\`) on ${env.date}, source ${env.git}, load average ${env.loadBefore.toFixed(2)} on ${env.cores} cores; the other sections are from the full run.`,
  );
  await spliceSection({ heading: HEADING, section, missedPrefix: `- MISSED: ${MISSED_LABEL}`, missed });
}
