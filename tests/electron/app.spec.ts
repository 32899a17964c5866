import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { appEnvironment, electronExecutable, missingElectronReason, repoRoot } from './electron.js';

const executable = electronExecutable();
const mainEntry = path.join(repoRoot, 'out/main/index.js');
// A passphrase the strength meter accepts; it protects nothing but this test's throwaway file.
const passphrase = 'fjord lantern copper 71 quietly autumn';

let workDir = '';
let app: ElectronApplication | null = null;

test.beforeEach(() => {
  if (!executable) {
    // Said on stdout as well, so a CI log shows plainly why nothing ran.
    console.log(missingElectronReason);
    test.skip(true, missingElectronReason);
  }
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electron-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

async function launch(): Promise<Page> {
  if (!executable) throw new Error(missingElectronReason);
  if (!fs.existsSync(mainEntry)) throw new Error('out/main/index.js is missing: run `npm run build` first.');
  app = await electron.launch({
    executablePath: executable,
    args: [mainEntry, '--lang=en-US'],
    cwd: repoRoot,
    env: appEnvironment(path.join(workDir, 'profile')),
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return window;
}

/** Native dialogs cannot be driven by Playwright: answer them in the main process instead. */
async function answerSaveDialogsWith(file: string): Promise<void> {
  await app?.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
  }, file);
}

test('the page gets the bridge and nothing else', async () => {
  const window = await launch();
  const facts = await window.evaluate(async () => {
    const host = window as unknown as Record<string, unknown> & {
      groundwork: { invoke(channel: string, input: unknown): Promise<unknown> };
    };
    return {
      bridge: Object.keys(host.groundwork).sort(),
      require: typeof host['require'],
      process: typeof host['process'],
      unknownChannel: await host.groundwork.invoke('no.such.channel', {}),
      info: await host.groundwork.invoke('app.info', {}),
    };
  });
  expect(facts.bridge).toEqual(['invoke', 'on', 'onMenu']);
  expect(facts.require).toBe('undefined');
  expect(facts.process).toBe('undefined');
  expect(facts.unknownChannel).toEqual({ ok: false, error: { code: 'channel.unknown' } });
  expect(facts.info).toMatchObject({ ok: true, value: { systemLanguage: 'en', nativeDialogs: true } });
});

test('creates a study, locks it and unlocks it', async () => {
  const window = await launch();
  const studyFile = path.join(workDir, 'Pilot interviews.groundwork');
  await answerSaveDialogsWith(studyFile);

  await window.getByRole('button', { name: 'Create a new study' }).click();
  await window.getByRole('textbox', { name: 'Study title' }).fill('Pilot interviews');
  const fileBox = window.getByRole('textbox', { name: 'File' });
  if (await fileBox.isEditable()) await fileBox.fill(studyFile);
  // Password fields have no ARIA role (not even "textbox"), so they are found by their label.
  await window.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await window.getByLabel('Repeat passphrase', { exact: true }).fill(passphrase);
  await window.getByRole('button', { name: 'Create study' }).click();

  const lock = window.getByRole('button', { name: 'Lock study' });
  await expect(lock).toBeVisible();
  expect(fs.existsSync(studyFile)).toBe(true);

  await lock.click();
  const unlock = window.getByRole('button', { name: 'Unlock' });
  await expect(unlock).toBeVisible();
  await window.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await unlock.click();
  await expect(window.getByRole('button', { name: 'Lock study' })).toBeVisible();
});
