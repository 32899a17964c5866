import { GroundworkError } from '../../../shared/contract/errors.js';
import type { UndoState } from '../../../shared/coding/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The study-wide undo and redo of coding actions, on the trigger log of migration 0006: while
 * `coding_undo_state.step_id` is set, the triggers on every analysis table write the SQL that
 * reverses each row change into `coding_undo_sql` under that step. See README.md, "Undo and redo".
 */

/** How many undo steps are kept; older ones are forgotten. */
export const undoStepsKept = 500;

const now = () => new Date().toISOString();

function openStep(writer: StudyWriter, stack: 'undo' | 'redo', label: string): number {
  const id = Number(writer.statement('INSERT INTO coding_undo_step (stack, label, at) VALUES (?, ?, ?)').run(stack, label, now()).lastInsertRowid);
  writer.statement('UPDATE coding_undo_state SET step_id = ? WHERE only = 1').run(id);
  return id;
}

function closeStep(writer: StudyWriter): void {
  writer.statement('UPDATE coding_undo_state SET step_id = NULL WHERE only = 1').run();
}

function deleteSteps(writer: StudyWriter, where: string, ...params: unknown[]): void {
  writer.statement(`DELETE FROM coding_undo_sql WHERE step_id IN (SELECT id FROM coding_undo_step WHERE ${where})`).run(...params);
  writer.statement(`DELETE FROM coding_undo_step WHERE ${where}`).run(...params);
}

function stepIsEmpty(writer: StudyWriter, stepId: number): boolean {
  return !writer.query<{ one: number }>('SELECT 1 AS one FROM coding_undo_sql WHERE step_id = ? LIMIT 1').get(stepId);
}

/**
 * Runs `work` as one undoable coding action, inside the caller's write transaction
 * (`db.write((writer) => withUndoStep(writer, undoLabel('createMemo', [title]), () => …))`).
 * Every row change `work` makes to the analysis tables (code, code_history, code_subsumes,
 * category, coding, memo, quote) is logged by the triggers, so Undo reverses exactly it. A new
 * action clears the redo stack; an action that changed nothing leaves no step (and keeps redo).
 * `label` may be made from `work`'s result (names known only after the work, as a rename's old
 * name). If `work` throws, the transaction rolls back and so does the step.
 */
export function withUndoStep<T>(writer: StudyWriter, label: string | ((result: T) => string), work: () => T): T {
  const state = writer.query<{ step_id: number | null }>('SELECT step_id FROM coding_undo_state WHERE only = 1').get();
  if (state && state.step_id !== null) {
    // Nested: the outer action's step records this work too.
    return work();
  }
  const stepId = openStep(writer, 'undo', typeof label === 'string' ? label : '');
  const result = work();
  closeStep(writer);
  if (typeof label !== 'string') writer.statement('UPDATE coding_undo_step SET label = ? WHERE id = ?').run(label(result), stepId);
  if (stepIsEmpty(writer, stepId)) {
    deleteSteps(writer, 'id = ?', stepId);
    return result;
  }
  deleteSteps(writer, "stack = 'redo'");
  const oldest = writer
    .query<{ id: number }>("SELECT id FROM coding_undo_step WHERE stack = 'undo' ORDER BY id DESC LIMIT 1 OFFSET ?")
    .get(undoStepsKept);
  if (oldest) deleteSteps(writer, "stack = 'undo' AND id <= ?", oldest.id);
  return result;
}

/**
 * Undoes (`from` 'undo') or redoes (`from` 'redo') the newest step of that stack, in the caller's
 * transaction; answers its label, or null when there is nothing to do. The step's statements run
 * newest first while a step of the other stack records their reversal. Foreign keys are checked at
 * commit (a deleted code comes back after its codings in reverse order). If the study has changed
 * underneath the step (its transcript deleted, say), a statement or the commit fails and the
 * transaction rolls back: `undoOrRedo` in handlers.ts then forgets the history (`clearUndoHistory`)
 * and answers `coding.undoUnavailable`.
 */
export function replayStep(writer: StudyWriter, from: 'undo' | 'redo'): string | null {
  const step = writer.query<{ id: number; label: string }>('SELECT id, label FROM coding_undo_step WHERE stack = ? ORDER BY id DESC LIMIT 1').get(from);
  if (!step) return null;
  writer.exec('PRAGMA defer_foreign_keys = ON');
  const replayId = openStep(writer, from === 'undo' ? 'redo' : 'undo', step.label);
  const statements = writer
    .query<{ statement: string }>('SELECT statement FROM coding_undo_sql WHERE step_id = ? ORDER BY seq DESC')
    .all(step.id)
    .map((row) => row.statement);
  try {
    // Arbitrary statements, each run once: `exec` does not keep them in the statement cache.
    for (const statement of statements) writer.exec(statement);
  } catch {
    throw new GroundworkError('coding.undoUnavailable');
  }
  closeStep(writer);
  requireRestoredAnchorsValid(writer, replayId);
  deleteSteps(writer, 'id = ?', step.id);
  return step.label;
}

/** The tables whose rows anchor to transcript lines (the anchor columns may be null in memo). */
const anchoredTables = ['coding', 'quote', 'memo'] as const;

/**
 * Refuses a replay that brought back or changed a passage whose lines are no longer there as they
 * were: a transcript edited since the step was recorded (the edit maps the anchors of the rows that
 * exist then, not those of rows deleted by a step). The replay's own log says which rows it wrote:
 * it reverses each row inserted with `DELETE … WHERE rowid = N` and each updated with
 * `UPDATE … WHERE rowid = N`.
 */
function requireRestoredAnchorsValid(writer: StudyWriter, replayId: number): void {
  const line = writer.query<{ text: string; position: number }>('SELECT text, position FROM transcript_line WHERE id = ? AND transcript_id = ?');
  for (const table of anchoredTables) {
    const rows = writer
      .query<{ statement: string }>("SELECT statement FROM coding_undo_sql WHERE step_id = ? AND (statement LIKE ? OR statement LIKE ?)")
      .all(replayId, `DELETE FROM ${table} WHERE rowid = %`, `UPDATE ${table} SET %`)
      .map((row) => Number(/ WHERE rowid = (\d+)$/.exec(row.statement)?.[1]));
    const anchor = writer.query<{ transcript_id: number | null; start_line_id: string | null; start_offset: number | null; end_line_id: string | null; end_offset: number | null }>(
      `SELECT transcript_id, start_line_id, start_offset, end_line_id, end_offset FROM ${table} WHERE rowid = ?`,
    );
    for (const rowid of new Set(rows)) {
      const row = anchor.get(rowid);
      if (!row || row.transcript_id === null || row.start_line_id === null || row.end_line_id === null) continue;
      const start = line.get(row.start_line_id, row.transcript_id);
      const end = line.get(row.end_line_id, row.transcript_id);
      if (!start || !end || (row.start_offset ?? 0) > start.text.length || (row.end_offset ?? 0) > end.text.length || start.position > end.position) {
        throw new GroundworkError('coding.undoUnavailable');
      }
    }
  }
}

/**
 * Forgets every undo and redo step. For a change to the study that the steps cannot survive, made
 * outside a coding action (a transcript deleted, a withdrawal): in the caller's transaction.
 */
export function clearUndoHistory(writer: StudyWriter): void {
  writer.statement('DELETE FROM coding_undo_sql').run();
  writer.statement('DELETE FROM coding_undo_step').run();
  closeStep(writer);
}

export function readUndoState(reader: StudyReader): UndoState {
  const newest = (stack: 'undo' | 'redo') =>
    reader.query<{ label: string }>('SELECT label FROM coding_undo_step WHERE stack = ? ORDER BY id DESC LIMIT 1').get(stack) ?? null;
  const undo = newest('undo');
  const redo = newest('redo');
  return { undo: undo && { label: undo.label }, redo: redo && { label: redo.label } };
}
