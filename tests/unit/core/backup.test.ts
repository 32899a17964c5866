import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backup, StudyPage } from '../../../shared/study/contract.js';
import { StudySession } from '../../../main/core/study/session.js';
import { automaticBackupName, listBackups, writeBackup } from '../../../main/core/backup/backup.js';
import {
  companions,
  freshStudy,
  listFiles,
  otherPassphrase,
  sha256,
  tempDir,
  testCore,
  testPassphrase,
  value,
} from '../../helpers/study.js';

describe('backing up by hand', () => {
  it('writes a copy that opens like any study, with the same study page, and lists it', async () => {
    const { root, core, file } = await freshStudy('Backup-studie');
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    const edited = { ...page, institution: 'NTNU', researchQuestions: ['Hva hjelper?'] };
    value(await core.invoke('studyPage.update', edited));
    const target = path.join(root, 'minnepinne', 'Backup-studie kopi.groundwork');
    fs.mkdirSync(path.dirname(target));

    const backup = value<Backup>(await core.invoke('study.backupNow', { path: target }));
    expect(backup).toMatchObject({ path: target, fileName: 'Backup-studie kopi.groundwork', kind: 'manual', bytes: fs.statSync(target).size });
    // Only the backup itself is left in the folder: no partial file, no WAL.
    expect(listFiles(path.dirname(target))).toEqual(['Backup-studie kopi.groundwork']);
    expect(value<Backup[]>(await core.invoke('study.backups', {}))).toEqual([backup]);

    value(await core.invoke('study.close', {}));
    value(await core.invoke('study.open', { path: target, passphrase: testPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {}))).toEqual(edited);
    value(await core.invoke('study.close', {}));
    expect(fs.existsSync(file)).toBe(true);
  });

  it("refuses to write over the study's own file or its companions", async () => {
    const { core, file } = await freshStudy();
    for (const target of [file, `${file}-wal`, `${file}-shm`, path.join(path.dirname(file), '.', path.basename(file))]) {
      expect(await core.invoke('study.backupNow', { path: target })).toEqual({ ok: false, error: { code: 'backup.targetIsStudy' } });
    }
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Recovery i hverdagen');
    expect(value<Backup[]>(await core.invoke('study.backups', {}))).toEqual([]);
  });

  it("refuses the study's own file reached by another path (a linked folder), and loses no edit", async () => {
    // On macOS and Windows the same happens with the name in other letter case.
    const { root, core, file } = await freshStudy();
    const linked = path.join(root, 'linked studies');
    fs.symlinkSync(path.dirname(file), linked, 'dir');
    const sameFile = path.join(linked, path.basename(file));
    expect(fs.statSync(sameFile).ino).toBe(fs.statSync(file).ino);

    const result = await core.invoke('study.backupNow', { path: sameFile });
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(await core.invoke('studyPage.update', { ...page, institution: 'Skrevet etter backupen' }));
    value(await core.invoke('study.close', {}));
    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe('Skrevet etter backupen');
    expect(result).toEqual({ ok: false, error: { code: 'backup.targetIsStudy' } });
  });

  it('refuses a folder that does not exist', async () => {
    const { root, core } = await freshStudy();
    expect(await core.invoke('study.backupNow', { path: path.join(root, 'nowhere', 'b.groundwork') })).toEqual({
      ok: false,
      error: { code: 'backup.folderMissing' },
    });
  });

  it('needs an open study', async () => {
    const core = testCore(tempDir());
    expect(await core.invoke('study.backupNow', { path: path.join(tempDir(), 'b.groundwork') })).toEqual({
      ok: false,
      error: { code: 'study.notOpen' },
    });
  });

  it('keeps a backup made before a passphrase change openable with the old passphrase', async () => {
    const { root, core, file } = await freshStudy();
    const before = path.join(root, 'before.groundwork');
    value(await core.invoke('study.backupNow', { path: before }));
    value(await core.invoke('study.changePassphrase', { current: testPassphrase, next: otherPassphrase }));
    const after = path.join(root, 'after.groundwork');
    value(await core.invoke('study.backupNow', { path: after }));
    value(await core.invoke('study.close', {}));

    expect(await core.invoke('study.open', { path: before, passphrase: otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    value(await core.invoke('study.open', { path: before, passphrase: testPassphrase }));
    value(await core.invoke('study.close', {}));
    expect(await core.invoke('study.open', { path: after, passphrase: testPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    value(await core.invoke('study.open', { path: after, passphrase: otherPassphrase }));
    value(await core.invoke('study.close', {}));
    expect(companions(file)).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('are taken on closing', async () => {
    const { core, file } = await freshStudy();
    const folder = value<{ backupFolder: string }>(await core.invoke('study.settings', {})).backupFolder;
    expect(folder).toBe(path.join(path.dirname(file), 'Groundwork backups'));
    value(await core.invoke('study.close', {}));

    const files = listFiles(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Study \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.groundwork$/);
    value(await core.invoke('study.open', { path: path.join(folder, files[0]!), passphrase: testPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Recovery i hverdagen');
  });

  it('are taken at most once a day, and rotation keeps the newest N and never touches a file it did not make', async () => {
    const root = tempDir();
    const file = path.join(root, 'Daily.groundwork');
    const folder = path.join(root, 'backups');
    let clock = new Date(2026, 10, 2, 10, 0, 0);
    const session = new StudySession({ now: () => clock });
    const at = (day: number, hour: number) => new Date(2026, 10, 2 + day, hour, 0, 0);

    session.create({ title: 'Daglig', path: file, passphrase: testPassphrase });
    session.updateSettings({ backupFolder: folder, backupsToKeep: 2 });
    fs.mkdirSync(folder, { recursive: true });
    // Files that merely look like backups, and one with the very name a backup will get later.
    const strangers = ['Daily 2026-11-01 09.00.00.groundwork', automaticBackupName(file, at(2, 10)), 'mine notater.txt', '.hidden'];
    for (const name of strangers) fs.writeFileSync(path.join(folder, name), `ikke en backup: ${name}`);
    const strangerHashes = strangers.map((name) => sha256(path.join(folder, name)));
    const backupFiles = () => listFiles(folder).filter((name) => !strangers.includes(name));

    session.close(); // day 0, 10:00: the first automatic backup
    expect(backupFiles()).toEqual([automaticBackupName(file, at(0, 10))]);

    clock = at(0, 15);
    session.open({ path: file, passphrase: testPassphrase });
    session.close(); // same day: none
    expect(backupFiles()).toHaveLength(1);

    clock = at(1, 9); // 23 hours after the first: still none
    session.open({ path: file, passphrase: testPassphrase });
    session.lock('manual');
    expect(backupFiles()).toHaveLength(1);

    for (const day of [2, 3, 4]) {
      clock = at(day, 10);
      session.open({ path: file, passphrase: testPassphrase });
      session.close();
    }
    expect(backupFiles()).toEqual([automaticBackupName(file, at(3, 10)), automaticBackupName(file, at(4, 10))].sort());
    expect(strangers.map((name) => sha256(path.join(folder, name)))).toEqual(strangerHashes);

    clock = at(4, 11);
    session.open({ path: file, passphrase: testPassphrase });
    const listed = session.require().db.read(listBackups);
    expect(listed.map((backup) => backup.fileName).sort()).toEqual(backupFiles());
    expect(listed.every((backup) => backup.kind === 'automatic')).toBe(true);
    session.close();
  });

  it('rotation leaves manual backups alone', async () => {
    const root = tempDir();
    const file = path.join(root, 'Manual.groundwork');
    const folder = path.join(root, 'backups');
    let clock = new Date(2026, 10, 2, 10, 0, 0);
    const session = new StudySession({ now: () => clock });
    session.create({ title: 'Manuell', path: file, passphrase: testPassphrase });
    session.updateSettings({ backupFolder: folder, backupsToKeep: 1 });
    fs.mkdirSync(folder, { recursive: true });
    const manual = path.join(folder, 'Manual handmade.groundwork');
    writeBackup(session.require().db, file, manual, 'manual', clock);
    for (const day of [0, 1, 2]) {
      clock = new Date(2026, 10, 2 + day, 12, 0, 0);
      if (day > 0) session.open({ path: file, passphrase: testPassphrase });
      session.close();
    }
    expect(fs.existsSync(manual)).toBe(true);
    expect(listFiles(folder)).toEqual(['Manual handmade.groundwork', automaticBackupName(file, clock)].sort());
  });

  it('never keep the study open when they fail', async () => {
    const { root, core, file } = await freshStudy();
    // A backup "folder" that is a file: making the folder and the backup both fail.
    const notAFolder = path.join(root, 'backups-is-a-file');
    fs.writeFileSync(notAFolder, 'x');
    value(await core.invoke('study.updateSettings', { backupFolder: notAFolder }));
    const db = core.session.require().db;

    expect(value(await core.invoke('study.close', {}))).toEqual({ status: 'closed' });
    expect(db.isOpen).toBe(false);
    expect(companions(file)).toEqual([]);
    expect(listFiles(root).filter((name) => name.includes('.partial'))).toEqual([]);
    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    // The failure is not silent: the next time the study is open, the researcher is told.
    const status = value<{ lastAutomaticAt: string | null; lastFailureAt: string | null }>(await core.invoke('study.backupStatus', {}));
    expect(status.lastAutomaticAt).toBeNull();
    expect(status.lastFailureAt).not.toBeNull();

    // Once the folder is right again, the next close makes a backup and the status says so.
    value(await core.invoke('study.updateSettings', { backupFolder: path.join(root, 'backups') }));
    value(await core.invoke('study.close', {}));
    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    const after = value<{ lastAutomaticAt: string | null; lastFailureAt: string | null }>(await core.invoke('study.backupStatus', {}));
    expect(after.lastAutomaticAt! > after.lastFailureAt!).toBe(true);
  });

  it('never deletes a backup that has since been opened and worked in (a restore)', async () => {
    // Restoring means opening a backup; the researcher may go on working in it. Rotation by the
    // original study must not then delete it as an old copy.
    const root = tempDir();
    const file = path.join(root, 'Original.groundwork');
    const folder = path.join(root, 'backups');
    let clock = new Date(2026, 10, 2, 10, 0, 0);
    const session = new StudySession({ now: () => clock });
    session.create({ title: 'Original', path: file, passphrase: testPassphrase });
    session.updateSettings({ backupFolder: folder, backupsToKeep: 1 });
    session.close(); // day 0: the first automatic backup
    const [restored] = listFiles(folder);
    const restoredPath = path.join(folder, restored!);

    clock = new Date(2026, 10, 3, 10, 0, 0);
    const worker = new StudySession({ now: () => clock });
    worker.open({ path: restoredPath, passphrase: testPassphrase });
    worker.updateSettings({ backupFolder: path.join(root, 'restored backups') });
    worker.require().db.write((writer) => writer.statement("UPDATE study SET institution = 'Arbeid etter gjenoppretting'").run());
    worker.close();

    // Later the original is opened again, twice on different days: its rotation (keep 1) runs.
    for (const day of [4, 5]) {
      clock = new Date(2026, 10, day, 10, 0, 0);
      session.open({ path: file, passphrase: testPassphrase });
      session.close();
    }
    expect(fs.existsSync(restoredPath)).toBe(true);
  });
});

