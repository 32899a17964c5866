import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';
import { companions, containsText, freshStudy, testPassphrase, value } from '../../helpers/study.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sentinel = 'SENTINEL-Kari-Nordmann-7781-crash';

describe('after a crash', () => {
  it('keeps the last committed change, kept encrypted in the WAL meanwhile', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));

    // Another process opens the study as the core does, commits a change and is killed before it
    // can close: the change is only in the WAL.
    const script = `
      const Database = require('better-sqlite3-multiple-ciphers');
      const db = new Database(process.argv[1]);
      db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key='" + process.argv[2] + "'");
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      db.pragma('wal_autocheckpoint = 0');
      db.prepare('UPDATE study SET institution = ?').run(process.argv[3]);
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['-e', script, file, testPassphrase, sentinel], { cwd: repo, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(companions(file)).toContain(`${file}-wal`);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    for (const candidate of [file, ...companions(file)]) expect(containsText(fs.readFileSync(candidate), sentinel), candidate).toBe(false);

    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe(sentinel);
    value(await core.invoke('study.close', {}));
    expect(companions(file)).toEqual([]);
    expect(containsText(fs.readFileSync(file), sentinel)).toBe(false);
  });

  it('refuses a wrong passphrase without touching the left-over WAL', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));
    const script = `
      const Database = require('better-sqlite3-multiple-ciphers');
      const db = new Database(process.argv[1]);
      db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key='" + process.argv[2] + "'");
      db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
      db.prepare("UPDATE study SET institution = 'etter krasj'").run();
      process.kill(process.pid, 'SIGKILL');
    `;
    spawnSync(process.execPath, ['-e', script, file, testPassphrase], { cwd: repo });
    const wal = fs.readFileSync(`${file}-wal`);
    const main = fs.readFileSync(file);

    expect(await core.invoke('study.open', { path: file, passphrase: 'Feil-passord-etter-krasjen-99' })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);
    expect(fs.readFileSync(file).equals(main)).toBe(true);

    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe('etter krasj');
  });
});
