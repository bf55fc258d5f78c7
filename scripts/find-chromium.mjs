// Locates a Chromium binary for the e2e tests and the demo (Playwright's bundled browsers are never downloaded).
//
// Order: $CHROMIUM_PATH, /usr/bin/chromium, then `chromium`, `chromium-browser`, `google-chrome` on PATH.
// An explicitly set CHROMIUM_PATH is authoritative: if it is not an executable file we report that
// instead of silently falling back to another browser, so a typo never tests the wrong binary.
//
// Run directly (`node scripts/find-chromium.mjs`): exit 0 silently when found, else one line on stderr and exit 1.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_HINT =
  'Chromium not found: install it with `sudo apt-get install chromium` or set CHROMIUM_PATH=/path/to/chromium';

const FIXED_CANDIDATES = ['/usr/bin/chromium'];
const PATH_CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function searchPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** Absolute path of a usable Chromium, or null. */
export function findChromium() {
  const explicit = process.env.CHROMIUM_PATH?.trim();
  if (explicit) return isExecutableFile(explicit) ? path.resolve(explicit) : null;
  for (const candidate of FIXED_CANDIDATES) if (isExecutableFile(candidate)) return candidate;
  for (const name of PATH_CANDIDATES) {
    const found = searchPath(name);
    if (found) return found;
  }
  return null;
}

/** One-line explanation of why findChromium() returned null. */
export function chromiumNotFoundMessage() {
  const explicit = process.env.CHROMIUM_PATH?.trim();
  if (explicit) {
    return `Chromium not found: CHROMIUM_PATH=${explicit} is not an executable file — fix or unset it (or install Chromium with \`sudo apt-get install chromium\`)`;
  }
  return INSTALL_HINT;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  if (!findChromium()) {
    console.error(chromiumNotFoundMessage());
    process.exit(1);
  }
}

/**
 * The portal-like host name the e2e tests, the demo and the bench serve their pages under. The
 * shipped manifest runs on `*.edu.cn` only, so pages are served on 127.0.0.1 and Chromium is told
 * (`--host-resolver-rules`) that every `*.edu.cn` name is that address: the tests exercise the
 * production manifest as shipped, and nothing is looked up on the network.
 */
export const TEST_PORTAL_HOST = 'www.example.edu.cn';

/** `http://127.0.0.1:4179/x` → `http://www.example.edu.cn:4179/x` (a local server's URL as the browser should open it). */
export function portalUrl(loopbackUrl) {
  return loopbackUrl.replace(/^http:\/\/127\.0\.0\.1(?=[:/]|$)/, `http://${TEST_PORTAL_HOST}`);
}

/**
 * Flags for every Chromium this project starts (e2e harness, demo, bench, profiler): no sandbox
 * (root in CI), no GPU, and nothing that would reach for the network this machine does not have;
 * `*.edu.cn` resolves to 127.0.0.1 (see TEST_PORTAL_HOST).
 */
export function chromiumArgs({ extensionDir, lang } = {}) {
  return [
    '--host-resolver-rules=MAP *.edu.cn 127.0.0.1',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...(lang ? [`--lang=${lang}`] : []),
  ];
}
