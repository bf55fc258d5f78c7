// The reader panel's accessible names as the e2e contract has them, read from the locales
// (public/_locales/*/messages.json), as patterns matching either UI language: the demo and the
// bench find the outline by these instead of keeping copies. Plain JSON reading, so it runs in
// plain Node as well as under vite-node.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LOCALES = ['zh_CN', 'en'];

function messages(locale) {
  const file = fileURLToPath(new URL(`../public/_locales/${locale}/messages.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching message `key` in any of the UI's locales. */
export function nameInAnyLocale(key) {
  return new RegExp(LOCALES.map((locale) => escape(messages(locale)[key].message)).join('|'));
}

/** The outline navigation's name (文档导航 / Document outline). */
export const NAV_NAME = nameInAnyLocale('navLabel');
/** The rail's button that opens the full outline (打开完整目录 / Open the full outline). */
export const EXPAND_NAME = nameInAnyLocale('openOutlineLabel');
