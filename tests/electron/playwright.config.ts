import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the real Electron app (`out/main/index.js`; run `npm run build` first).
 * Where Electron's binary is not installed (it cannot be downloaded on our build machines) the
 * launch test skips and says why. On Linux without a display, run under `xvfb-run`.
 */
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '*.spec.ts',
  // One app at a time: each test launches its own Electron with its own profile.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
