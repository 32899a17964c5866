import crypto from 'node:crypto';
import { emptyTableDefinition, tableDefinitionSchema, type SourceParticipant, type TableAttribute, type TableDefinition } from '../../../shared/participantTable/definition.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * What the participant table is built from. It reads the participant's pseudonym and attribute
 * values straight from the tables of migration 0003 (there are no participant readers to reuse yet)
 * and never `participant_identity`: the table and its exports cannot show what they never read.
 */
export function readTableAttributes(reader: StudyReader): TableAttribute[] {
  const attributes = reader
    .query<{ id: number; name: string; kind: TableAttribute['kind']; builtin: string | null }>(
      'SELECT id, name, kind, builtin FROM attribute ORDER BY position, id',
    )
    .all();
  const values = reader
    .query<{ attribute_id: number; value: string }>(
      `SELECT DISTINCT v.attribute_id, v.value FROM attribute_value v
        JOIN participant p ON p.id = v.participant_id
        WHERE p.status <> 'withdrawn' AND trim(v.value) <> ''`,
    )
    .all();
  const byAttribute = new Map<number, string[]>();
  for (const row of values) {
    const list = byAttribute.get(row.attribute_id) ?? [];
    list.push(row.value);
    byAttribute.set(row.attribute_id, list);
  }
  const collator = new Intl.Collator('nb', { numeric: true });
  return attributes.map((attribute) => ({ ...attribute, values: (byAttribute.get(attribute.id) ?? []).sort(collator.compare) }));
}

/** Participants that have not withdrawn, with their values. */
export function readTableParticipants(reader: StudyReader): SourceParticipant[] {
  const participants = reader
    .query<{ id: number; pseudonym: string }>("SELECT id, pseudonym FROM participant WHERE status <> 'withdrawn' ORDER BY id")
    .all();
  const values = new Map<number, Map<number, string>>(participants.map((participant) => [participant.id, new Map()]));
  for (const row of reader
    .query<{ participant_id: number; attribute_id: number; value: string }>('SELECT participant_id, attribute_id, value FROM attribute_value')
    .iterate()) {
    values.get(row.participant_id)?.set(row.attribute_id, row.value);
  }
  return participants.map((participant) => ({ ...participant, values: values.get(participant.id)! }));
}

export function countWithdrawn(reader: StudyReader): number {
  return reader.query<{ count: number }>("SELECT count(*) AS count FROM participant WHERE status = 'withdrawn'").get()?.count ?? 0;
}

const settingKey = 'participantTable';

/** The saved definition; a stored one that no longer fits the rules falls back to the empty one. */
export function readTableDefinition(reader: StudyReader): TableDefinition {
  const row = reader.query<{ value: string }>('SELECT value FROM setting WHERE key = ?').get(settingKey);
  if (!row) return { ...emptyTableDefinition };
  try {
    const parsed = tableDefinitionSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : { ...emptyTableDefinition };
  } catch {
    return { ...emptyTableDefinition };
  }
}

export function writeTableDefinition(writer: StudyWriter, definition: TableDefinition): void {
  const checked = tableDefinitionSchema.parse(definition);
  writer
    .statement('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(settingKey, JSON.stringify(checked));
}

export function newShuffleSeed(): string {
  return crypto.randomBytes(12).toString('hex');
}
