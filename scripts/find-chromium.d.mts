// Types for find-chromium.mjs (imported by the TypeScript e2e harness).
export declare const INSTALL_HINT: string;
/** Absolute path of a usable Chromium ($CHROMIUM_PATH, /usr/bin/chromium, chromium/chromium-browser/google-chrome on PATH), or null. */
export declare function findChromium(): string | null;
/** One-line explanation of why findChromium() returned null. */
export declare function chromiumNotFoundMessage(): string;
/** Launch flags shared by the harness, demo and bench; with `extensionDir`, loads that unpacked extension. */
export declare function chromiumArgs(options?: { extensionDir?: string; lang?: string }): string[];
/** The portal-like host name (a `*.edu.cn` name) test pages are opened under; Chromium resolves it to 127.0.0.1. */
export declare const TEST_PORTAL_HOST: string;
/** A local server's http://127.0.0.1 URL with TEST_PORTAL_HOST in its place. */
export declare function portalUrl(loopbackUrl: string): string;
