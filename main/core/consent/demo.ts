import type { StudyWriter } from '../db/connection.js';
import { seedStarterDocuments } from './documents.js';
import { recordConsent } from './records.js';

/**
 * The demo study's consents: everyone the demo says has consented signed version 1 of the bokmål
 * letter and form, on paper, on the day of their consent. One chose notes instead of a recording,
 * one said no to quotes, so both cases can be seen.
 */
export function addDemoConsents(writer: StudyWriter): void {
  seedStarterDocuments(writer);
  const documentId = writer.query<{ id: number }>("SELECT id FROM consent_document WHERE kind = ? AND language = 'nb' AND version = 1");
  const letter = documentId.get('letter');
  const form = documentId.get('form');
  if (!letter || !form) return;
  const participants = writer
    .query<{ id: number; consented_on: string }>('SELECT id, consented_on FROM participant WHERE consented_on IS NOT NULL ORDER BY id')
    .all();
  participants.forEach((participant, index) => {
    recordConsent(writer, {
      participantId: participant.id,
      letterId: letter.id,
      formId: form.id,
      signedOn: participant.consented_on,
      signedPlace: 'Fjordvik',
      method: 'paper',
      allowsRecording: index !== 2,
      allowsQuotes: index !== 3,
      confirmedOn: participant.consented_on,
    });
  });
}
