import type { Overview } from '../../../shared/overview/contract.js';
import { daysUntil, dueSoonDays } from '../../../shared/recordings/deadlines.js';
import { currentConsent } from '../consent/validity.js';
import type { StudyReader } from '../db/connection.js';
import { listRecordings } from '../recordings/register.js';
import { listRequests } from '../requests/register.js';

/** What needs the researcher's attention today, gathered from every register. */
export function readOverview(reader: StudyReader, today: string): Overview {
  const participantsByStatus = { asked: 0, consented: 0, interviewed: 0, completed: 0, withdrawn: 0 };
  const participants = reader
    .query<{ id: number; pseudonym: string; status: keyof typeof participantsByStatus }>('SELECT id, pseudonym, status FROM participant ORDER BY id')
    .all();
  for (const participant of participants) participantsByStatus[participant.status] += 1;
  const withoutConsent = participants
    .filter((participant) => participant.status !== 'withdrawn' && currentConsent(reader, participant.id) === null)
    .map(({ id, pseudonym }) => ({ id, pseudonym }));

  const kept = listRecordings(reader).filter((recording) => recording.deletedOn === null);
  const recordingsDue = kept
    .filter((recording) => recording.deletionDueOn !== null && daysUntil(recording.deletionDueOn, today) <= dueSoonDays)
    .map((recording) => ({ id: recording.id, pseudonym: recording.pseudonym, due: recording.deletionDueOn!, days: daysUntil(recording.deletionDueOn!, today) }));

  const requestsOpen = listRequests(reader)
    .filter((request) => request.status === 'open')
    .map((request) => ({ id: request.id, pseudonym: request.pseudonym, kind: request.kind, due: request.deadline, days: daysUntil(request.deadline, today) }));

  const study = reader
    .query<{ planned_end_date: string | null; end_of_study_action: Overview['end']['action'] }>('SELECT planned_end_date, end_of_study_action FROM study WHERE id = 1')
    .get();
  const plannedEndDate = study?.planned_end_date ?? null;
  return {
    today,
    participantsByStatus,
    withoutConsent,
    recordingsDue,
    recordingsAwaitingTranscription: kept.filter((recording) => recording.transcribedOn === null).length,
    requestsOpen,
    end: {
      plannedEndDate,
      daysLeft: plannedEndDate === null ? null : daysUntil(plannedEndDate, today),
      action: study?.end_of_study_action ?? 'delete',
    },
  };
}
