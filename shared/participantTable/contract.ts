import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';
import { tableAttributeSchema, tableDefinitionSchema } from './definition.js';

export const tableLanguageSchema = z.enum(['en', 'nb']);
export const tableExportFormats = ['docx', 'xlsx', 'csv'] as const;

const cellSchema = z.object({ text: z.string(), number: z.number().optional(), date: z.string().optional() });

export const builtTableSchema = z.object({
  caption: z.string(),
  labelHeading: z.string(),
  columns: z.array(z.object({ attributeId: z.number().int().nullable(), heading: z.string() })),
  rows: z.array(z.object({ label: z.string(), cells: z.array(cellSchema), uniqueBy: z.array(z.string()).nullable() })),
});

/** The saved definition, the attributes to choose from, and the table it gives now. */
export const participantTableViewSchema = z.object({
  definition: tableDefinitionSchema,
  attributes: z.array(tableAttributeSchema),
  /** How many participants have withdrawn and are left out. */
  withdrawnLeftOut: z.number().int(),
  table: builtTableSchema,
});
export type ParticipantTableView = z.infer<typeof participantTableViewSchema>;

export const participantTableChannels = {
  'participantTable.get': defineChannel(z.object({ language: tableLanguageSchema }).strict(), participantTableViewSchema),
  /** Saves the definition in the study and answers with the table it gives. */
  'participantTable.save': defineChannel(
    z.object({ definition: tableDefinitionSchema, language: tableLanguageSchema }).strict(),
    participantTableViewSchema,
  ),
  /** A new random order for the rows (the order is then kept until the next reshuffle). */
  'participantTable.reshuffle': defineChannel(z.object({ language: tableLanguageSchema }).strict(), participantTableViewSchema),
  /** Writes the saved table to `path` (and nowhere else); the audit trail records format and counts. */
  'participantTable.export': defineChannel(
    z.object({ format: z.enum(tableExportFormats), path: absolutePathSchema, language: tableLanguageSchema }).strict(),
    z.object({ path: z.string(), rows: z.number().int(), columns: z.number().int() }),
  ),
} as const;
