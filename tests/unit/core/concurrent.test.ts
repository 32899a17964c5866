import { describe, expect, it } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';
import { freshStudy, testCore, testPassphrase, value } from '../../helpers/study.js';

describe('one study, two Groundworks', () => {
  // The shell allows one instance per user, but a study on a shared or synced drive can be opened
  // from a second machine (or a second user) at the same time. The contract has an error for it.
  it('refuses to open a study another Groundwork has open', async () => {
    const { root, core, file } = await freshStudy();
    const other = testCore(root);
    const result = await other.invoke('study.open', { path: file, passphrase: testPassphrase });
    if (result.ok) {
      // What the refusal prevents: two sessions writing the same study, each with its own idea of it.
      const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
      value(await core.invoke('studyPage.update', { ...page, institution: 'Fra maskin A' }));
      value(await other.invoke('studyPage.update', { ...page, institution: 'Fra maskin B' }));
    }
    expect(result).toEqual({ ok: false, error: { code: 'study.alreadyOpen' } });
    // The first stays open and usable.
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Recovery i hverdagen');
  });
});
