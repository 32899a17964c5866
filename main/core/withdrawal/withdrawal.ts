import type { PlanItem, WithdrawalPlan, WithdrawalReceipt, WithdrawalScope } from '../../../shared/withdrawal/contract.js';
import type { Language } from '../../../shared/app/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { participantTable, participantTables, tablesEmptiedOnWithdrawal, tablesReachedThrough, type OnWithdrawal } from '../participants/participantData.js';

/** The recordings register's receipt for audio that the withdrawal deleted from the study file. */
const deletedWithWithdrawal: Record<Language, string> = {
  en: 'Deleted from the study file with the participant’s withdrawal',
  nb: 'Slettet fra studiefilen da deltakeren trakk seg',
};

interface ParticipantRow {
  id: number;
  pseudonym: string;
  status: string;
}

function participantRow(reader: StudyReader, participantId: number): ParticipantRow {
  const row = reader
    .query<ParticipantRow>(`SELECT id, pseudonym, status FROM ${participantTable} WHERE id = ?`)
    .get(participantId);
  if (!row) throw new GroundworkError('withdrawal.participantMissing');
  return row;
}

function countRows(reader: StudyReader, table: string, where: string, participantId: number): number {
  return reader.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(participantId)?.n ?? 0;
}

/**
 * The rows of one participant table that a withdrawal deletes and keeps, as WHERE clauses for
 * participant `?` (null: none). A table kept in part appears in both.
 */
export function withdrawalSelections(rowsOf: string, onWithdrawal: OnWithdrawal): { deleted: string | null; kept: string | null } {
  if (onWithdrawal === 'delete') return { deleted: rowsOf, kept: null };
  if (onWithdrawal === 'keep') return { deleted: null, kept: rowsOf };
  return {
    deleted: `(${rowsOf}) AND (${onWithdrawal.keptRowsOf}) IS NOT TRUE`,
    kept: `(${rowsOf}) AND (${onWithdrawal.keptRowsOf}) IS TRUE`,
  };
}

/**
 * What a withdrawal will do, table by table, from the one list of participant tables. The
 * participant's own row and the withdrawal record are kept: they are how the study shows that the
 * person withdrew and that it was honoured.
 */
export function planWithdrawal(reader: StudyReader, participantId: number, scope: WithdrawalScope): WithdrawalPlan {
  const participant = participantRow(reader, participantId);
  const deleted: PlanItem[] = [];
  const kept: PlanItem[] = [];
  for (const entry of participantTables) {
    const selection = withdrawalSelections(entry.rowsOf, entry.onWithdrawal[scope]);
    if (selection.deleted !== null) {
      deleted.push({ table: entry.table, rows: countRows(reader, entry.table, selection.deleted, participantId), keptBecause: null, cleared: [] });
    }
    if (selection.kept !== null) {
      // The withdrawal's own record is written by the withdrawal: one row.
      const rows = entry.table === 'withdrawal' ? 1 : countRows(reader, entry.table, selection.kept, participantId);
      kept.push({
        table: entry.table,
        rows,
        keptBecause: entry.keptBecause ?? null,
        cleared: rows > 0 ? [...(entry.clearedOnKeep ?? [])] : [],
      });
    }
  }
  for (const entry of tablesReachedThrough) {
    deleted.push({ table: entry.table, rows: countRows(reader, entry.table, entry.rowsOf, participantId), keptBecause: null, cleared: [] });
  }
  for (const table of tablesEmptiedOnWithdrawal) {
    deleted.push({ table, rows: reader.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0, keptBecause: null, cleared: [] });
  }
  kept.push({ table: participantTable, rows: 1, keptBecause: 'pseudonymAndStatus', cleared: [] });
  const recordingsOutsideStudy =
    reader
      .query<{ n: number }>(
        `SELECT count(*) AS n FROM recording
         WHERE participant_id = ? AND deleted_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM recording_audio WHERE recording_id = recording.id)`,
      )
      .get(participantId)?.n ?? 0;
  return {
    participantId,
    pseudonym: participant.pseudonym,
    alreadyWithdrawn: participant.status === 'withdrawn',
    scope,
    deleted,
    kept,
    recordingsOutsideStudy,
  };
}

export interface WithdrawalRequest {
  participantId: number;
  scope: WithdrawalScope;
  withdrawnOn: string;
  communicatedHow: string;
  typedPseudonym: string;
  language: Language;
}

/**
 * Carries out a withdrawal inside the caller's one transaction: deletes per scope (secure_delete is
 * on, so the bytes are overwritten), empties free text in the rows that are kept, marks the
 * participant withdrawn and records a receipt with counts and the scope only.
 */
export function withdrawParticipant(writer: StudyWriter, request: WithdrawalRequest, now = new Date()): WithdrawalReceipt {
  const participant = participantRow(writer, request.participantId);
  if (participant.status === 'withdrawn') throw new GroundworkError('withdrawal.alreadyWithdrawn');
  if (request.typedPseudonym.trim() !== participant.pseudonym) throw new GroundworkError('withdrawal.pseudonymMismatch');

  const id = request.participantId;
  // Audio stored in the study is deleted with the withdrawal: the register's receipt says so.
  writer
    .statement(
      `UPDATE recording SET deleted_on = ?, deleted_how = ?, deletion_confirmed_by = 'Groundwork'
       WHERE participant_id = ? AND deleted_on IS NULL
         AND EXISTS (SELECT 1 FROM recording_audio WHERE recording_id = recording.id)`,
    )
    .run(request.withdrawnOn, deletedWithWithdrawal[request.language], id);

  // Rows reached only through other rows are chosen first: once those are gone, nothing leads to them.
  const reached = tablesReachedThrough.map((entry) => ({
    table: entry.table,
    rowids: writer.query<{ reached: number }>(`SELECT rowid AS reached FROM ${entry.table} WHERE ${entry.rowsOf}`).all(id).map((row) => row.reached),
  }));
  const deleted: Record<string, number> = {};
  const cleared: Record<string, number> = {};
  for (const entry of participantTables) {
    if (entry.table === 'withdrawal') continue;
    const selection = withdrawalSelections(entry.rowsOf, entry.onWithdrawal[request.scope]);
    if (selection.deleted !== null) {
      deleted[entry.table] = writer.statement(`DELETE FROM ${entry.table} WHERE ${selection.deleted}`).run(id).changes;
    }
    if (selection.kept !== null && entry.clearedOnKeep && entry.clearedOnKeep.length > 0) {
      const set = entry.clearedOnKeep.map((column) => `${column} = ''`).join(', ');
      cleared[entry.table] = writer.statement(`UPDATE ${entry.table} SET ${set} WHERE ${selection.kept}`).run(id).changes;
    }
  }
  for (const { table, rowids } of reached) {
    deleted[table] = writer.statement(`DELETE FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`).run(JSON.stringify(rowids)).changes;
  }
  // The coding undo log may hold any deleted row as SQL text: it goes whole.
  for (const table of tablesEmptiedOnWithdrawal) deleted[table] = writer.statement(`DELETE FROM ${table}`).run().changes;
  writer
    .statement(`UPDATE ${participantTable} SET status = 'withdrawn', withdrawn_on = ? WHERE id = ?`)
    .run(request.withdrawnOn, id);
  writer
    .statement('INSERT INTO withdrawal (participant_id, withdrawn_on, communicated_how, scope, completed_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, request.withdrawnOn, request.communicatedHow.trim(), request.scope, now.toISOString());

  recordAudit(
    writer,
    'participant.withdrawn',
    {
      participantId: id,
      scope: request.scope,
      ...Object.fromEntries(Object.entries(deleted).map(([table, rows]) => [`deleted.${table}`, rows])),
      ...Object.fromEntries(Object.entries(cleared).map(([table, rows]) => [`cleared.${table}`, rows])),
    },
    now,
  );
  return { withdrawnOn: request.withdrawnOn, scope: request.scope, deleted };
}
