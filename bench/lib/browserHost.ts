/**
 * What the benches that drive the built UI share: the browser host (as the end-to-end tests use
 * it) with an empty data folder of its own, and Debian's Chromium (`GROUNDWORK_CHROMIUM` to use
 * another). Both need `npm run build` first (`out/main/host.js`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const appRoot = path.resolve(import.meta.dirname, '../..');
const hostScript = path.join(appRoot, 'out/main/host.js');

export interface BrowserHost {
  /** Where the host serves the app. */
  url: string;
  /** The host's data folder (studies are made below it). */
  dataDir: string;
  /** Stops the host and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts the browser host on a free port with a new temp data folder `gw-bench-<name>-…`. */
export async function startBrowserHost(name: string): Promise<BrowserHost> {
  if (!fs.existsSync(hostScript)) throw new Error('Build first: npm run build (out/main/host.js is missing)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gw-bench-${name}-`));
  const host = spawn(process.execPath, [hostScript, '--port', '0', '--data-dir', dataDir, '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  const stop = async () => {
    if (host.exitCode === null && host.signalCode === null) {
      host.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`The browser host did not start: ${output}`)), 30_000);
      host.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Groundwork preview: (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      host.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      host.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The browser host exited (${code}): ${output}`));
      });
    });
    return { url, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Headless Chromium with the background services that would disturb a measure turned off. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.GROUNDWORK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));
  if (!executablePath) throw new Error('No Chromium found: install Debian’s chromium or set GROUNDWORK_CHROMIUM');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
