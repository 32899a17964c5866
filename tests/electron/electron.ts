import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export const missingElectronReason =
  'Electron binary not installed on this machine (it cannot be downloaded here): skipped the Electron end-to-end test';

/**
 * The Electron executable `npm install electron` would run, or null when its binary is missing.
 * Checked by its files, never with `require('electron')`: that require starts a download.
 */
export function electronExecutable(): string | null {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  let electronDir: string;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const executable = override ? path.join(override, relative) : path.join(electronDir, 'dist', relative);
  return fs.existsSync(executable) ? executable : null;
}

/** The environment for the app under test: its own profile folder, English, not Node mode. */
export function appEnvironment(userDataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  return {
    ...env,
    GROUNDWORK_USER_DATA_DIR: userDataDir,
    LANG: 'en_US.UTF-8',
    LANGUAGE: 'en_US:en',
    LC_ALL: 'en_US.UTF-8',
  };
}
