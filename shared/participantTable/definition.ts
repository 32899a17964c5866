import { z } from 'zod';
import { isoDateSchema } from '../contract/values.js';

/**
 * How one attribute is shown in the anonymised participant table (the thesis's table 1).
 * `asIs` shows the value; `bands` puts numbers in bands (age 30–34); `groups` maps values to the
 * researcher's broader groups; `timeBefore` shows a date as time before a reference date; `leftOut`
 * keeps the attribute out of the table (while the researcher keeps its place in the list).
 */
export const columnRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asIs') }).strict(),
  z
    .object({
      kind: z.literal('bands'),
      width: z.number().int().min(1).max(1000),
      start: z.number().int().min(-100000).max(100000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('groups'),
      groups: z
        .array(z.object({ label: z.string().trim().min(1).max(200), values: z.array(z.string().max(500)).max(200) }).strict())
        .max(50),
      /** What a value in none of the groups is shown as; empty: the value as it is. */
      otherLabel: z.string().max(200),
    })
    .strict(),
  z.object({ kind: z.literal('timeBefore'), referenceDate: isoDateSchema }).strict(),
  z.object({ kind: z.literal('leftOut') }).strict(),
]);
export type ColumnRule = z.infer<typeof columnRuleSchema>;

export const tableColumnSchema = z
  .object({
    attributeId: z.number().int().positive(),
    /** The column's heading in the table; empty: the attribute's name. */
    heading: z.string().max(200),
    rule: columnRuleSchema,
  })
  .strict();
export type TableColumn = z.infer<typeof tableColumnSchema>;

export const rowOrders = ['pseudonym', 'attribute', 'shuffled'] as const;

export const tableDefinitionSchema = z
  .object({
    caption: z.string().max(500),
    columns: z.array(tableColumnSchema).max(100),
    /** Show the real pseudonyms in a column of their own (off unless the researcher chooses it). */
    showPseudonym: z.boolean(),
    order: z.enum(rowOrders),
    /** For order `attribute`: which attribute the rows are sorted by. */
    orderAttributeId: z.number().int().positive().nullable(),
    /** For order `shuffled`: the stored random order, so it stays the same until reshuffled. */
    shuffleSeed: z.string().max(100),
  })
  .strict();
export type TableDefinition = z.infer<typeof tableDefinitionSchema>;

export const emptyTableDefinition: TableDefinition = {
  caption: '',
  columns: [],
  showPseudonym: false,
  order: 'pseudonym',
  orderAttributeId: null,
  shuffleSeed: '',
};

export const attributeKinds = ['text', 'number', 'date', 'choice'] as const;

export const tableAttributeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(attributeKinds),
  /** For the attributes every study starts with: a stable key (age, familySituation, …). */
  builtin: z.string().nullable(),
  /** The distinct values entered for it (for building groups), sorted. */
  values: z.array(z.string()),
});
export type TableAttribute = z.infer<typeof tableAttributeSchema>;

/** What the rule engine is given: participants that have not withdrawn, with their raw values. */
export interface SourceParticipant {
  id: number;
  pseudonym: string;
  /** attribute id → the value as entered */
  values: ReadonlyMap<number, string>;
}
