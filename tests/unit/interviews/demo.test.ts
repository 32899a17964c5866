import { describe, expect, it } from 'vitest';
import type { GuideVersion, GuideVersionWithContent } from '../../../shared/guide/contract.js';
import { diffGuides } from '../../../shared/guide/diff.js';
import type { InterviewSummary } from '../../../shared/interviews/contract.js';
import { freshStudy, value } from '../../helpers/study.js';

describe('the demo study', () => {
  it('has guide version 1 used (frozen) by three interviews, and version 2 as a draft with the changes since', async () => {
    const { core } = await freshStudy();
    value(await core.invoke('study.openDemo', {}));
    const [v2, v1] = value<GuideVersion[]>(await core.invoke('guide.versions', { language: 'en' }));
    expect(v1).toMatchObject({ version: 1, interviews: 3, language: 'nb' });
    expect(v1!.frozenAt).not.toBeNull();
    expect(v2).toMatchObject({ version: 2, interviews: 0, frozenAt: null });

    const content = async (id: number) => value<GuideVersionWithContent>(await core.invoke('guide.version', { id })).content;
    const changes = diffGuides(await content(v1!.id), await content(v2!.id)).map(({ change, key }) => `${change} ${key}`);
    expect(changes).toEqual(expect.arrayContaining(['added work-and-activity', 'changed living-with', 'moved group-helped']));

    const interviews = value<InterviewSummary[]>(await core.invoke('interviews.list', {}));
    expect(interviews.map((interview) => [interview.pseudonym, interview.setting, interview.guideVersion])).toEqual([
      ['Deltaker 3', 'video', 1],
      ['Deltaker 2', 'home', 1],
      ['Deltaker 1', 'groupRoom', 1],
    ]);
    // Deltaker 3 chose notes instead of a recording; the other two have theirs from the register.
    expect(interviews.map((interview) => interview.recordings)).toEqual([0, 1, 1]);
    for (const interview of interviews) {
      expect(interview.covered).toBeGreaterThan(0);
      expect(interview.covered).toBeLessThan(interview.questions);
    }
  });
});
