import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from './electron.js';

/**
 * Checks on the built files that need no Electron binary. A sandboxed preload can `require` only
 * Electron's own modules: a bundled-out dependency (e.g. `require("zod")`) would leave the page
 * without `window.groundwork`, and nothing else here would notice.
 */
const preload = path.join(repoRoot, 'out/preload/index.cjs');
const mainEntry = path.join(repoRoot, 'out/main/index.js');

test('the preload bundle requires nothing but electron', () => {
  test.skip(!fs.existsSync(preload), 'out/preload/index.cjs is not built (run `npm run build` first)');
  const source = fs.readFileSync(preload, 'utf8');
  const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
  expect(required.filter((name) => name !== 'electron')).toEqual([]);
  expect(source).not.toMatch(/\bimport\s*\(/);
});

test('the Electron entry does not load the browser host', () => {
  test.skip(!fs.existsSync(mainEntry), 'out/main/index.js is not built (run `npm run build` first)');
  const imports = [...fs.readFileSync(mainEntry, 'utf8').matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((match) => match[1]);
  expect(imports.filter((name) => name?.includes('host'))).toEqual([]);
});
