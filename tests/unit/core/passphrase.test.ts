import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';
import { companions, freshStudy, openWithSqlcipher, otherPassphrase, sha256, testPassphrase, value } from '../../helpers/study.js';

describe('changing the passphrase', () => {
  it('makes the old passphrase fail and the new one open, and keeps the study in WAL mode', async () => {
    const { core, file } = await freshStudy('Rekey-studie');
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(await core.invoke('studyPage.update', { ...page, institution: 'Universitetet i Bergen' }));

    expect(await core.invoke('study.changePassphrase', { current: testPassphrase, next: otherPassphrase })).toEqual({ ok: true, value: {} });
    expect(core.session.require().db.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    // Still usable after the change, without reopening.
    value(await core.invoke('studyPage.update', { ...page, institution: 'Universitetet i Oslo' }));
    value(await core.invoke('study.close', {}));
    expect(companions(file)).toEqual([]);

    expect(await core.invoke('study.open', { path: file, passphrase: testPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    value(await core.invoke('study.open', { path: file, passphrase: otherPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe('Universitetet i Oslo');
    expect(core.session.require().db.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    value(await core.invoke('study.close', {}));

    // Still SQLCipher 4 with its defaults, so other tools open it with the new passphrase.
    const db = openWithSqlcipher(file, otherPassphrase, { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM study').pluck().get()).toBe('Rekey-studie');
      expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256_000);
    } finally {
      db.close();
    }
  });

  it('refuses a weak new passphrase and changes nothing', async () => {
    const { core, file } = await freshStudy();
    for (const weak of ['passord123', 'abc', 'Recovery i hverdagen']) {
      expect(await core.invoke('study.changePassphrase', { current: testPassphrase, next: weak })).toEqual({
        ok: false,
        error: { code: 'passphrase.tooWeak' },
      });
    }
    value(await core.invoke('study.close', {}));
    expect((await core.invoke('study.open', { path: file, passphrase: testPassphrase })).ok).toBe(true);
  });

  it('refuses a wrong current passphrase and leaves the file as it was', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));
    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    const before = sha256(file);

    expect(await core.invoke('study.changePassphrase', { current: 'Ikke-riktig-passord-heller-42', next: otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'passphrase.wrongCurrent' },
    });
    expect(sha256(file)).toBe(before);
    expect(core.session.require().db.connection.pragma('journal_mode', { simple: true })).toBe('wal');

    value(await core.invoke('study.close', {}));
    expect(await core.invoke('study.open', { path: file, passphrase: otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    expect((await core.invoke('study.open', { path: file, passphrase: testPassphrase })).ok).toBe(true);
  });

  it('refuses a new passphrase equal to the current one', async () => {
    const { core } = await freshStudy();
    expect(await core.invoke('study.changePassphrase', { current: testPassphrase, next: testPassphrase })).toEqual({
      ok: false,
      error: { code: 'passphrase.sameAsCurrent' },
    });
  });

  it('handles quotes in passphrases (they are bound into a PRAGMA literal)', async () => {
    const { core, file } = await freshStudy();
    const quoted = `Kari's "hemmelige" ord; DROP TABLE study; --'`;
    value(await core.invoke('study.changePassphrase', { current: testPassphrase, next: quoted }));
    value(await core.invoke('study.close', {}));
    value(await core.invoke('study.open', { path: file, passphrase: quoted }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Recovery i hverdagen');
    value(await core.invoke('study.close', {}));
    expect(fs.existsSync(file)).toBe(true);
  });
});
