import { addDays } from 'date-fns';
import { toIso } from '../../../shared/recordings/deadlines.js';
import type { StudyWriter } from '../db/connection.js';
import { answerRequest, registerRequest } from './register.js';

/**
 * The demo's requests: Deltaker 2 asked for access ten days ago (open, due in about three weeks),
 * and Deltaker 1 asked to have a date corrected, which was answered.
 */
export function addDemoRequests(writer: StudyWriter, today = new Date()): void {
  const day = (offset: number) => toIso(addDays(today, offset));
  const participant = (pseudonym: string) => writer.query<{ id: number }>('SELECT id FROM participant WHERE pseudonym = ?').get(pseudonym);
  const first = participant('Deltaker 1');
  const second = participant('Deltaker 2');
  if (!first || !second) return;
  registerRequest(writer, { kind: 'access', receivedOn: day(-10), participantId: second.id, notes: 'Ba per telefon om å få se hva som er lagret om henne.' });
  const corrected = registerRequest(writer, {
    kind: 'rectification',
    receivedOn: day(-45),
    participantId: first.id,
    notes: 'Oppga feil år for når gruppen ble fullført.',
  });
  answerRequest(writer, { id: corrected, answeredOn: day(-40), status: 'answered', notes: 'Rettet i deltakertabellen og bekreftet i brev.' });
}
