import { GroundworkError } from '../../../shared/contract/errors.js';
import { checkAttributeValue, type AttributeKind } from '../../../shared/participants/attributes.js';
import type { Attribute } from '../../../shared/participants/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { requireActiveParticipant } from './participants.js';

interface AttributeRow {
  id: number;
  name: string;
  kind: AttributeKind;
  choices: string;
  builtin: string | null;
  position: number;
  value_count: number;
}

function toAttribute(row: AttributeRow): Attribute {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    choices: JSON.parse(row.choices) as string[],
    builtin: row.builtin,
    position: row.position,
    valueCount: row.value_count,
  };
}

/** The attributes in the researcher's order, each with how many participants have a value. */
export function listAttributes(reader: StudyReader): Attribute[] {
  return reader
    .query<AttributeRow>(
      `SELECT a.id, a.name, a.kind, a.choices, a.builtin, a.position,
        (SELECT count(*) FROM attribute_value v WHERE v.attribute_id = a.id) AS value_count
       FROM attribute a ORDER BY a.position, a.id`,
    )
    .all()
    .map(toAttribute);
}

function requireAttribute(reader: StudyReader, id: number): Attribute {
  const attribute = listAttributes(reader).find((candidate) => candidate.id === id);
  if (!attribute) throw new GroundworkError('attribute.notFound');
  return attribute;
}

function nameTaken(reader: StudyReader, name: string, except: number | null): boolean {
  const row = reader.query<{ id: number }>('SELECT id FROM attribute WHERE name = ?').get(name);
  return row !== undefined && row.id !== except;
}

/** Choices without duplicates, in the order given. */
function tidyChoices(choices: readonly string[]): string[] {
  return [...new Set(choices.map((choice) => choice.trim()).filter(Boolean))];
}

export function addAttribute(writer: StudyWriter, input: { name: string; kind: AttributeKind; choices: string[] }): void {
  const name = input.name.trim();
  if (nameTaken(writer, name, null)) throw new GroundworkError('attribute.nameTaken');
  const choices = input.kind === 'choice' ? tidyChoices(input.choices) : [];
  if (input.kind === 'choice' && choices.length === 0) throw new GroundworkError('attribute.choicesMissing');
  const position = writer.query<{ next: number }>('SELECT coalesce(max(position) + 1, 0) AS next FROM attribute').get()?.next ?? 0;
  writer
    .statement('INSERT INTO attribute (name, kind, choices, position) VALUES (?, ?, ?, ?)')
    .run(name, input.kind, JSON.stringify(choices), position);
}

/** Renames an attribute and, for a choice, sets its values; a value still in use cannot be removed. */
export function updateAttribute(writer: StudyWriter, input: { id: number; name: string; choices: string[] }): void {
  const attribute = requireAttribute(writer, input.id);
  const name = input.name.trim();
  if (nameTaken(writer, name, input.id)) throw new GroundworkError('attribute.nameTaken');
  let choices: string[] = [];
  if (attribute.kind === 'choice') {
    choices = tidyChoices(input.choices);
    if (choices.length === 0) throw new GroundworkError('attribute.choicesMissing');
    const used = writer
      .query<{ value: string }>('SELECT DISTINCT value FROM attribute_value WHERE attribute_id = ?')
      .all(input.id)
      .map((row) => row.value);
    if (used.some((value) => !choices.includes(value))) throw new GroundworkError('attribute.choiceInUse');
  }
  writer.statement('UPDATE attribute SET name = ?, choices = ? WHERE id = ?').run(name, JSON.stringify(choices), input.id);
}

export function moveAttribute(writer: StudyWriter, id: number, direction: 'up' | 'down'): void {
  const ordered = listAttributes(writer);
  const index = ordered.findIndex((attribute) => attribute.id === id);
  if (index < 0) throw new GroundworkError('attribute.notFound');
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= ordered.length) return;
  const reordered = [...ordered];
  [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
  const update = writer.statement('UPDATE attribute SET position = ? WHERE id = ?');
  reordered.forEach((attribute, position) => update.run(position, attribute.id));
}

/** Deletes an attribute with every value of it (the foreign key cascades). Returns how many values went. */
export function deleteAttribute(writer: StudyWriter, id: number): number {
  const attribute = requireAttribute(writer, id);
  writer.statement('DELETE FROM attribute WHERE id = ?').run(id);
  return attribute.valueCount;
}

/** One participant's values by attribute id (as strings, for the contract's record). */
export function valuesOf(reader: StudyReader, participantId: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const row of reader
    .query<{ attribute_id: number; value: string }>('SELECT attribute_id, value FROM attribute_value WHERE participant_id = ?')
    .iterate(participantId)) {
    values[String(row.attribute_id)] = row.value;
  }
  return values;
}

/**
 * Every participant's attribute values: participant id → (attribute id → value). Every participant
 * has an entry, with an empty map when nothing is filled in. For the participant table.
 */
export function attributeValues(reader: StudyReader): Map<number, Map<number, string>> {
  const byParticipant = new Map<number, Map<number, string>>();
  for (const row of reader.query<{ id: number }>('SELECT id FROM participant ORDER BY id').iterate()) {
    byParticipant.set(row.id, new Map());
  }
  for (const row of reader
    .query<{ participant_id: number; attribute_id: number; value: string }>('SELECT participant_id, attribute_id, value FROM attribute_value')
    .iterate()) {
    byParticipant.get(row.participant_id)?.set(row.attribute_id, row.value);
  }
  return byParticipant;
}

/**
 * Sets some of a participant's values; an empty value removes it. Every value is checked against
 * its attribute's kind first, and nothing is stored unless all pass: the refused ones are reported
 * as fields `values.<attribute id>`.
 */
export function setAttributeValues(writer: StudyWriter, participantId: number, values: { attributeId: number; value: string }[]): void {
  requireActiveParticipant(writer, participantId);
  const attributes = new Map(listAttributes(writer).map((attribute) => [attribute.id, attribute]));
  const checked: { attributeId: number; value: string }[] = [];
  const refused: string[] = [];
  for (const { attributeId, value } of values) {
    const attribute = attributes.get(attributeId);
    if (!attribute) throw new GroundworkError('attribute.notFound');
    const result = checkAttributeValue(attribute.kind, attribute.choices, value);
    if (result.ok) checked.push({ attributeId, value: result.value });
    else refused.push(`values.${attributeId}`);
  }
  if (refused.length > 0) throw new GroundworkError('attribute.invalidValue', refused);
  const upsert = writer.statement(
    `INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
  );
  const remove = writer.statement('DELETE FROM attribute_value WHERE participant_id = ? AND attribute_id = ?');
  for (const { attributeId, value } of checked) {
    if (value === '') remove.run(participantId, attributeId);
    else upsert.run(participantId, attributeId, value);
  }
}
