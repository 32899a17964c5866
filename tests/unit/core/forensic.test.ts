import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';
import { containsText, freshStudy, otherPassphrase, sqlcipher4, testPassphrase, value } from '../../helpers/study.js';

/**
 * The study file page by page, with node:crypto only: what someone who has the file (and perhaps an
 * old passphrase) could find in it, beyond what SQLite shows.
 */
describe('the study file, page by page', () => {
  it('leaves no page under the old passphrase after a change (a former colleague knows it)', async () => {
    const { core, file } = await freshStudy();
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(await core.invoke('studyPage.update', { ...page, dataManagementNotes: 'Notat. '.repeat(2500) }));
    // Free pages too: make some, then change the passphrase.
    value(await core.invoke('studyPage.update', { ...page, dataManagementNotes: 'Kort.' }));
    value(await core.invoke('study.changePassphrase', { current: testPassphrase, next: otherPassphrase }));
    value(await core.invoke('study.close', {}));

    const pages = sqlcipher4.pages(file);
    expect(pages.length).toBeGreaterThan(4);
    const salt = pages[0]!.page.subarray(0, 16);
    const oldKeys = sqlcipher4.keys(testPassphrase, salt);
    const newKeys = sqlcipher4.keys(otherPassphrase, salt);
    const underNew = pages.filter(({ page: bytes, number }) => sqlcipher4.authenticates(bytes, number, newKeys.hmacKey)).length;
    const underOld = pages.filter(({ page: bytes, number }) => sqlcipher4.authenticates(bytes, number, oldKeys.hmacKey)).length;
    expect({ underNew, underOld }).toEqual({ underNew: pages.length, underOld: 0 });
  });

  it('keeps nothing of deleted text, even for someone with the passphrase (secure_delete)', async () => {
    // A participant withdraws: what was deleted must not be recoverable from free pages or slack.
    const withdrawn = 'SENTINEL-Kari-Nordmann-7781-withdrawn';
    const { root, core, file } = await freshStudy();
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(
      await core.invoke('studyPage.update', {
        ...page,
        researchQuestions: [`${withdrawn} ${'x'.repeat(1500)}`, 'Spørsmål to'],
        supervisors: [{ name: withdrawn, affiliation: 'UiB' }],
        dataManagementNotes: `${withdrawn} ${'Notat. '.repeat(2500)}`,
      }),
    );
    value(await core.invoke('studyPage.update', { ...page, researchQuestions: ['Spørsmål to'], supervisors: [], dataManagementNotes: 'Kort.' }));
    const backup = path.join(root, 'after-delete.groundwork');
    value(await core.invoke('study.backupNow', { path: backup }));
    value(await core.invoke('study.close', {}));

    for (const target of [file, backup]) {
      const plaintext = sqlcipher4.plaintext(target, testPassphrase);
      // The decryption works (the schema is readable) and the withdrawn text is gone.
      expect(plaintext.includes(Buffer.from('CREATE TABLE study'))).toBe(true);
      expect(plaintext.includes(Buffer.from('Spørsmål to'))).toBe(true);
      expect(containsText(plaintext, withdrawn), path.basename(target)).toBe(false);
      expect(containsText(plaintext, 'Kari-Nordmann'), path.basename(target)).toBe(false);
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
