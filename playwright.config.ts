import { defineConfig } from "@playwright/test";

// Report the extension service worker's requests too, so the no-network check sees them.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

/**
 * End-to-end tests of the built extension (extension/.output/chrome-mv3) in Debian's Chromium.
 * Run with `pnpm test:e2e` (builds core and the extension first).
 */
export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results/e2e",
  globalSetup: "./test/e2e/support/globalSetup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  // generous: a loaded 2-core CI machine compiles the lexicons and draws slowly; passing tests never wait for it
  expect: { timeout: 20_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: { trace: "retain-on-failure" },
});
