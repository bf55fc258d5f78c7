// Firefox e2e: the shipped Firefox build in the system Firefox, driven over WebDriver BiDi with
// puppeteer-core (Playwright's Firefox is a patched build that cannot be downloaded here). Vitest,
// not Playwright Test: TypeScript as-is, the unit tests' expect/poll, and a closing pass/fail count.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    // One Firefox at a time: the machine is small and each file starts its own browser.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
