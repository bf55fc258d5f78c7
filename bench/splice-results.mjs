// Putting one fresh section into the last full run's bench/RESULTS.md in place of the old (the
// --only=… runs): the rest of the file, and the other targets' Missed lines, stay as they were.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_MD } from './report-common';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Replaces the section under `heading` (up to the next `## `) with `section` (lines, heading first),
 * placed before `## Missed`, and this section's old Missed lines (starting `missedPrefix`) with `missed`.
 */
export async function spliceSection({ heading, section, missedPrefix, missed }) {
  const old = existsSync(RESULTS_MD)
    ? readFileSync(RESULTS_MD, 'utf8').split('\n')
    : ['# Gongwen Reader — benchmark results', ''];
  const lines = [];
  for (let i = 0; i < old.length; i++) {
    if (old[i] === heading) {
      while (i + 1 < old.length && !old[i + 1].startsWith('## ')) i++;
      continue;
    }
    if (old[i].startsWith(missedPrefix)) continue;
    lines.push(old[i]);
  }
  let at = lines.indexOf('## Missed');
  if (at < 0) {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    lines.push('');
    at = lines.length;
  }
  lines.splice(at, 0, ...section);
  if (missed.length) {
    let missedAt = lines.indexOf('## Missed');
    if (missedAt < 0) {
      lines.push('## Missed', '');
      missedAt = lines.length - 2;
    }
    lines.splice(missedAt + 2, 0, ...missed.map((m) => `- ${m}`));
  }
  const markdown = lines.join('\n').replace(/\n*$/, '\n');
  await writeFile(RESULTS_MD, markdown);
  console.log(section.join('\n'));
  console.log(`Written into ${path.relative(ROOT, RESULTS_MD)}`);
  for (const m of missed) console.log(m);
}
