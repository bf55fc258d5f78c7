// Issue 25: the store build carries no test switch. The sync area's quota-enforcing fake
// (lib/storage/sync/fake-sync-area.ts) is for unit tests; the built background syncs to the
// browser's storage.sync and nothing else, and no stored switch can point it elsewhere. Reads the
// build the e2e suite runs on (npm test builds before it), so it checks what ships.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, EXTENSION_DIR } from './harness';

/** Every script file of the built extension, with its text. */
async function builtScripts(dir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push([path.relative(dir, file), await readFile(file, 'utf8')]);
  }
  return out;
}

test('the shipped build has no fake sync area and no switch to one', async () => {
  const scripts = await builtScripts(EXTENSION_DIR);
  expect(scripts.map(([name]) => name)).toContain('background.js');
  // The fake's storage key, its switch and the quota errors only the fake throws (the browser
  // throws them in the real area; the engine only reads them).
  const marks = [
    'fakeSyncArea',
    'fakeSync',
    'MAX_ITEMS quota exceeded',
    'QUOTA_BYTES_PER_ITEM quota exceeded',
    'exceeds the MAX_WRITE_OPERATIONS',
  ];
  const found = scripts.flatMap(([name, text]) =>
    marks.filter((mark) => text.includes(mark)).map((mark) => `${name}: ${mark}`),
  );
  expect(found).toEqual([]);
});
