import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

/**
 * End-to-end tests: the real UI in Debian's Chromium, driving the real core through the browser
 * host. Each test starts a host of its own with an empty data folder (see fixtures.ts).
 * Run `npm run build` first (npm test does).
 */
export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    launchOptions: chromiumLaunchOptions,
    locale: 'en-GB',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
  },
});
