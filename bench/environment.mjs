// Facts about the run for the report's header: machine, Chromium, Node, the commit measured and
// the load on the machine; and the built content script's size.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { BASE_ARGS, CONTENT_JS, ROOT, THROTTLE } from './setup.mjs';

/** Commit and whether the work tree differs from it (others edit the extension concurrently). */
function gitState() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'entrypoints', 'components', 'lib', 'public'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes in ${dirty.split('\n').length} extension file(s)` : head;
  } catch {
    return 'unknown (no git)';
  }
}

async function chromiumVersion(executablePath) {
  const browser = await chromium.launch({ executablePath, headless: true, args: BASE_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close().catch(() => {});
  }
}

/** The report's header facts before the run (`loadAfter` is added when it ends). */
export async function environment(executablePath, runs) {
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memGB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: await chromiumVersion(executablePath),
    git: gitState(),
    loadBefore: os.loadavg()[0],
    runs,
    throttle: THROTTLE,
  };
}

/** The one-minute load average now (for `loadAfter`). */
export const loadNow = () => os.loadavg()[0];

export function contentScriptSize() {
  const raw = readFileSync(CONTENT_JS);
  return { rawKB: raw.length / 1024, gzipKB: gzipSync(raw, { level: 9 }).length / 1024 };
}
