import crypto from 'node:crypto';
import { emptyTableDefinition, tableDefinitionSchema, type SourceParticipant, type TableAttribute, type TableDefinition } from '../../../shared/participantTable/definition.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { attributeValues, listAttributes } from '../participants/attributes.js';
import { listParticipants } from '../participants/participants.js';

/**
 * What the participant table is built from: the participants' pseudonyms and attribute values,
 * through the participant register's own readers (main/core/participants/). Nothing here reads the
 * table of identifying details: the table and its exports cannot show what they never read.
 */
export function readTableSource(reader: StudyReader): { attributes: TableAttribute[]; participants: SourceParticipant[] } {
  const values = attributeValues(reader);
  const participants = listParticipants(reader)
    .filter((participant) => participant.status !== 'withdrawn')
    .map((participant) => ({ id: participant.id, pseudonym: participant.pseudonym, values: values.get(participant.id) ?? new Map<number, string>() }));
  // The values entered for each attribute (to build groups from), from participants still in.
  const byAttribute = new Map<number, Set<string>>();
  for (const participant of participants) {
    for (const [attributeId, value] of participant.values) {
      if (value.trim() === '') continue;
      const set = byAttribute.get(attributeId) ?? new Set<string>();
      set.add(value);
      byAttribute.set(attributeId, set);
    }
  }
  const collator = new Intl.Collator('nb', { numeric: true });
  const attributes = listAttributes(reader).map((attribute) => ({
    id: attribute.id,
    name: attribute.name,
    kind: attribute.kind,
    builtin: attribute.builtin,
    values: [...(byAttribute.get(attribute.id) ?? [])].sort(collator.compare),
  }));
  return { attributes, participants };
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
