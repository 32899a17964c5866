import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/index.js';
import type { Language } from '../../shared/app/contract.js';
import { startBrowserHost } from './server.js';

/**
 * `npm run preview`: Groundwork in a browser, for development on machines without Electron and
 * for the end-to-end tests. Prints one line: the address to open.
 *
 *   --port N        the port on 127.0.0.1 (default 5183; 0 picks a free one)
 *   --data-dir DIR  where study files and the app's settings go (default ./.groundwork-preview)
 *   --lang nb|en    the language to treat as the system's (default: from the environment)
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5183' },
    'data-dir': { type: 'string', default: '.groundwork-preview' },
    lang: { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a whole number from 0 to 65535, not "${values.port}"\n`);
  process.exit(2);
}

const dataDir = path.resolve(values['data-dir']);
const studiesDir = path.join(dataDir, 'studies');
fs.mkdirSync(studiesDir, { recursive: true });

function systemLanguage(): Language {
  const chosen = values.lang ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return /^(nb|no|nn)/i.test(chosen) ? 'nb' : 'en';
}

const core = createCore({
  appVersion: readVersion(),
  userDataDir: path.join(dataDir, 'app'),
  defaultStudyFolder: studiesDir,
  systemLanguage: systemLanguage(),
  dialogs: null,
});

const host = await startBrowserHost(core, {
  port,
  rendererDir: path.resolve(import.meta.dirname, '../renderer'),
});
process.stdout.write(`Groundwork preview: ${host.url}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Closing the study takes its automatic backup and forgets the key.
  core.shutdown();
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function readVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
