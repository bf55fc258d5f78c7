// E2E config: the built extension (.output/chrome-mv3) in system Chromium, fixtures served on 127.0.0.1:4179
// (opened as http://www.example.edu.cn:4179, which Chromium resolves there: see scripts/find-chromium.mjs).
// Browser launch lives in tests/e2e/harness.ts (persistent context per test); a second loopback origin,
// when a test needs one, comes from startExtraServer() there — not from this config.
import { defineConfig } from '@playwright/test';

const CI = !!process.env.CI;
// E2E_PORT lets two checkouts run their suites side by side (each its own fixture server); keep in
// sync with FIXTURE_PORT in tests/e2e/harness.ts.
const FIXTURE_PORT = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: 'list',
  // A CI machine is shared and slower than a desk: twice the room before a wait gives up. These are
  // ceilings on waiting for a state, never assertions about speed (that is `npm run bench`).
  timeout: CI ? 60_000 : 30_000,
  expect: { timeout: CI ? 10_000 : 5_000 },
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve.mjs tests/fixtures ${FIXTURE_PORT} 127.0.0.1`,
    url: `http://127.0.0.1:${FIXTURE_PORT}/__health`,
    reuseExistingServer: !CI,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
