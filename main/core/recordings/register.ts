import { deletionDueOn, byUrgency } from '../../../shared/recordings/deadlines.js';
import { detectAudio, maxAudioBytes } from '../../../shared/recordings/audio.js';
import type { Recording, RecordingCandidate, RegisterRecording } from '../../../shared/recordings/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import { currentConsent } from '../consent/validity.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { requireActiveParticipant } from '../participants/participants.js';

/**
 * The recordings register: every recording from when it was made to its confirmed deletion. A
 * deleted recording keeps its row as the receipt (made, transcribed, deleted when, how, by whom);
 * audio stored inside the study is removed with it (`secure_delete` overwrites the freed pages).
 */

interface RecordingRow {
  id: number;
  participant_id: number;
  pseudonym: string;
  made_at: string;
  kept_where: string;
  format: string;
  length_seconds: number | null;
  notes: string;
  transcribed_on: string | null;
  deletion_due_on: string | null;
  deleted_on: string | null;
  deleted_how: string;
  deletion_confirmed_by: string;
  audio_file_name: string | null;
  audio_media_type: string | null;
  audio_bytes: number | null;
}

const selectRecordings = `
  SELECT r.id, r.participant_id, p.pseudonym, r.made_at, r.kept_where, r.format, r.length_seconds, r.notes,
    r.transcribed_on, r.deletion_due_on, r.deleted_on, r.deleted_how, r.deletion_confirmed_by,
    a.file_name AS audio_file_name, a.media_type AS audio_media_type, length(a.content) AS audio_bytes
  FROM recording r
  JOIN participant p ON p.id = r.participant_id
  LEFT JOIN recording_audio a ON a.recording_id = r.id`;

function toRecording(row: RecordingRow): Recording {
  return {
    id: row.id,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    madeOn: row.made_at,
    keptWhere: row.kept_where,
    format: row.format,
    lengthSeconds: row.length_seconds,
    notes: row.notes,
    transcribedOn: row.transcribed_on,
    deletionDueOn: row.deletion_due_on,
    deletedOn: row.deleted_on,
    deletedHow: row.deleted_how,
    deletionConfirmedBy: row.deletion_confirmed_by,
    audio:
      row.audio_file_name !== null
        ? { fileName: row.audio_file_name, mediaType: row.audio_media_type ?? '', bytes: row.audio_bytes ?? 0 }
        : null,
  };
}

/**
 * Every recording, most urgent first: those still kept, by deletion deadline (overdue first), then
 * kept ones not yet transcribed (no deadline yet), then the receipts of deleted ones, newest first.
 */
export function listRecordings(reader: StudyReader): Recording[] {
  const all = reader.query<RecordingRow>(selectRecordings).all().map(toRecording);
  const kept = all.filter((recording) => recording.deletedOn === null);
  const deleted = all.filter((recording) => recording.deletedOn !== null);
  kept.sort(byUrgency((recording) => recording.deletionDueOn, (recording) => recording.id));
  deleted.sort((a, b) => (a.deletedOn! < b.deletedOn! ? 1 : a.deletedOn! > b.deletedOn! ? -1 : b.id - a.id));
  return [...kept, ...deleted];
}

export function readRecording(reader: StudyReader, id: number): Recording {
  const row = reader.query<RecordingRow>(`${selectRecordings} WHERE r.id = ?`).get(id);
  if (!row) throw new GroundworkError('recording.missing');
  return toRecording(row);
}

export function listCandidates(reader: StudyReader): RecordingCandidate[] {
  return reader
    .query<{ id: number; pseudonym: string }>('SELECT id, pseudonym FROM participant ORDER BY id')
    .all()
    .map((participant) => {
      const consent = currentConsent(reader, participant.id);
      const state = consent === null ? 'missing' : consent.allowsRecording ? 'valid' : 'noRecordingOption';
      return { id: participant.id, pseudonym: participant.pseudonym, consent: state };
    });
}

function decodeAudio(base64: string): { bytes: Buffer; mediaType: string } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new GroundworkError('recording.audioUnsupported');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxAudioBytes) throw new GroundworkError('recording.audioTooLarge');
  const mediaType = detectAudio(bytes);
  if (!mediaType) throw new GroundworkError('recording.audioUnsupported');
  return { bytes, mediaType };
}

/** Registers a recording; refused without a valid consent that includes audio recording. */
export function registerRecording(writer: StudyWriter, input: RegisterRecording, now = new Date()): number {
  requireActiveParticipant(writer, input.participantId);
  const consent = currentConsent(writer, input.participantId);
  if (!consent) throw new GroundworkError('consent.missing');
  if (!consent.allowsRecording) throw new GroundworkError('consent.noRecordingOption');
  const audio = input.audio ? decodeAudio(input.audio.base64) : null;

  const { lastInsertRowid } = writer
    .statement(
      `INSERT INTO recording (participant_id, made_at, kept_where, format, length_seconds, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.participantId, input.madeOn, input.keptWhere.trim(), input.format.trim(), input.lengthSeconds, input.notes, now.toISOString());
  const id = Number(lastInsertRowid);
  if (audio && input.audio) {
    writer
      .statement('INSERT INTO recording_audio (recording_id, file_name, media_type, content) VALUES (?, ?, ?, ?)')
      .run(id, input.audio.fileName.trim(), audio.mediaType, audio.bytes);
  }
  recordAudit(writer, 'recording.registered', { recordingId: id, audioStored: audio !== null });
  return id;
}

function keptRecording(writer: StudyWriter, id: number): { transcribed_on: string | null } {
  const row = writer.query<{ deleted_on: string | null; transcribed_on: string | null }>('SELECT deleted_on, transcribed_on FROM recording WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('recording.missing');
  if (row.deleted_on !== null) throw new GroundworkError('recording.alreadyDeleted');
  return row;
}

/** Marks a recording transcribed; its deletion falls due by the study page's rule. */
export function markTranscribed(writer: StudyWriter, id: number, transcribedOn: string): void {
  keptRecording(writer, id);
  const made = writer.query<{ made_at: string }>('SELECT made_at FROM recording WHERE id = ?').get(id);
  if (made && transcribedOn < made.made_at) throw new GroundworkError('recording.transcribedBeforeMade');
  const study = writer.query<{ days: number }>('SELECT recording_deletion_days AS days FROM study WHERE id = 1').get();
  const due = deletionDueOn(transcribedOn, study?.days ?? 0);
  writer.statement('UPDATE recording SET transcribed_on = ?, deletion_due_on = ? WHERE id = ?').run(transcribedOn, due, id);
  recordAudit(writer, 'recording.transcribed', { recordingId: id, deletionDays: study?.days ?? 0 });
}

/** Records a deletion: the receipt stays, the stored audio (if any) goes. */
export function recordDeletion(
  writer: StudyWriter,
  input: { id: number; deletedOn: string; deletedHow: string; confirmedBy: string },
): void {
  keptRecording(writer, input.id);
  const removed = writer.statement('DELETE FROM recording_audio WHERE recording_id = ?').run(input.id).changes;
  writer
    .statement('UPDATE recording SET deleted_on = ?, deleted_how = ?, deletion_confirmed_by = ? WHERE id = ?')
    .run(input.deletedOn, input.deletedHow.trim(), input.confirmedBy.trim(), input.id);
  recordAudit(writer, 'recording.deleted', { recordingId: input.id, audioRemoved: removed });
}
