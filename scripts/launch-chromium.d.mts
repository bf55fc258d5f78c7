// Types for launch-chromium.mjs (imported by the TypeScript e2e harness).
import type { BrowserContext, Page, Worker } from '@playwright/test';

/** The Chromium build of the extension (.output/chrome-mv3). */
export declare const EXTENSION_DIR: string;

export interface ChromiumLaunchOptions {
  userDataDir: string;
  /** Default EXTENSION_DIR. */
  extensionDir?: string;
  /** Browser UI language, e.g. 'zh-CN' (default) or 'en-US'. */
  lang?: string;
  /** Default true. */
  headless?: boolean;
  /** Playwright's viewport; null keeps a headed window's size. Default: Playwright's. */
  viewport?: { width: number; height: number } | null;
  /** More Chromium flags. */
  args?: string[];
  /** Default findChromium(). */
  executablePath?: string | null;
  /**
   * An executable started instead of Chromium (e.g. to run it in a private mount namespace), given
   * Chromium's arguments and the browser's path in $GONGWEN_CHROMIUM; it must exec that browser.
   */
  wrapper?: string;
  workerTimeoutMs?: number;
}

export interface LaunchedChromium {
  context: BrowserContext;
  serviceWorker: Worker;
  /** 32 chars a–p, from the service worker's URL. */
  extensionId: string;
  /** The context's first tab. */
  page: Page;
}

/** The extension's background service worker (running, or the next to start within `timeout` ms), or null. */
export declare function extensionServiceWorker(context: BrowserContext, timeout?: number): Promise<Worker | null>;

/** Chromium with the built extension on a persistent profile, and the extension's service worker. */
export declare function launchChromiumWithExtension(options: ChromiumLaunchOptions): Promise<LaunchedChromium>;
