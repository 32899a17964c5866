import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionState, StudySettings } from '../../../shared/study/contract.js';
import { freshStudy, listFiles, listFilesRecursive, sha256, tempDir, testCore, testPassphrase, value } from '../../helpers/study.js';

describe('creating a study', () => {
  it('refuses a weak passphrase, or the title itself, and writes no file', async () => {
    const root = tempDir();
    const core = testCore(root);
    const file = path.join(root, 'studies', 'Weak.groundwork');
    for (const passphrase of ['passord1', 'abcdefghij', 'Recovery i hverdagen 2026']) {
      expect(await core.invoke('study.create', { title: 'Recovery i hverdagen 2026', path: file, passphrase })).toEqual({
        ok: false,
        error: { code: 'passphrase.tooWeak' },
      });
    }
    expect(listFiles(path.join(root, 'studies'))).toEqual([]);
  });

  it('refuses a passphrase made from the words of the title (the file name shows them)', async () => {
    // The suggested file name is the title, so the title is as good as public.
    const root = tempDir();
    const core = testCore(root);
    const title = 'Recovery i hverdagen 2026';
    for (const passphrase of ['Recovery i hverdagen', 'recoveryihverdagen2026', 'Hverdagen recovery 2026']) {
      const file = path.join(root, 'studies', 'Recovery i hverdagen 2026.groundwork');
      expect(await core.invoke('study.create', { title, path: file, passphrase }), passphrase).toEqual({
        ok: false,
        error: { code: 'passphrase.tooWeak' },
      });
    }
  });

  it('refuses the obvious Norwegian passwords', async () => {
    // zxcvbn's dictionaries are English: Norwegian words count as random letters.
    const root = tempDir();
    const core = testCore(root);
    for (const passphrase of ['Passord123!', 'sommer2026!', 'Hemmelig123!', 'Vinterferie2026']) {
      const file = path.join(root, 'studies', 'Study.groundwork');
      expect(await core.invoke('study.create', { title: 'Studie', path: file, passphrase }), passphrase).toEqual({
        ok: false,
        error: { code: 'passphrase.tooWeak' },
      });
    }
  });

  it('never writes over an existing file, and leaves the open study open', async () => {
    const { root, core, file } = await freshStudy('Den åpne');
    const existing = path.join(root, 'studies', 'Existing.groundwork');
    fs.writeFileSync(existing, 'viktig innhold');
    const before = sha256(existing);

    for (const target of [existing, file]) {
      expect(await core.invoke('study.create', { title: 'Ny', path: target, passphrase: testPassphrase })).toEqual({
        ok: false,
        error: { code: 'study.fileExists' },
      });
    }
    expect(sha256(existing)).toBe(before);
    expect(value<SessionState>(await core.invoke('study.state', {}))).toMatchObject({ status: 'open', study: { title: 'Den åpne' } });
  });

  it('refuses a folder that does not exist', async () => {
    const root = tempDir();
    const core = testCore(root);
    expect(await core.invoke('study.create', { title: 'Ny', path: path.join(root, 'nope', 'a.groundwork'), passphrase: testPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.folderMissing' },
    });
    expect(fs.existsSync(path.join(root, 'nope'))).toBe(false);
  });
});

describe('the backup folder setting', () => {
  it('never sends backups to wherever the app happens to be running from', async () => {
    // In a packaged app the working directory is '/' on macOS, or the install folder: a relative
    // backup folder would mean backups that silently fail, or land somewhere nobody looks.
    const { root, core } = await freshStudy();
    const cwd = process.cwd();
    const elsewhere = tempDir();
    process.chdir(elsewhere);
    try {
      const result = await core.invoke('study.updateSettings', { backupFolder: 'sikkerhetskopier' });
      value(await core.invoke('study.close', {})); // takes the automatic backup
      expect(listFilesRecursive(elsewhere)).toEqual([]);
      // Either refused, or made absolute (say, beside the study) before it is stored.
      if (result.ok) expect(path.isAbsolute((result.value as StudySettings).backupFolder)).toBe(true);
      else expect(result.error.code).toBe('input.invalid');
      expect(listFilesRecursive(root).filter((file) => file.endsWith('.groundwork'))).toHaveLength(2);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('passphrases borrowed from the title', () => {
  it('counts a piece of a title word as borrowed, and judges only what is left', async () => {
    const { judgePassphrase } = await import('../../../shared/passphrase/strength.js');
    const related = ['Erfaringer fra en recoverygruppe', 'Erfaringer fra en recoverygruppe.groundwork'];
    expect(judgePassphrase('Erfaring123', related)).toMatchObject({ acceptable: false, fromTitle: true });
    expect(judgePassphrase('recoverygruppa2026', related)).toMatchObject({ acceptable: false, fromTitle: true });
    expect(judgePassphrase('gruppe erfaring hverdag 2026', related).acceptable).toBe(false);
    // Strong passphrases with nothing from the title stay strong, and punctuation alone is not "from the title".
    expect(judgePassphrase('lantern orchard velvet 1987 quarry', related).acceptable).toBe(true);
    expect(judgePassphrase('!!!!!!!!!!!!', []).fromTitle).toBe(false);
  });
});
