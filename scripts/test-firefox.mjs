// `npm run test:firefox`: builds the Firefox add-on and runs tests/e2e-firefox in the system Firefox.
// Without Firefox it prints one line saying so and succeeds, so `npm test` still runs on a machine
// that has only Chromium; REQUIRE_FIREFOX=1 (set by .ci/run) or a wrong FIREFOX_PATH fails instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox, firefoxNotFoundMessage } from './firefox.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const firefox = findFirefox();
if (!firefox) {
  // A FIREFOX_PATH that points nowhere is a mistake to fix, not a machine without Firefox.
  if (process.env.REQUIRE_FIREFOX === '1' || process.env.FIREFOX_PATH?.trim()) {
    console.error(`Firefox e2e: FAILED — ${firefoxNotFoundMessage()}`);
    process.exit(1);
  }
  console.log(`Firefox e2e: SKIPPED — ${firefoxNotFoundMessage()}`);
  process.exit(0);
}

console.log(`Firefox e2e: ${firefox}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = run(npm, ['run', 'build:firefox']);
if (built !== 0) process.exit(built);
process.exit(
  run(process.execPath, [
    path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'tests/e2e-firefox/vitest.config.ts',
  ]),
);
