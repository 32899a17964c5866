import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';

/**
 * The analysis's exports for the thesis: the coding table (excerpt → initial codes → focused codes →
 * category) and the codebook. Only anonymised transcripts' text is ever exported; the audit trail
 * records what was exported, in which format, and counts (never text).
 */

const id = z.number().int().positive();
export const exportLanguageSchema = z.enum(['en', 'nb']);
export type ExportLanguage = z.infer<typeof exportLanguageSchema>;

export const codingTableFormats = ['docx', 'xlsx', 'csv'] as const;
export type CodingTableFormat = (typeof codingTableFormats)[number];
export const codebookFormats = ['docx', 'xlsx'] as const;
export type CodebookFormat = (typeof codebookFormats)[number];

/**
 * Which passages the coding table holds: all coded passages; those under chosen categories (with
 * their subcategories); or those under chosen focused codes.
 */
export const codingTableSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('categories'), ids: z.array(id).min(1).max(5000) }).strict(),
  z.object({ kind: z.literal('focusedCodes'), ids: z.array(id).min(1).max(5000) }).strict(),
]);
export type CodingTableSelection = z.infer<typeof codingTableSelectionSchema>;

/** One row of the coding table: one passage with its codes. */
export const codingTableRowSchema = z.object({
  /** The anonymised transcript's text of the passage, exactly; lines joined by a line break. */
  excerpt: z.string(),
  /** Pseudonym and line numbers, as a thesis cites them: "Deltaker 3, 120–124". */
  source: z.string(),
  initialCodes: z.array(z.string()),
  focusedCodes: z.array(z.string()),
  /** Each as its path, "Category › Subcategory". */
  categories: z.array(z.string()),
});
export type CodingTableRow = z.infer<typeof codingTableRowSchema>;

/** The column headings, in the export's language. */
export const codingTableHeadingsSchema = z.object({
  excerpt: z.string(),
  source: z.string(),
  initialCodes: z.string(),
  focusedCodes: z.string(),
  category: z.string(),
});
export type CodingTableHeadings = z.infer<typeof codingTableHeadingsSchema>;

export const codingTablePreviewSchema = z.object({
  headings: codingTableHeadingsSchema,
  /** The first rows, in the table's order. */
  rows: z.array(codingTableRowSchema),
  /** Every row the export would hold. */
  total: z.number().int(),
  /** Passages left out because their transcript is not anonymised yet, and how many transcripts. */
  rawLeftOut: z.object({ passages: z.number().int(), transcripts: z.number().int() }),
});
export type CodingTablePreview = z.infer<typeof codingTablePreviewSchema>;

/** What can be chosen: the category tree (flat, in order) and the focused codes. */
export const analysisExportChoicesSchema = z.object({
  categories: z.array(z.object({ id, parentId: id.nullable(), name: z.string(), depth: z.number().int() })),
  focusedCodes: z.array(z.object({ id, name: z.string(), categoryId: id.nullable() })),
  codes: z.number().int(),
  codings: z.number().int(),
});
export type AnalysisExportChoices = z.infer<typeof analysisExportChoicesSchema>;

/** How far a long export has come: the rows or codes laid out, then the file made. */
export const analysisExportProgressSchema = z.object({
  exportId: z.string(),
  phase: z.enum(['reading', 'building', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type AnalysisExportProgress = z.infer<typeof analysisExportProgressSchema>;

const exportId = z.string().min(1).max(64);

export const analysisExportsChannels = {
  'analysisExports.choices': defineChannel(z.object({}).strict(), analysisExportChoicesSchema),
  /** The coding table's first rows (`limit`), its size and what it leaves out. */
  'analysisExports.codingTablePreview': defineChannel(
    z.object({ selection: codingTableSelectionSchema, language: exportLanguageSchema, limit: z.number().int().min(1).max(200) }).strict(),
    codingTablePreviewSchema,
  ),
  /**
   * Writes the coding table to `path` and nowhere else, only once it is complete. Progress comes as
   * `analysisExports.progress` events carrying `exportId`.
   */
  'analysisExports.codingTable': defineChannel(
    z
      .object({
        selection: codingTableSelectionSchema,
        format: z.enum(codingTableFormats),
        path: absolutePathSchema,
        language: exportLanguageSchema,
        exportId: exportId.optional(),
      })
      .strict(),
    z.object({ path: z.string(), rows: z.number().int(), rawLeftOut: z.number().int() }),
  ),
  /** Writes the codebook (levels, hierarchy, definitions, counts) to `path`. */
  'analysisExports.codebook': defineChannel(
    z.object({ format: z.enum(codebookFormats), path: absolutePathSchema, language: exportLanguageSchema, exportId: exportId.optional() }).strict(),
    z.object({ path: z.string(), codes: z.number().int(), categories: z.number().int() }),
  ),
} as const;
