// Unit tests: pure lib/ code under happy-dom, with WXT's fake browser and storage.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    restoreMocks: true,
    // Messages in unit tests come from an extension page, as the writer requires (see the file).
    setupFiles: ['tests/setup/extension-sender.ts'],
    // The property tests build thousands of random pages in happy-dom; a worker's default 4 GB heap
    // ran out on an unlucky draw (about one run in five). The machines have 24 GB.
    execArgv: ['--max-old-space-size=8192'],
  },
});
