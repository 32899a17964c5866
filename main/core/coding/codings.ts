import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Coding, Passage } from '../../../shared/coding/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { requireCodes } from './codes.js';

/**
 * Codings: a code applied to a passage of a transcript, anchored to line ids and UTF-16 offsets
 * (see the migration's "Anchors"). Only anonymised transcripts are coded: the analysis works on
 * anonymised text alone.
 */

interface CodingRow {
  id: number;
  code_id: number;
  transcript_id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
}

const codingColumns = 'id, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset';

function toCoding(row: CodingRow): Coding {
  return {
    id: row.id,
    codeId: row.code_id,
    transcriptId: row.transcript_id,
    startLineId: row.start_line_id,
    startOffset: row.start_offset,
    endLineId: row.end_line_id,
    endOffset: row.end_offset,
  };
}

/** The codings of one transcript, in the order they were made. */
export function transcriptCodings(reader: StudyReader, transcriptId: number): Coding[] {
  if (!reader.query<{ id: number }>('SELECT id FROM transcript WHERE id = ?').get(transcriptId)) throw new GroundworkError('transcript.missing');
  return reader.query<CodingRow>(`SELECT ${codingColumns} FROM coding WHERE transcript_id = ? ORDER BY id`).all(transcriptId).map(toCoding);
}

export function readCoding(reader: StudyReader, id: number): Coding {
  const row = reader.query<CodingRow>(`SELECT ${codingColumns} FROM coding WHERE id = ?`).get(id);
  if (!row) throw new GroundworkError('coding.missing');
  return toCoding(row);
}

/**
 * Refuses a passage that does not fit its transcript (`coding.passageInvalid`): both lines of that
 * transcript, the start not after the end in line order, offsets within the lines' text, and not
 * empty. The transcript must exist (`transcript.missing`) and be anonymised
 * (`coding.transcriptNotAnonymised`).
 */
export function requireValidPassage(reader: StudyReader, passage: Passage): void {
  const transcript = reader.query<{ state: string }>('SELECT state FROM transcript WHERE id = ?').get(passage.transcriptId);
  if (!transcript) throw new GroundworkError('transcript.missing');
  if (transcript.state !== 'anonymised') throw new GroundworkError('coding.transcriptNotAnonymised');
  const line = reader.query<{ position: number; text: string }>('SELECT position, text FROM transcript_line WHERE id = ? AND transcript_id = ?');
  const start = line.get(passage.startLineId, passage.transcriptId);
  const end = passage.endLineId === passage.startLineId ? start : line.get(passage.endLineId, passage.transcriptId);
  if (!start || !end) throw new GroundworkError('coding.passageInvalid');
  if (passage.startOffset > start.text.length || passage.endOffset > end.text.length) throw new GroundworkError('coding.passageInvalid');
  if (start.position > end.position || (start.position === end.position && passage.startOffset >= passage.endOffset)) {
    throw new GroundworkError('coding.passageInvalid');
  }
}

/**
 * Applies a code to passages, every passage checked before anything is written. A passage the
 * code already has (exactly) is not coded twice. Answers the code's codings of these passages,
 * new or already there, in the order given.
 */
export function applyCode(writer: StudyWriter, codeId: number, passages: readonly Passage[], at = new Date().toISOString()): Coding[] {
  requireCodes(writer, [codeId]);
  for (const passage of passages) requireValidPassage(writer, passage);
  const existing = writer.query<CodingRow>(
    `SELECT ${codingColumns} FROM coding WHERE code_id = ? AND transcript_id = ? AND start_line_id = ? AND start_offset = ? AND end_line_id = ? AND end_offset = ?`,
  );
  const insert = writer.statement(
    'INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const codings: Coding[] = [];
  const seen = new Set<number>();
  for (const passage of passages) {
    const anchor = [passage.transcriptId, passage.startLineId, passage.startOffset, passage.endLineId, passage.endOffset] as const;
    let row = existing.get(codeId, ...anchor);
    if (!row) {
      const id = Number(insert.run(randomUUID(), codeId, ...anchor, at).lastInsertRowid);
      row = { id, code_id: codeId, transcript_id: passage.transcriptId, start_line_id: passage.startLineId, start_offset: passage.startOffset, end_line_id: passage.endLineId, end_offset: passage.endOffset };
    }
    if (!seen.has(row.id)) codings.push(toCoding(row));
    seen.add(row.id);
  }
  return codings;
}

/** Changes a coding's extent (within its transcript). If its code already has that passage, the two become one. */
export function adjustCoding(writer: StudyWriter, id: number, extent: Omit<Passage, 'transcriptId'>): Coding {
  const coding = readCoding(writer, id);
  const passage = { ...extent, transcriptId: coding.transcriptId };
  requireValidPassage(writer, passage);
  const twin = writer
    .query<{ id: number }>(
      'SELECT id FROM coding WHERE code_id = ? AND transcript_id = ? AND start_line_id = ? AND start_offset = ? AND end_line_id = ? AND end_offset = ? AND id <> ?',
    )
    .get(coding.codeId, coding.transcriptId, extent.startLineId, extent.startOffset, extent.endLineId, extent.endOffset, id);
  if (twin) {
    writer.statement('DELETE FROM coding WHERE id = ?').run(id);
    return readCoding(writer, twin.id);
  }
  writer
    .statement('UPDATE coding SET start_line_id = ?, start_offset = ?, end_line_id = ?, end_offset = ? WHERE id = ?')
    .run(extent.startLineId, extent.startOffset, extent.endLineId, extent.endOffset, id);
  return readCoding(writer, id);
}

/** Removes codings; answers the names of their codes (each once). */
export function removeCodings(writer: StudyWriter, ids: readonly number[]): string[] {
  const name = writer.query<{ name: string }>('SELECT code.name FROM coding JOIN code ON code.id = coding.code_id WHERE coding.id = ?');
  const names = new Set<string>();
  for (const id of new Set(ids)) {
    const row = name.get(id);
    if (!row) throw new GroundworkError('coding.missing');
    names.add(row.name);
  }
  const remove = writer.statement('DELETE FROM coding WHERE id = ?');
  for (const id of new Set(ids)) remove.run(id);
  return [...names];
}
