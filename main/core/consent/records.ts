import type { ConsentRecord, ParticipantConsents, RecordConsentInput, ScanSummary } from '../../../shared/consent/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { freezeDocument } from './documents.js';

interface ConsentRow {
  id: number;
  participant_id: number;
  letter_id: number;
  letter_version: number;
  form_id: number;
  form_version: number;
  language: ConsentRecord['language'];
  signed_on: string;
  signed_place: string;
  method: ConsentRecord['method'];
  allows_recording: number;
  allows_quotes: number;
  confirmed_by_researcher_on: string | null;
  created_at: string;
  scan_file_name: string | null;
  scan_media_type: ScanSummary['mediaType'] | null;
  scan_bytes: number | null;
}

const selectConsents = `
  SELECT c.id, c.participant_id, c.letter_id, l.version AS letter_version, c.form_id, f.version AS form_version,
    f.language, c.signed_on, c.signed_place, c.method, c.allows_recording, c.allows_quotes,
    c.confirmed_by_researcher_on, c.created_at,
    -- Only columns before the scan's bytes: one after them would make SQLite walk every scan.
    s.file_name AS scan_file_name, s.media_type AS scan_media_type, length(s.content) AS scan_bytes
  FROM consent c
  JOIN consent_document l ON l.id = c.letter_id
  JOIN consent_document f ON f.id = c.form_id
  LEFT JOIN consent_scan s ON s.consent_id = c.id`;

function toRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    participantId: row.participant_id,
    letterId: row.letter_id,
    letterVersion: row.letter_version,
    formId: row.form_id,
    formVersion: row.form_version,
    language: row.language,
    signedOn: row.signed_on,
    signedPlace: row.signed_place,
    method: row.method,
    allowsRecording: row.allows_recording === 1,
    allowsQuotes: row.allows_quotes === 1,
    confirmedOn: row.confirmed_by_researcher_on,
    createdAt: row.created_at,
    scan:
      row.scan_file_name !== null && row.scan_media_type !== null
        ? { fileName: row.scan_file_name, mediaType: row.scan_media_type, bytes: row.scan_bytes ?? 0 }
        : null,
  };
}

export function readConsent(reader: StudyReader, id: number): ConsentRecord {
  const row = reader.query<ConsentRow>(`${selectConsents} WHERE c.id = ?`).get(id);
  if (!row) throw new GroundworkError('consent.recordMissing');
  return toRecord(row);
}

/** Every participant, each with their consents, the one that counts (the latest) first. */
export function listParticipantConsents(reader: StudyReader): ParticipantConsents[] {
  const byParticipant = new Map<number, ConsentRecord[]>();
  for (const row of reader.query<ConsentRow>(`${selectConsents} ORDER BY c.signed_on DESC, c.id DESC`).iterate()) {
    const list = byParticipant.get(row.participant_id) ?? [];
    list.push(toRecord(row));
    byParticipant.set(row.participant_id, list);
  }
  return reader
    .query<{ id: number; pseudonym: string; status: ParticipantConsents['status'] }>(
      'SELECT id, pseudonym, status FROM participant ORDER BY id',
    )
    .all()
    .map((participant) => ({
      participantId: participant.id,
      pseudonym: participant.pseudonym,
      status: participant.status,
      consents: byParticipant.get(participant.id) ?? [],
    }));
}

/**
 * Records a consent (a first one, or a renewed one on a newer version). It freezes the letter and
 * form versions it was given on, and moves a participant who was only asked to 'consented'.
 */
export function recordConsent(writer: StudyWriter, input: RecordConsentInput, now = new Date()): ConsentRecord {
  const participant = writer
    .query<{ status: string }>('SELECT status FROM participant WHERE id = ?')
    .get(input.participantId);
  // A withdrawn participant no longer takes part: a new consent would be a new enrolment.
  if (!participant || participant.status === 'withdrawn') throw new GroundworkError('consent.participantMissing');
  const kindOf = writer.query<{ kind: string; language: string }>('SELECT kind, language FROM consent_document WHERE id = ?');
  const letter = kindOf.get(input.letterId);
  const form = kindOf.get(input.formId);
  if (letter?.kind !== 'letter' || form?.kind !== 'form') throw new GroundworkError('consent.documentMissing', letter?.kind === 'letter' ? ['formId'] : ['letterId']);

  const { lastInsertRowid } = writer
    .statement(
      `INSERT INTO consent (participant_id, letter_id, form_id, signed_on, signed_place, method,
        allows_recording, allows_quotes, confirmed_by_researcher_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.participantId,
      input.letterId,
      input.formId,
      input.signedOn,
      input.signedPlace.trim(),
      input.method,
      input.allowsRecording ? 1 : 0,
      input.allowsQuotes ? 1 : 0,
      input.confirmedOn,
      now.toISOString(),
    );
  const id = Number(lastInsertRowid);
  freezeDocument(writer, input.letterId, now);
  freezeDocument(writer, input.formId, now);
  if (participant.status === 'asked') {
    writer.statement("UPDATE participant SET status = 'consented', consented_on = ? WHERE id = ?").run(input.signedOn, input.participantId);
  }
  const renewed = writer.query<{ count: number }>('SELECT count(*) AS count FROM consent WHERE participant_id = ?').get(input.participantId);
  recordAudit(
    writer,
    'consent.recorded',
    {
      consentId: id,
      participantId: input.participantId,
      letterId: input.letterId,
      formId: input.formId,
      method: input.method,
      allowsRecording: input.allowsRecording,
      allowsQuotes: input.allowsQuotes,
      renewal: (renewed?.count ?? 1) > 1,
    },
    now,
  );
  return readConsent(writer, id);
}
