import type { AttributeCondition, ComparisonCategory, ComparisonCode, ComparisonParticipant, PassageSource } from '../../../shared/comparison/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { isCalendarDate, parseAttributeNumber } from '../../../shared/participants/attributes.js';
import type { StudyReader } from '../db/connection.js';

/** Pseudonyms in the order a person reads them: Deltaker 2 before Deltaker 10. */
export const byPseudonym = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' }).compare;

/**
 * Each participant's place in pseudonym order, for sorting many rows by it with a number
 * comparison (a collator's comparison per row pair costs more than the query that found them).
 */
export function pseudonymRanks(rows: readonly { participantId: number; pseudonym: string }[]): Map<number, number> {
  const participants = new Map<number, string>();
  for (const row of rows) participants.set(row.participantId, row.pseudonym);
  const ordered = [...participants].sort(([aId, a], [bId, b]) => byPseudonym(a, b) || aId - bId);
  return new Map(ordered.map(([id], rank) => [id, rank]));
}

/** Every code with what a focused code subsumes and how many codings it has itself. */
export function listCodes(reader: StudyReader): ComparisonCode[] {
  const subsumes = new Map<number, number[]>();
  for (const row of reader.query<{ focused: number; initial: number }>('SELECT focused_code_id AS focused, initial_code_id AS initial FROM code_subsumes ORDER BY focused, initial').all()) {
    const list = subsumes.get(row.focused) ?? [];
    list.push(row.initial);
    subsumes.set(row.focused, list);
  }
  return reader
    .query<{ id: number; level: 'initial' | 'focused'; name: string; colour: string; category_id: number | null; codings: number }>(
      `SELECT k.id, k.level, k.name, k.colour, k.category_id,
         (SELECT count(*) FROM coding c WHERE c.code_id = k.id) AS codings
       FROM code k ORDER BY k.level, k.name COLLATE NOCASE, k.id`,
    )
    .all()
    .map((row) => ({
      id: row.id,
      level: row.level,
      name: row.name,
      colour: row.colour,
      categoryId: row.category_id,
      subsumes: subsumes.get(row.id) ?? [],
      codings: row.codings,
    }));
}

export function listCategories(reader: StudyReader): ComparisonCategory[] {
  return reader
    .query<{ id: number; parent_id: number | null; name: string; position: number }>('SELECT id, parent_id, name, position FROM category ORDER BY parent_id NULLS FIRST, position, id')
    .all()
    .map((row) => ({ id: row.id, parentId: row.parent_id, name: row.name, position: row.position }));
}

/** The participants with at least one transcript, in pseudonym order. */
export function listComparedParticipants(reader: StudyReader): ComparisonParticipant[] {
  return reader
    .query<ComparisonParticipant>(
      `SELECT DISTINCT p.id, p.pseudonym FROM participant p
       JOIN interview i ON i.participant_id = p.id JOIN transcript t ON t.interview_id = i.id`,
    )
    .all()
    .sort((a, b) => byPseudonym(a.pseudonym, b.pseudonym) || a.id - b.id);
}

/** A category and every category below it. */
export function categorySubtree(reader: StudyReader, categoryId: number): number[] {
  const rows = reader
    .query<{ id: number }>(
      `WITH RECURSIVE tree(id) AS (SELECT id FROM category WHERE id = ? UNION SELECT c.id FROM category c JOIN tree ON c.parent_id = tree.id)
       SELECT id FROM tree`,
    )
    .all(categoryId);
  if (rows.length === 0) throw new GroundworkError('comparison.notFound');
  return rows.map((row) => row.id);
}

/**
 * The codes whose codings a source's passages are: for each code, itself and (for a focused code)
 * the initial codes it subsumes. `via` is the focused code an initial code's passage is found under.
 */
export interface Member {
  codeId: number;
  via: number | null;
}

export function membersOfCodes(reader: StudyReader, codeIds: readonly number[]): Member[] {
  const members: Member[] = codeIds.map((codeId) => ({ codeId, via: null }));
  const subsumed = reader.query<{ initial: number }>('SELECT initial_code_id AS initial FROM code_subsumes WHERE focused_code_id = ? ORDER BY initial_code_id');
  for (const codeId of codeIds) {
    for (const row of subsumed.all(codeId)) members.push({ codeId: row.initial, via: codeId });
  }
  return members;
}

/** The codes of a source: one code, or every code placed in a category or below it. */
export function codesOfSource(reader: StudyReader, source: PassageSource): number[] {
  if (source.kind === 'code') {
    if (!reader.query('SELECT 1 FROM code WHERE id = ?').get(source.id)) throw new GroundworkError('comparison.notFound');
    return [source.id];
  }
  const categories = categorySubtree(reader, source.id);
  return reader
    .query<{ id: number }>('SELECT id FROM code WHERE category_id IN (SELECT value FROM json_each(?)) ORDER BY category_id, category_position, id')
    .all(JSON.stringify(categories))
    .map((row) => row.id);
}

/**
 * The participants whose attributes meet every condition, or null when there are none (everyone).
 * A participant without a value for an attribute a condition names does not meet it.
 */
export function participantsMeeting(reader: StudyReader, conditions: readonly AttributeCondition[]): Set<number> | null {
  if (conditions.length === 0) return null;
  let meeting: Set<number> | null = null;
  const values = reader.query<{ participant_id: number; value: string }>('SELECT participant_id, value FROM attribute_value WHERE attribute_id = ?');
  for (const condition of conditions) {
    if (!reader.query('SELECT 1 FROM attribute WHERE id = ?').get(condition.attributeId)) throw new GroundworkError('attribute.notFound');
    const passing = new Set<number>();
    for (const row of values.all(condition.attributeId)) {
      if ((meeting === null || meeting.has(row.participant_id)) && meets(condition, row.value)) passing.add(row.participant_id);
    }
    meeting = passing;
  }
  return meeting;
}

function meets(condition: AttributeCondition, stored: string): boolean {
  const value = stored.trim();
  if (value === '') return false;
  switch (condition.kind) {
    case 'equals':
      return value.localeCompare(condition.value.trim(), 'nb', { sensitivity: 'accent' }) === 0;
    case 'range': {
      const number = parseAttributeNumber(value);
      if (number === null) return false;
      return (condition.min === null || number >= condition.min) && (condition.max === null || number <= condition.max);
    }
    case 'dates':
      if (!isCalendarDate(value)) return false;
      return (condition.from === null || value >= condition.from) && (condition.to === null || value <= condition.to);
  }
}
