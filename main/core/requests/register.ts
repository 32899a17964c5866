import { GroundworkError } from '../../../shared/contract/errors.js';
import { byUrgency } from '../../../shared/recordings/deadlines.js';
import type { RequestKind, RightsRequest } from '../../../shared/requests/contract.js';
import { isAllowedExtension, requestDueOn } from '../../../shared/requests/deadlines.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The data subject's requests (access, rectification, erasure, restriction, portability,
 * objection): each must be answered within one calendar month of receipt, or within an extension of
 * up to two further months that has a recorded reason.
 */

interface RequestRow {
  id: number;
  kind: RequestKind;
  participant_id: number | null;
  pseudonym: string | null;
  received_on: string;
  due_on: string;
  extended_to: string | null;
  extension_reason: string;
  status: RightsRequest['status'];
  answered_on: string | null;
  notes: string;
}

const selectRequests = `
  SELECT q.id, q.kind, q.participant_id, p.pseudonym, q.received_on, q.due_on, q.extended_to, q.extension_reason,
    q.status, q.answered_on, q.notes
  FROM rights_request q LEFT JOIN participant p ON p.id = q.participant_id`;

function toRequest(row: RequestRow): RightsRequest {
  return {
    id: row.id,
    kind: row.kind,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    extendedTo: row.extended_to,
    extensionReason: row.extension_reason,
    deadline: row.extended_to ?? row.due_on,
    status: row.status,
    answeredOn: row.answered_on,
    notes: row.notes,
  };
}

/** Open requests first, the nearest deadline first; then the answered ones, the latest answer first. */
export function listRequests(reader: StudyReader): RightsRequest[] {
  const all = reader.query<RequestRow>(selectRequests).all().map(toRequest);
  const open = all.filter((request) => request.status === 'open');
  const closed = all.filter((request) => request.status !== 'open');
  open.sort(byUrgency((request) => request.deadline, (request) => request.id));
  closed.sort((a, b) => ((a.answeredOn ?? '') < (b.answeredOn ?? '') ? 1 : (a.answeredOn ?? '') > (b.answeredOn ?? '') ? -1 : b.id - a.id));
  return [...open, ...closed];
}

export function readRequest(reader: StudyReader, id: number): RightsRequest {
  const row = reader.query<RequestRow>(`${selectRequests} WHERE q.id = ?`).get(id);
  if (!row) throw new GroundworkError('request.missing');
  return toRequest(row);
}

export function registerRequest(
  writer: StudyWriter,
  input: { kind: RequestKind; receivedOn: string; participantId: number | null; notes: string },
  now = new Date(),
): number {
  if (input.participantId !== null) {
    const participant = writer.query<{ id: number }>('SELECT id FROM participant WHERE id = ?').get(input.participantId);
    if (!participant) throw new GroundworkError('participant.notFound');
  }
  const { lastInsertRowid } = writer
    .statement(
      `INSERT INTO rights_request (participant_id, kind, received_on, due_on, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(input.participantId, input.kind, input.receivedOn, requestDueOn(input.receivedOn), input.notes, now.toISOString());
  const id = Number(lastInsertRowid);
  recordAudit(writer, 'request.registered', { requestId: id, kind: input.kind });
  return id;
}

function openRequest(writer: StudyWriter, id: number): RequestRow {
  const row = writer.query<RequestRow>(`${selectRequests} WHERE q.id = ?`).get(id);
  if (!row) throw new GroundworkError('request.missing');
  if (row.status !== 'open') throw new GroundworkError('request.alreadyAnswered');
  return row;
}

/** Extends the deadline by up to two further months; the reason is kept with the request. */
export function extendRequest(writer: StudyWriter, input: { id: number; extendedTo: string; reason: string }): void {
  const row = openRequest(writer, input.id);
  // The contract refuses an empty reason; trimmed here so a reason of spaces is never stored.
  const reason = input.reason.trim();
  if (!isAllowedExtension(row.received_on, input.extendedTo)) throw new GroundworkError('request.extensionTooLong');
  writer.statement('UPDATE rights_request SET extended_to = ?, extension_reason = ? WHERE id = ?').run(input.extendedTo, reason, input.id);
  recordAudit(writer, 'request.extended', { requestId: input.id, kind: row.kind });
}

export function answerRequest(
  writer: StudyWriter,
  input: { id: number; answeredOn: string; status: 'answered' | 'refused'; notes: string },
): void {
  const row = openRequest(writer, input.id);
  if (input.answeredOn < row.received_on) throw new GroundworkError('request.answeredBeforeReceived');
  // What was done is added to what was noted on receipt, never in its place.
  const notes = [row.notes.trim(), input.notes.trim()].filter(Boolean).join('\n\n');
  writer
    .statement('UPDATE rights_request SET status = ?, answered_on = ?, notes = ? WHERE id = ?')
    .run(input.status, input.answeredOn, notes, input.id);
  recordAudit(writer, 'request.answered', { requestId: input.id, kind: row.kind, status: input.status });
}
