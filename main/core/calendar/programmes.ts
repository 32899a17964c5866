import {
  builtinProgrammeKeys,
  programmeContentSchema,
  type Bilingual,
  type BuiltinProgrammeKey,
  type Programme,
  type ProgrammeContent,
} from '../../../shared/calendar/contract.js';
import { minutesOfDay } from '../../../shared/calendar/schedule.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

interface ProgrammeRow {
  id: number;
  builtin: string | null;
  is_default: number;
  content: string;
  updated_at: string;
  group_count: number;
}

function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    builtin: (builtinProgrammeKeys as readonly string[]).includes(row.builtin ?? '') ? (row.builtin as BuiltinProgrammeKey) : null,
    isDefault: row.is_default === 1,
    content: programmeContentSchema.parse(JSON.parse(row.content)),
    groupCount: row.group_count,
    updatedAt: row.updated_at,
  };
}

const programmeQuery = `SELECT p.id, p.builtin, p.is_default, p.content, p.updated_at,
  (SELECT count(*) FROM calendar_group g WHERE g.programme_id = p.id) AS group_count
  FROM group_programme p`;

export function listProgrammes(reader: StudyReader): Programme[] {
  return reader.query<ProgrammeRow>(`${programmeQuery} ORDER BY p.position, p.id`).all().map(toProgramme);
}

export function readProgramme(reader: StudyReader, id: number): Programme {
  const row = reader.query<ProgrammeRow>(`${programmeQuery} WHERE p.id = ?`).get(id);
  if (!row) throw new GroundworkError('calendar.programmeMissing');
  return toProgramme(row);
}

function unique(keys: readonly string[]): boolean {
  return new Set(keys).size === keys.length;
}

/**
 * What the schema cannot say: keys used once, usual hours that start before they end, a session
 * that fits within a day, and a completion rule the sessions can meet.
 */
export function checkProgramme(content: ProgrammeContent): void {
  const problems = [
    !unique(content.themes.map((theme) => theme.key)),
    !unique(content.individualTalks.map((talk) => talk.key)),
    !unique(content.evaluationForms.map((form) => form.key)),
    content.evaluationForms.some((form) => !unique(form.questions.map((question) => question.key))),
    minutesOfDay(content.usualHours.from) >= minutesOfDay(content.usualHours.to),
    minutesOfDay(content.startTime) + content.sessionMinutes > 24 * 60,
    content.cadence.kind === 'fixedDates' && !unique(content.cadence.dates),
    content.capacity.ideal !== null && content.capacity.ideal > content.capacity.max,
  ];
  if (problems.some(Boolean)) throw new GroundworkError('calendar.programmeInvalid');
}

export function saveProgramme(writer: StudyWriter, id: number, content: ProgrammeContent, now = new Date()): void {
  readProgramme(writer, id);
  checkProgramme(content);
  writer.statement('UPDATE group_programme SET content = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(content), now.toISOString(), id);
  recordAudit(writer, 'calendar.programmeChanged', { programmeId: id }, now);
}

/** A copy of a programme to make one's own; the copy is never built-in. */
export function copyProgramme(writer: StudyWriter, id: number, name: Bilingual, now = new Date()): number {
  const source = readProgramme(writer, id);
  const position = writer.query<{ next: number }>('SELECT coalesce(max(position) + 1, 0) AS next FROM group_programme').get()?.next ?? 0;
  const content: ProgrammeContent = { ...source.content, name };
  const newId = Number(
    writer
      .statement('INSERT INTO group_programme (builtin, is_default, content, position, created_at, updated_at) VALUES (NULL, 0, ?, ?, ?, ?)')
      .run(JSON.stringify(content), position, now.toISOString(), now.toISOString()).lastInsertRowid,
  );
  recordAudit(writer, 'calendar.programmeChanged', { programmeId: newId, copiedFrom: id }, now);
  return newId;
}

export function deleteProgramme(writer: StudyWriter, id: number, now = new Date()): void {
  const programme = readProgramme(writer, id);
  if (programme.groupCount > 0) throw new GroundworkError('calendar.programmeInUse');
  writer.statement('DELETE FROM group_programme WHERE id = ?').run(id);
  if (programme.isDefault) {
    // Another programme becomes the default: the first in the list.
    writer.statement('UPDATE group_programme SET is_default = 1 WHERE id = (SELECT id FROM group_programme ORDER BY position, id LIMIT 1)').run();
  }
  recordAudit(writer, 'calendar.programmeChanged', { programmeId: id, deleted: true }, now);
}

export function setDefaultProgramme(writer: StudyWriter, id: number): void {
  readProgramme(writer, id);
  writer.statement('UPDATE group_programme SET is_default = 0 WHERE is_default = 1').run();
  writer.statement('UPDATE group_programme SET is_default = 1 WHERE id = ?').run(id);
}
