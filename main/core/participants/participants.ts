import { GroundworkError } from '../../../shared/contract/errors.js';
import { nextPseudonym as nextFreePseudonym } from '../../../shared/participants/attributes.js';
import type { Participant, ParticipantStatus, SettableStatus } from '../../../shared/participants/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

interface ParticipantRow {
  id: number;
  pseudonym: string;
  status: ParticipantStatus;
  asked_on: string | null;
  consented_on: string | null;
  interviewed_on: string | null;
  completed_on: string | null;
  withdrawn_on: string | null;
  created_at: string;
}

// Never `SELECT *` joined with anything: the identifying details live in another table and must
// not reach a list by accident.
const columns = 'id, pseudonym, status, asked_on, consented_on, interviewed_on, completed_on, withdrawn_on, created_at';

/** The column that holds the date of each status. Fixed names, so safe to put into SQL. */
const dateColumn: Record<ParticipantStatus, keyof ParticipantRow> = {
  asked: 'asked_on',
  consented: 'consented_on',
  interviewed: 'interviewed_on',
  completed: 'completed_on',
  withdrawn: 'withdrawn_on',
};

function toParticipant(row: ParticipantRow): Participant {
  const dates = {
    asked: row.asked_on,
    consented: row.consented_on,
    interviewed: row.interviewed_on,
    completed: row.completed_on,
    withdrawn: row.withdrawn_on,
  };
  return { id: row.id, pseudonym: row.pseudonym, status: row.status, statusDate: dates[row.status], dates, createdAt: row.created_at };
}

/** Every participant, by id (the order they were added). No identifying details. */
export function listParticipants(reader: StudyReader): Participant[] {
  return reader.query<ParticipantRow>(`SELECT ${columns} FROM participant ORDER BY id`).all().map(toParticipant);
}

export function participantById(reader: StudyReader, id: number): Participant | null {
  const row = reader.query<ParticipantRow>(`SELECT ${columns} FROM participant WHERE id = ?`).get(id);
  return row ? toParticipant(row) : null;
}

/** Like participantById, but a missing participant is the researcher-facing error. */
export function requireParticipant(reader: StudyReader, id: number): Participant {
  const participant = participantById(reader, id);
  if (!participant) throw new GroundworkError('participant.notFound');
  return participant;
}

/**
 * Like requireParticipant, for writes that add details about a person: after a withdrawal nothing
 * new may be stored about them (the withdrawal promised their details were deleted).
 */
export function requireActiveParticipant(reader: StudyReader, id: number): Participant {
  const participant = requireParticipant(reader, id);
  if (participant.status === 'withdrawn') throw new GroundworkError('participant.withdrawn');
  return participant;
}

export function nextPseudonym(reader: StudyReader): string {
  return nextFreePseudonym(reader.query<{ pseudonym: string }>('SELECT pseudonym FROM participant').all().map((row) => row.pseudonym));
}

function pseudonymTaken(reader: StudyReader, pseudonym: string, except: number | null): boolean {
  // The column is COLLATE NOCASE, so this compares as the UNIQUE constraint does.
  const row = reader.query<{ id: number }>('SELECT id FROM participant WHERE pseudonym = ?').get(pseudonym);
  return row !== undefined && row.id !== except;
}

export function addParticipant(
  writer: StudyWriter,
  input: { pseudonym: string; status: SettableStatus; on: string },
  now = new Date(),
): Participant {
  const pseudonym = input.pseudonym.trim();
  if (pseudonymTaken(writer, pseudonym, null)) throw new GroundworkError('participant.pseudonymTaken');
  const result = writer
    .statement(`INSERT INTO participant (pseudonym, status, ${dateColumn[input.status]}, created_at) VALUES (?, ?, ?, ?)`)
    .run(pseudonym, input.status, input.on, now.toISOString());
  return requireParticipant(writer, Number(result.lastInsertRowid));
}

export function renameParticipant(writer: StudyWriter, id: number, pseudonym: string): Participant {
  requireParticipant(writer, id);
  const trimmed = pseudonym.trim();
  if (pseudonymTaken(writer, trimmed, id)) throw new GroundworkError('participant.pseudonymTaken');
  writer.statement('UPDATE participant SET pseudonym = ? WHERE id = ?').run(trimmed, id);
  return requireParticipant(writer, id);
}

/**
 * Moves a participant to a status and records the date behind it. The dates of other statuses stay
 * as they were (a correction backwards keeps the history). A withdrawn participant stays withdrawn.
 */
export function setParticipantStatus(writer: StudyWriter, id: number, status: SettableStatus, on: string): Participant {
  requireActiveParticipant(writer, id);
  writer.statement(`UPDATE participant SET status = ?, ${dateColumn[status]} = ? WHERE id = ?`).run(status, on, id);
  return requireParticipant(writer, id);
}
