// Test helper: the seed document as the text model would give it (non-empty lines joined by '\n',
// the two page-break splits joined with nothing).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Vitest runs from the repo root; import.meta.url is not a file URL under happy-dom.
const seedPath = resolve(process.cwd(), 'tests/fixtures/seed/initiative.txt');

export function seedText(): string {
  const joined = readFileSync(seedPath, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return joined.replace('这\n根弦', '这根弦').replace('带头严\n格落实', '带头严格落实');
}
