import type { StudyWriter } from '../db/connection.js';
import { writeIdentity } from '../participants/identity.js';
import { addParticipant, setParticipantStatus } from '../participants/participants.js';
import { withdrawParticipant } from './withdrawal.js';

/**
 * One invented participant who withdrew, so the demo shows what a withdrawal leaves behind: a
 * pseudonym, a status and the withdrawal record, and nothing else about the person.
 */
export function addDemoWithdrawal(writer: StudyWriter): void {
  const participant = addParticipant(writer, { pseudonym: 'Deltaker 7', status: 'asked', on: '2026-03-08' });
  setParticipantStatus(writer, participant.id, 'consented', '2026-03-12');
  writeIdentity(writer, participant.id, { name: 'Oppdiktet Person', phone: '400 00 007', email: '', address: '' });
  withdrawParticipant(writer, {
    participantId: participant.id,
    scope: 'deleteEverything',
    withdrawnOn: '2026-03-20',
    communicatedHow: 'Telefon til forskeren',
    typedPseudonym: participant.pseudonym,
  });
}
