#!/usr/bin/env node
// `npm start`: build with electron-vite, make sure Electron's binary is there, then run the app.
//
// Electron's npm package does not contain Electron itself: the binary is downloaded from GitHub
// on first use (`npx install-electron --no` does it on demand). We check for it by its files,
// never with `require('electron')`, because that require starts the download as a side effect.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** The Electron executable if it is installed, else null (same rule as electron's own index.js). */
function installedElectron(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : null;
}

// 1. Build the main process, the preload and the renderer.
const viteDir = path.dirname(require.resolve('electron-vite/package.json'));
const viteBin = path.join(viteDir, require('electron-vite/package.json').bin['electron-vite']);
const build = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('The build failed (see above), so Groundwork was not started.');

// 2. Electron's binary: install it if it is missing.
const electronDir = path.dirname(require.resolve('electron/package.json'));
let electron = installedElectron(electronDir);
if (!electron) {
  console.log('Electron is not installed yet: downloading it once (about 100 MB) from GitHub…');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: 'inherit' });
  electron = install.status === 0 ? installedElectron(electronDir) : null;
  if (!electron) {
    fail(
      'Electron could not be downloaded (this machine cannot reach GitHub, where Electron is published), ' +
        'so the desktop app cannot start here: run `npm run preview` to use Groundwork in a browser instead.',
    );
  }
}

// 3. Run the app. ELECTRON_RUN_AS_NODE would make Electron a plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => fail(`Electron could not be started: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
