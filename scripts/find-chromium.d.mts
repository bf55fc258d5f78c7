// Types for find-chromium.mjs (imported by the TypeScript e2e harness).
export declare const INSTALL_HINT: string;
/** Absolute path of a usable Chromium ($CHROMIUM_PATH, /usr/bin/chromium, chromium/chromium-browser/google-chrome on PATH), or null. */
export declare function findChromium(): string | null;
/** One-line explanation of why findChromium() returned null. */
export declare function chromiumNotFoundMessage(): string;
/** Launch flags shared by the harness, demo and bench; with `extensionDir`, loads that unpacked extension. */
export declare function chromiumArgs(options?: { extensionDir?: string; lang?: string }): string[];
