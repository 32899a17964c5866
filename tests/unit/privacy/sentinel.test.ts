import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';

/**
 * A whole session with personal data in every field of the study page, then a search of every file
 * Groundwork could have written for that data in plaintext: the study, its WAL and shared memory
 * (while open too), the backups, the app's own settings, and the temp folders.
 *
 * SQLite reads TMPDIR once, when it starts, so the watched temp folder is set before the core (and
 * with it SQLite) is loaded: everything from the core is imported inside the test.
 */
const marker = 'Nordmann-7781-pv';
const sentinel = (field: string) => `SENTINEL-Kari-${marker}-${field}`;

const systemTmp = os.tmpdir();
const originalTmpdir = process.env.TMPDIR;
let root: string;
let watchedTmp: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(systemTmp, 'gw-test-'));
  watchedTmp = fs.mkdtempSync(path.join(systemTmp, 'gw-tmpdir-'));
  process.env.TMPDIR = watchedTmp;
});

afterAll(() => {
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(watchedTmp, { recursive: true, force: true });
});

function leaksIn(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'));
}

/** Every file below `dir` (changed since `since`, if given) whose name or bytes hold the marker. */
const repository = path.resolve(import.meta.dirname, '../../..');

function leakingFiles(dir: string, since = 0): string[] {
  const found: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    // The repository itself holds this test's source (and the test runner's cache of it), which
    // names the sentinel on purpose; a checkout may well sit inside the system temp folder.
    if (file.startsWith(repository + path.sep)) continue;
    if (file.includes(marker)) found.push(`${file} (name)`);
    if (!entry.isFile()) continue;
    try {
      const stat = fs.statSync(file);
      if (stat.mtimeMs < since || stat.size > 256 * 1024 * 1024) continue;
      if (leaksIn(fs.readFileSync(file))) found.push(file);
    } catch {
      // Gone or unreadable (another process's file): not ours.
    }
  }
  return found;
}

describe('privacy: no personal data in plaintext anywhere', () => {
  it('survives a whole session: create, edit, settings, passphrase change, backups, lock, reopen, close', async () => {
    const started = Date.now() - 1000;
    expect(os.tmpdir()).toBe(watchedTmp);
    const { createCore } = await import('../../../main/core/index.js');
    const { testPlatform, testPassphrase, otherPassphrase, value, companions } = await import('../../helpers/study.js');

    const log: string[] = [];
    const realWrite = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      log.push(String(chunk));
      return (realWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    });

    const platform = testPlatform(root);
    fs.mkdirSync(platform.defaultStudyFolder, { recursive: true });
    const core = createCore(platform);
    const file = path.join(platform.defaultStudyFolder, 'Study.groundwork');
    const openStudyFiles = () => [file, ...companions(file)];
    const scanWhileOpen = (when: string) => {
      const open = openStudyFiles();
      // The shared-memory file exists only in shared locking mode; the WAL always while open.
      expect(open, `${when}: the WAL exists`).toContain(`${file}-wal`);
      expect(open.filter((candidate) => leaksIn(fs.readFileSync(candidate))), when).toEqual([]);
    };

    try {
      value(await core.invoke('study.create', { title: sentinel('title'), path: file, passphrase: testPassphrase }));
      const page: StudyPage = {
        title: sentinel('title2'),
        researchQuestions: [sentinel('question1'), `${sentinel('question2')} ${'Hvordan opplevde du gruppen? '.repeat(50)}`],
        institution: sentinel('institution'),
        researcher: { name: sentinel('researcher'), contact: sentinel('researcher-contact') },
        dataProtectionOfficer: sentinel('dpo'),
        supervisors: [
          { name: sentinel('supervisor'), affiliation: sentinel('affiliation') },
          { name: sentinel('co-supervisor'), affiliation: sentinel('affiliation2') },
        ],
        ethics: { decision: 'approved', reference: sentinel('rek'), date: '2026-01-12' },
        sikt: { reference: sentinel('sikt'), date: '2026-02-03' },
        // Long enough to spill into overflow pages.
        dataManagementNotes: `${sentinel('notes')} ${'Lydopptak slettes etter transkribering. '.repeat(400)} ${sentinel('notes-end')}`,
        plannedEndDate: '2027-06-30',
        endOfStudyAction: 'anonymise',
        recordingDeletionDays: 7,
      };
      expect(value<StudyPage>(await core.invoke('studyPage.update', page))).toEqual(page);
      // Edit again, so that old versions of the rows are left behind in the WAL and free pages.
      value(await core.invoke('studyPage.update', { ...page, institution: sentinel('institution-v2') }));
      value(await core.invoke('study.updateSettings', { idleLockMinutes: 30, backupsToKeep: 3 }));
      value(await core.invoke('app.setLanguage', { language: 'nb' }));
      const manualFolder = path.join(root, 'manual backups');
      fs.mkdirSync(manualFolder);
      value(await core.invoke('study.backupNow', { path: path.join(manualFolder, 'Manual.groundwork') }));
      scanWhileOpen('after editing, before the passphrase change');

      value(await core.invoke('study.changePassphrase', { current: testPassphrase, next: otherPassphrase }));
      value(await core.invoke('studyPage.update', { ...page, institution: sentinel('institution-v3') }));
      scanWhileOpen('after the passphrase change');

      value(await core.invoke('study.lock', {})); // takes the automatic backup
      expect(companions(file)).toEqual([]);

      value(await core.invoke('study.open', { path: file, passphrase: otherPassphrase }));
      expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe(sentinel('institution-v3'));
      scanWhileOpen('after reopening');
      value(await core.invoke('study.close', {}));
    } finally {
      core.shutdown();
    }

    expect(companions(file)).toEqual([]);
    // The sentinel really went in: the study holds it, behind the key.
    const { openWithSqlcipher } = await import('../../helpers/study.js');
    const check = openWithSqlcipher(file, otherPassphrase, { readonly: true });
    try {
      expect(check.prepare('SELECT institution FROM study').pluck().get()).toBe(sentinel('institution-v3'));
    } finally {
      check.close();
    }

    expect(fs.readdirSync(path.join(platform.defaultStudyFolder, 'Groundwork backups'))).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, 'manual backups'))).toEqual(['Manual.groundwork']);
    expect(fs.existsSync(path.join(platform.userDataDir, 'settings.json'))).toBe(true);

    // Everything under the test's own folder: the study, both backup folders, userData.
    expect(leakingFiles(root)).toEqual([]);
    // The watched temp folder should hold nothing at all, and the system's nothing new of ours.
    expect(fs.readdirSync(watchedTmp)).toEqual([]);
    expect(leakingFiles(systemTmp, started)).toEqual([]);
    expect(log.filter((line) => line.includes(marker))).toEqual([]);
  });

  it('would notice the marker, in a name or in UTF-8 or UTF-16 bytes', () => {
    const dir = fs.mkdtempSync(path.join(root, 'scan-check-'));
    fs.mkdirSync(path.join(dir, 'deep', 'er'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deep', 'utf8.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(sentinel('x'), 'utf8')]));
    fs.writeFileSync(path.join(dir, 'deep', 'er', 'utf16.bin'), Buffer.from(`xx${sentinel('y')}`, 'utf16le'));
    fs.writeFileSync(path.join(dir, `${sentinel('name')}.txt`), 'nothing inside');
    fs.writeFileSync(path.join(dir, 'clean.bin'), 'Kari Nordmann');
    expect(leakingFiles(dir).map((file) => path.relative(dir, file)).sort()).toEqual(
      [`${sentinel('name')}.txt (name)`, path.join('deep', 'er', 'utf16.bin'), path.join('deep', 'utf8.bin')].sort(),
    );
    fs.rmSync(dir, { recursive: true });
  });
});
