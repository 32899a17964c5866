import type { Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { value, type FreshStudy } from '../../helpers/study.js';
import { addInterview } from '../transcripts/setup.js';

/**
 * Codes, codings and categories written straight into the study file as the coding core stores
 * them (schema 0006), so these tests depend only on the schema and the comparison channels.
 */
export interface Interview {
  participantId: number;
  transcript: Transcript;
  /** The id of line n (1-based, as the margin numbers it). */
  line: (n: number) => string;
}

/** A participant with an interview and a pasted transcript, anonymised unless `raw`. */
export async function interviewWith(study: FreshStudy, pseudonym: string, text: string, options: { raw?: boolean; heldAt?: string } = {}): Promise<Interview> {
  const { participantId, interviewId } = addInterview(study, pseudonym, options.heldAt);
  const summary = value<TranscriptSummary>(await study.core.invoke('transcripts.create', { interviewId, source: 'pasted', text }));
  if (!options.raw) {
    study.core.session.require().db.write((writer) => {
      writer.statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ? WHERE id = ?").run(new Date().toISOString(), summary.id);
    });
  }
  const transcript = value<Transcript>(await study.core.invoke('transcripts.get', { id: summary.id }));
  return { participantId, transcript, line: (n) => transcript.content[n - 1]!.id };
}

let guid = 0;
const nextGuid = () => `00000000-0000-4000-8000-${String((guid += 1)).padStart(12, '0')}`;

export function addCode(study: FreshStudy, name: string, level: 'initial' | 'focused' = 'initial', categoryId: number | null = null): number {
  return study.core.session.require().db.write((writer) => {
    const now = new Date().toISOString();
    return Number(
      writer
        .statement("INSERT INTO code (guid, level, name, colour, category_id, created_at, updated_at) VALUES (?, ?, ?, '#336699', ?, ?, ?)")
        .run(nextGuid(), level, name, categoryId, now, now).lastInsertRowid,
    );
  });
}

export function subsume(study: FreshStudy, focusedId: number, initialIds: number[]): void {
  study.core.session.require().db.write((writer) => {
    for (const initialId of initialIds) writer.statement('INSERT INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?)').run(focusedId, initialId);
  });
}

export function addCategory(study: FreshStudy, name: string, parentId: number | null = null): number {
  return study.core.session.require().db.write((writer) => {
    const now = new Date().toISOString();
    return Number(
      writer.statement('INSERT INTO category (guid, parent_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(nextGuid(), parentId, name, now, now).lastInsertRowid,
    );
  });
}

/** Codes a passage: from (line, offset) to (line, offset), lines numbered from 1. */
export function code(study: FreshStudy, codeId: number, on: Interview, from: [number, number], to: [number, number]): number {
  return study.core.session.require().db.write((writer) =>
    Number(
      writer
        .statement('INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(nextGuid(), codeId, on.transcript.id, on.line(from[0]), from[1], on.line(to[0]), to[1], new Date().toISOString()).lastInsertRowid,
    ),
  );
}

/** Codes whole lines `from`–`to`. */
export function codeLines(study: FreshStudy, codeId: number, on: Interview, from: number, to = from): number {
  return code(study, codeId, on, [from, 0], [to, on.transcript.content[to - 1]!.text.length]);
}

export function setAttribute(study: FreshStudy, participantId: number, name: string, text: string): void {
  study.core.session.require().db.write((writer) => {
    const attribute = writer.query<{ id: number }>('SELECT id FROM attribute WHERE name = ?').get(name)!;
    writer.statement('INSERT OR REPLACE INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)').run(participantId, attribute.id, text);
  });
}

export function attributeId(study: FreshStudy, name: string): number {
  return study.core.session.require().db.read((reader) => reader.query<{ id: number }>('SELECT id FROM attribute WHERE name = ?').get(name)!.id);
}
