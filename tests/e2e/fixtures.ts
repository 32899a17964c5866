import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

const hostScript = path.resolve(import.meta.dirname, '../../out/main/host.js');

export interface Host {
  /** The address with this run's token, as `npm run preview` prints it. */
  url: string;
  /** The host's data folder: `studies/` for study files, `app/` for the app's settings. */
  dataDir: string;
  studiesDir: string;
}

/** Starts a browser host of its own with an empty data folder; stops it and removes the folder after. */
async function startHost(language: 'en' | 'nb'): Promise<{ host: Host; stop: () => Promise<void> }> {
  if (!fs.existsSync(hostScript)) throw new Error('Build first: npm run build (out/main/host.js is missing)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [hostScript, '--port', '0', '--data-dir', dataDir, '--lang', language], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The browser host did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Groundwork preview: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`The browser host exited (${code}): ${output}`)));
  });
  return {
    host: { url, dataDir, studiesDir: path.join(dataDir, 'studies') },
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ hostLanguage: 'en' | 'nb'; host: Host }>({
  hostLanguage: ['en', { option: true }],
  host: async ({ hostLanguage }, use) => {
    const { host, stop } = await startHost(hostLanguage);
    await use(host);
    await stop();
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };

/** A passphrase that the strength rules accept. */
export const strongPassphrase = 'lantern orchard velvet 1987 quarry';
export const otherStrongPassphrase = 'harbour thistle compass 2031 meadow';
