import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Code, CodeHistoryEntry, CodeLevel } from '../../../shared/coding/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * Codes: initial and focused, with their counts, links (a focused code subsumes initial codes) and
 * visible history. Every function that writes runs inside a coding action (`withUndoStep`), so the
 * callers in handlers.ts make each one undoable.
 */

/** Calm, distinct colours a new code or category gets when none is chosen (the least used first). */
export const palette = [
  '#2f6fb0',
  '#c2571a',
  '#3a8a4f',
  '#9b3f8f',
  '#b08a12',
  '#1f8a8a',
  '#b03a48',
  '#5a5fb8',
  '#6d7f1f',
  '#8a5a3c',
  '#3f7fa8',
  '#a0527a',
] as const;

export interface CodeRow {
  id: number;
  level: CodeLevel;
  name: string;
  colour: string;
  definition: string;
  category_id: number | null;
  created_at: string;
  updated_at: string;
}

const codeColumns = 'id, level, name, colour, definition, category_id, created_at, updated_at';

/** The least used colour of the palette among `table`'s rows (the first of them on a tie). */
export function nextColour(reader: StudyReader, table: 'code' | 'category'): string {
  const used = new Map(reader.query<{ colour: string; n: number }>(`SELECT colour, count(*) AS n FROM ${table} GROUP BY colour`).all().map((row) => [row.colour, row.n]));
  let best: string = palette[0];
  for (const colour of palette) if ((used.get(colour) ?? 0) < (used.get(best) ?? 0)) best = colour;
  return best;
}

/**
 * Every code with its counts, in one pass over each index (no query per code): codings and
 * interviews from `coding_code (code_id, transcript_id)`, links, memos.
 */
export function listCodes(reader: StudyReader): Code[] {
  const counts = new Map<number, { codings: number; interviews: number }>();
  for (const row of reader
    .query<{ code_id: number; codings: number; interviews: number }>(
      'SELECT code_id, count(*) AS codings, count(DISTINCT transcript_id) AS interviews FROM coding GROUP BY code_id',
    )
    .iterate()) {
    counts.set(row.code_id, { codings: row.codings, interviews: row.interviews });
  }
  const found = new Map<number, { codings: number; interviews: number }>();
  for (const row of reader.query<{ code_id: number; codings: number; interviews: number }>(`${foundUnder} GROUP BY code_id`).iterate()) {
    found.set(row.code_id, { codings: row.codings, interviews: row.interviews });
  }
  const memos = new Map(
    reader
      .query<{ code_id: number; n: number }>('SELECT code_id, count(*) AS n FROM memo WHERE code_id IS NOT NULL GROUP BY code_id')
      .all()
      .map((row) => [row.code_id, row.n]),
  );
  const linked = new Map<number, number[]>();
  const link = (from: number, to: number) => {
    const list = linked.get(from);
    if (list) list.push(to);
    else linked.set(from, [to]);
  };
  for (const row of reader
    .query<{ focused_code_id: number; initial_code_id: number }>('SELECT focused_code_id, initial_code_id FROM code_subsumes ORDER BY focused_code_id, initial_code_id')
    .iterate()) {
    link(row.focused_code_id, row.initial_code_id);
    link(row.initial_code_id, row.focused_code_id);
  }
  return reader
    .query<CodeRow>(`SELECT ${codeColumns} FROM code ORDER BY level, name COLLATE NOCASE, id`)
    .all()
    .map((row) => toCode(row, counts.get(row.id), linked.get(row.id) ?? [], memos.get(row.id) ?? 0, found.get(row.id)));
}

/**
 * What is found under each focused code: its own codings and those of the initial codes it
 * subsumes, with the interviews (transcripts) they are in. A query to group by `code_id`.
 */
const foundUnder = `
  SELECT code_id, count(*) AS codings, count(DISTINCT transcript_id) AS interviews FROM (
    SELECT coding.code_id, coding.transcript_id FROM coding JOIN code ON code.id = coding.code_id WHERE code.level = 'focused'
    UNION ALL
    SELECT subsumes.focused_code_id AS code_id, coding.transcript_id
    FROM code_subsumes AS subsumes JOIN coding ON coding.code_id = subsumes.initial_code_id
  )`;

function toCode(
  row: CodeRow,
  counts: { codings: number; interviews: number } | undefined,
  linked: number[],
  memos: number,
  found?: { codings: number; interviews: number },
): Code {
  return {
    ...(row.level === 'focused' ? { found: found ?? { codings: 0, interviews: 0 } } : {}),
    id: row.id,
    level: row.level,
    name: row.name,
    colour: row.colour,
    definition: row.definition,
    categoryId: row.category_id,
    codings: counts?.codings ?? 0,
    interviews: counts?.interviews ?? 0,
    linked,
    memos,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requireCodeRow(reader: StudyReader, id: number): CodeRow {
  const row = reader.query<CodeRow>(`SELECT ${codeColumns} FROM code WHERE id = ?`).get(id);
  if (!row) throw new GroundworkError('code.missing');
  return row;
}

/** Refuses ids that name no code; answers their rows in the order given (each once). */
export function requireCodes(reader: StudyReader, ids: readonly number[]): CodeRow[] {
  return [...new Set(ids)].map((id) => requireCodeRow(reader, id));
}

export function readCode(reader: StudyReader, id: number): Code {
  const row = requireCodeRow(reader, id);
  const counts = reader
    .query<{ codings: number; interviews: number }>('SELECT count(*) AS codings, count(DISTINCT transcript_id) AS interviews FROM coding WHERE code_id = ?')
    .get(id);
  const linked = reader
    .query<{ other: number }>(
      row.level === 'focused'
        ? 'SELECT initial_code_id AS other FROM code_subsumes WHERE focused_code_id = ? ORDER BY other'
        : 'SELECT focused_code_id AS other FROM code_subsumes WHERE initial_code_id = ? ORDER BY other',
    )
    .all(id)
    .map((link) => link.other);
  const memos = reader.query<{ n: number }>('SELECT count(*) AS n FROM memo WHERE code_id = ?').get(id)?.n ?? 0;
  const found = row.level === 'focused' ? reader.query<{ codings: number; interviews: number }>(`${foundUnder} WHERE code_id = ? GROUP BY code_id`).get(id) : undefined;
  return toCode(row, counts, linked, memos, found);
}

export function readCodeHistory(reader: StudyReader, id: number): CodeHistoryEntry[] {
  requireCodeRow(reader, id);
  return reader
    .query<{ kind: CodeHistoryEntry['kind']; detail: string; at: string }>('SELECT kind, detail, at FROM code_history WHERE code_id = ? ORDER BY at, id')
    .all(id)
    .map((row) => {
      const detail = JSON.parse(row.detail) as { names?: string[] };
      return { kind: row.kind, names: detail.names ?? [], at: row.at };
    });
}

/**
 * A code's own entry in its history, with the other codes' names and ids as they are now (and
 * anything else worth keeping in `extra`, such as merged codes' own histories).
 */
export function addHistory(
  writer: StudyWriter,
  codeId: number,
  kind: CodeHistoryEntry['kind'],
  others: readonly { id?: number; name: string }[],
  at: string,
  extra: Record<string, unknown> = {},
): void {
  const detail = { names: others.map((other) => other.name), ids: others.flatMap((other) => (other.id === undefined ? [] : [other.id])), ...extra };
  writer.statement('INSERT INTO code_history (code_id, kind, detail, at) VALUES (?, ?, ?, ?)').run(codeId, kind, JSON.stringify(detail), at);
}

function requireFreeName(reader: StudyReader, level: CodeLevel, name: string, except?: number): void {
  const taken = reader.query<{ id: number }>('SELECT id FROM code WHERE level = ? AND name = ? COLLATE NOCASE').get(level, name);
  if (taken && taken.id !== except) throw new GroundworkError('code.nameTaken');
}

/** The code of that level with that name (letter case aside), if any. */
export function findCodeByName(reader: StudyReader, level: CodeLevel, name: string): number | null {
  return reader.query<{ id: number }>('SELECT id FROM code WHERE level = ? AND name = ? COLLATE NOCASE').get(level, name.trim())?.id ?? null;
}

export interface NewCode {
  level: CodeLevel;
  name: string;
  colour?: string | undefined;
  definition?: string | undefined;
}

export function createCode(writer: StudyWriter, code: NewCode, at = new Date().toISOString(), history: 'created' | 'none' = 'created'): number {
  const name = code.name.trim();
  requireFreeName(writer, code.level, name);
  const id = Number(
    writer
      .statement('INSERT INTO code (guid, level, name, colour, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), code.level, name, code.colour ?? nextColour(writer, 'code'), code.definition ?? '', at, at).lastInsertRowid,
  );
  if (history === 'created') addHistory(writer, id, 'created', [], at);
  return id;
}

export function updateCode(writer: StudyWriter, id: number, change: { name: string; colour: string; definition: string }, at = new Date().toISOString()): string {
  const row = requireCodeRow(writer, id);
  const name = change.name.trim();
  requireFreeName(writer, row.level, name, id);
  if (name === row.name && change.colour === row.colour && change.definition === row.definition) return row.name;
  writer.statement('UPDATE code SET name = ?, colour = ?, definition = ?, updated_at = ? WHERE id = ?').run(name, change.colour, change.definition, at, id);
  if (name !== row.name) addHistory(writer, id, 'renamed', [{ name: row.name }], at);
  return row.name;
}

/** Deletes codes with their codings, history and links; memos about them become free memos. */
export function deleteCodes(writer: StudyWriter, ids: readonly number[]): string[] {
  const rows = requireCodes(writer, ids);
  const remove = writer.statement('DELETE FROM code WHERE id = ?');
  for (const row of rows) remove.run(row.id);
  return rows.map((row) => row.name);
}

/**
 * Merges codes into `targetId`: their codings move to it (a passage it already has is kept once),
 * their links and memos move to it, they are deleted, and the target's history says "merged from"
 * with their names. Answers the sources' names.
 */
export function mergeCodes(writer: StudyWriter, sourceIds: readonly number[], targetId: number, at = new Date().toISOString()): string[] {
  const target = requireCodeRow(writer, targetId);
  const sources = requireCodes(writer, sourceIds);
  if (sources.some((source) => source.id === targetId)) throw new GroundworkError('input.invalid', ['sourceIds']);
  // The sources' own histories go with them from the table, so the merge keeps them in its entry.
  const histories = sources.map((source) => ({ id: source.id, name: source.name, history: readCodeHistory(writer, source.id) }));
  for (const source of sources) {
    writer.statement('UPDATE coding SET code_id = ? WHERE code_id = ?').run(targetId, source.id);
    writer.statement('UPDATE memo SET code_id = ? WHERE code_id = ?').run(targetId, source.id);
    // Links move, except those that would link the target to itself.
    writer
      .statement('INSERT OR IGNORE INTO code_subsumes (focused_code_id, initial_code_id) SELECT ?, initial_code_id FROM code_subsumes WHERE focused_code_id = ? AND initial_code_id <> ?')
      .run(targetId, source.id, targetId);
    writer
      .statement('INSERT OR IGNORE INTO code_subsumes (focused_code_id, initial_code_id) SELECT focused_code_id, ? FROM code_subsumes WHERE initial_code_id = ? AND focused_code_id <> ?')
      .run(targetId, source.id, targetId);
    writer.statement('DELETE FROM code WHERE id = ?').run(source.id);
  }
  // The same passage coded by two of the merged codes is one coding of the target now.
  writer
    .statement(
      `DELETE FROM coding WHERE code_id = @target AND EXISTS (
         SELECT 1 FROM coding other WHERE other.code_id = @target AND other.transcript_id = coding.transcript_id AND other.id < coding.id
           AND other.start_line_id = coding.start_line_id AND other.start_offset = coding.start_offset
           AND other.end_line_id = coding.end_line_id AND other.end_offset = coding.end_offset)`,
    )
    .run({ target: targetId });
  addHistory(writer, targetId, 'mergedFrom', sources, at, { sources: histories });
  writer.statement('UPDATE code SET updated_at = ? WHERE id = ?').run(at, target.id);
  return sources.map((source) => source.name);
}

/**
 * Splits a code: the codings listed (all of this code) move to a new code of the same level,
 * linked and placed as the code is; both histories say so. Answers the new code's id.
 */
export function splitCode(writer: StudyWriter, id: number, newName: string, codingIds: readonly number[], at = new Date().toISOString()): number {
  const kept = requireCodeRow(writer, id);
  const owner = writer.query<{ code_id: number }>('SELECT code_id FROM coding WHERE id = ?');
  for (const codingId of codingIds) if (owner.get(codingId)?.code_id !== id) throw new GroundworkError('coding.missing');
  const created = createCode(writer, { level: kept.level, name: newName, definition: '' }, at, 'none');
  const move = writer.statement('UPDATE coding SET code_id = ? WHERE id = ?');
  for (const codingId of new Set(codingIds)) move.run(created, codingId);
  writer.statement('INSERT INTO code_subsumes (focused_code_id, initial_code_id) SELECT ?, initial_code_id FROM code_subsumes WHERE focused_code_id = ?').run(created, id);
  writer.statement('INSERT INTO code_subsumes (focused_code_id, initial_code_id) SELECT focused_code_id, ? FROM code_subsumes WHERE initial_code_id = ?').run(created, id);
  if (kept.category_id !== null) {
    const position = writer.query<{ category_position: number }>('SELECT category_position FROM code WHERE id = ?').get(id)!.category_position;
    writer.statement('UPDATE code SET category_position = category_position + 1 WHERE category_id = ? AND category_position > ?').run(kept.category_id, position);
    writer.statement('UPDATE code SET category_id = ?, category_position = ? WHERE id = ?').run(kept.category_id, position + 1, created);
  }
  const createdName = writer.query<{ name: string }>('SELECT name FROM code WHERE id = ?').get(created)!.name;
  addHistory(writer, id, 'splitInto', [{ id: created, name: createdName }], at);
  addHistory(writer, created, 'splitFrom', [{ id, name: kept.name }], at);
  writer.statement('UPDATE code SET updated_at = ? WHERE id = ?').run(at, id);
  return created;
}

/**
 * Raises initial codes into a focused code (an existing one, or one made by name; a focused code
 * of that name already there is used): the initial codes stay, linked under it. Answers its id and
 * the initial codes' names.
 */
export function raise(
  writer: StudyWriter,
  initialCodeIds: readonly number[],
  focused: { id?: number | undefined; name?: string | undefined },
  at = new Date().toISOString(),
): { focusedId: number; names: string[]; focusedName: string } {
  const initials = requireCodes(writer, initialCodeIds);
  if (initials.some((code) => code.level !== 'initial')) throw new GroundworkError('code.wrongLevel');
  let focusedId: number;
  if (focused.id !== undefined) {
    if (requireCodeRow(writer, focused.id).level !== 'focused') throw new GroundworkError('code.wrongLevel');
    focusedId = focused.id;
  } else {
    const name = focused.name ?? '';
    focusedId = findCodeByName(writer, 'focused', name) ?? createCode(writer, { level: 'focused', name }, at);
  }
  const focusedName = requireCodeRow(writer, focusedId).name;
  const link = writer.statement('INSERT OR IGNORE INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?)');
  const raised = initials.filter((code) => link.run(focusedId, code.id).changes > 0);
  if (raised.length > 0) {
    addHistory(writer, focusedId, 'raisedFrom', raised, at);
    for (const code of raised) addHistory(writer, code.id, 'raisedInto', [{ id: focusedId, name: focusedName }], at);
  }
  return { focusedId, names: initials.map((code) => code.name), focusedName };
}

export function unraise(writer: StudyWriter, focusedCodeId: number, initialCodeIds: readonly number[]): string[] {
  const focused = requireCodeRow(writer, focusedCodeId);
  const initials = requireCodes(writer, initialCodeIds);
  const unlink = writer.statement('DELETE FROM code_subsumes WHERE focused_code_id = ? AND initial_code_id = ?');
  for (const code of initials) unlink.run(focusedCodeId, code.id);
  return [focused.name, ...initials.map((code) => code.name)];
}
