import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../shared/overview/contract.js';
import type { Recording } from '../../../shared/recordings/contract.js';
import type { RightsRequest } from '../../../shared/requests/contract.js';
import type { StudyPage } from '../../../shared/study/contract.js';
import { freshStudy, value } from '../../helpers/study.js';
import { addConsent, addParticipant } from '../recordings/setup.js';

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

describe('the study overview', () => {
  it('is empty but complete for a new study', async () => {
    const study = await freshStudy();
    const overview = value<Overview>(await study.core.invoke('overview.get', {}));
    expect(overview).toEqual({
      today: day(0),
      participantsByStatus: { asked: 0, consented: 0, interviewed: 0, completed: 0, withdrawn: 0 },
      withoutConsent: [],
      recordingsDue: [],
      recordingsAwaitingTranscription: 0,
      requestsOpen: [],
      end: { plannedEndDate: null, daysLeft: null, action: 'delete' },
    });
  });

  it('gathers participants by status, missing consents, recordings and requests due, and days to the end', async () => {
    const study = await freshStudy();
    const page = value<StudyPage>(await study.core.invoke('studyPage.get', {}));
    value(await study.core.invoke('studyPage.update', { ...page, plannedEndDate: day(100), endOfStudyAction: 'anonymise', recordingDeletionDays: 0 }));
    const asked = addParticipant(study, 'Deltaker 1', 'asked');
    const interviewed = addParticipant(study, 'Deltaker 2', 'interviewed');
    addConsent(study, interviewed, { recording: true, signedOn: '2020-01-01' });
    addParticipant(study, 'Deltaker 3', 'withdrawn');
    const noConsent = addParticipant(study, 'Deltaker 4', 'consented');

    const register = async () =>
      value<Recording>(
        await study.core.invoke('recordings.register', { participantId: interviewed, madeOn: '2020-01-01', keptWhere: 'Diktafon', format: '', lengthSeconds: null, notes: '', }),
      ).id;
    const overdue = await register();
    const soon = await register();
    const later = await register();
    const gone = await register();
    await register(); // not transcribed yet
    await study.core.invoke('recordings.markTranscribed', { id: overdue, transcribedOn: day(-3) });
    await study.core.invoke('recordings.markTranscribed', { id: soon, transcribedOn: day(2) });
    await study.core.invoke('recordings.markTranscribed', { id: later, transcribedOn: day(30) });
    await study.core.invoke('recordings.markTranscribed', { id: gone, transcribedOn: day(-10) });
    value(await study.core.invoke('recordings.recordDeletion', { id: gone, deletedOn: day(-9), deletedHow: 'Slettet', confirmedBy: 'Forskeren' }));

    const open = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'access', receivedOn: day(-40), participantId: asked, notes: '' }));
    const answered = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'erasure', receivedOn: day(-5), participantId: null, notes: '' }));
    value(await study.core.invoke('requests.answer', { id: answered.id, answeredOn: day(0), status: 'answered', notes: '' }));

    const overview = value<Overview>(await study.core.invoke('overview.get', {}));
    expect(overview.participantsByStatus).toEqual({ asked: 1, consented: 1, interviewed: 1, completed: 0, withdrawn: 1 });
    expect(overview.withoutConsent).toEqual([
      { id: asked, pseudonym: 'Deltaker 1' },
      { id: noConsent, pseudonym: 'Deltaker 4' },
    ]);
    expect(overview.recordingsDue).toEqual([
      { id: overdue, pseudonym: 'Deltaker 2', due: day(-3), days: -3 },
      { id: soon, pseudonym: 'Deltaker 2', due: day(2), days: 2 },
    ]);
    expect(overview.recordingsAwaitingTranscription).toBe(1);
    expect(overview.requestsOpen).toEqual([{ id: open.id, pseudonym: 'Deltaker 1', kind: 'access', due: open.dueOn, days: overview.requestsOpen[0]!.days }]);
    expect(overview.requestsOpen[0]!.days).toBeLessThan(0);
    expect(overview.end).toEqual({ plannedEndDate: day(100), daysLeft: 100, action: 'anonymise' });
  });
});
