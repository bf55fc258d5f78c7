// What every measure of bench/run.mjs shares: where the built extension and the reference parser
// are, the Chromium flags and CPU slowdown, and launching Chromium with the extension.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../scripts/find-chromium.mjs';
import { launchWithExtension as launch } from './browser.mjs';
import { BenchError } from './options';
import { TARGETS } from './targets';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const CONTENT_JS = path.join(EXTENSION_DIR, 'content-scripts', 'content.js');
export const READABILITY_JS = path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js');
export const THROTTLE = TARGETS.cpuThrottlingRate;
/** Chromium without the extension (baselines, phrase finding, the sheet's cost). */
export const BASE_ARGS = chromiumArgs({ lang: 'zh-CN' });

export const launchWithExtension = (executablePath, userDataDir) =>
  launch({ executablePath, userDataDir, extensionDir: EXTENSION_DIR, makeError: (message) => new BenchError(message) });
