// Types for firefox.mjs (imported by the TypeScript Firefox e2e harness).
import type { Browser, Page } from 'puppeteer-core';
export declare const FIREFOX_INSTALL_HINT: string;
export declare const GECKO_ID: string;
export declare const EXTENSION_UUID: string;
/** Absolute path of a usable Firefox ($FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox), or null. */
export declare function findFirefox(): string | null;
/** One-line explanation of why findFirefox() returned null. */
export declare function firefoxNotFoundMessage(): string;
export interface LaunchedFirefox {
  browser: Browser;
  executablePath: string;
  /** moz-extension://<uuid>/<file> */
  extensionUrl(file: string): string;
  /** Opens moz-extension://<uuid>/<file> in a new tab, resolved once its document has loaded. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}
export declare function launchFirefox(options: {
  extensionDir: string;
  hosts?: string[];
  locale?: string;
  headless?: boolean;
  prefs?: Record<string, unknown>;
}): Promise<LaunchedFirefox>;
