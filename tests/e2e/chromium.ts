import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Playwright cannot download its own browsers here; Debian's Chromium works. Set
 * GROUNDWORK_CHROMIUM to use another build. The background-networking flags keep Chromium from
 * calling home, which a closed network refuses.
 */
const executablePath =
  process.env.GROUNDWORK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));

export const chromiumLaunchOptions: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
