import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';
import { passageSchema, undoStateSchema } from '../coding/contract.js';
import { passageViewSchema } from '../memos/passage.js';

/**
 * Quotes: passages of anonymised transcripts marked for the write-up. Each keeps the link to its
 * source lines (whose text is always read as the transcript has it now) and has a wording of its
 * own for publication (dialect to bokmål, details left out), and may be placed in a category, by
 * which the list and the export group them.
 */

const id = z.number().int().positive();

export const quoteSchema = z.object({
  id,
  /** The source: who, which lines, and their text as the transcript has it now. */
  source: passageViewSchema,
  /** The passage's anchor (to open it, or to mark it again). */
  passage: passageSchema,
  /** The wording for publication; empty until written. */
  wording: z.string(),
  /** The researcher's note on it (what was left out, why it was chosen). */
  note: z.string(),
  categoryId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** A category, with the names from its main category down to it. */
export const quoteCategorySchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  /** Names from the main category down to this one. */
  path: z.array(z.string()),
});
export type QuoteCategory = z.infer<typeof quoteCategorySchema>;

const wording = z.string().max(20_000);
const note = z.string().max(20_000);

export const quotesChannels = {
  /**
   * Every quote, grouped by category in the category tree's order (the unplaced last), and within
   * a category by participant and line; and the categories in tree order.
   */
  'quotes.list': defineChannel(z.object({}).strict(), z.object({ quotes: z.array(quoteSchema), categories: z.array(quoteCategorySchema) })),
  /**
   * Marks a passage as a quote. Only a passage of an anonymised transcript (`quote.passageRaw`),
   * whose lines are this transcript's, in order (`quote.passageInvalid`). Undoable with the study's Undo (the answer carries the undo state).
   */
  'quotes.create': defineChannel(
    z.object({ passage: passageSchema, wording: wording.optional(), categoryId: id.nullable().optional() }).strict(),
    z.object({ quote: quoteSchema, undo: undoStateSchema }),
  ),
  /**
   * Its wording, note and category. `baseUpdatedAt` is the `updatedAt` the form opened with: if it
   * was saved elsewhere since, nothing is written (`quote.stale`).
   */
  'quotes.update': defineChannel(
    z.object({ id, wording, note, categoryId: id.nullable(), baseUpdatedAt: z.string().max(40) }).strict(),
    quoteSchema,
  ),
  /** Unmarks a quote (its source lines stay as they are). Undoable with the study's Undo. */
  'quotes.delete': defineChannel(z.object({ id }).strict(), z.object({ undo: undoStateSchema })),
  /**
   * Writes the quotes to a Word file, grouped by category: each with its wording (or, where none is
   * written yet, the source text, marked so), pseudonym and line numbers. A quote whose transcript
   * went back to its anonymisation review has its source text left out. Recorded in the audit trail
   * (counts only).
   */
  'quotes.export': defineChannel(
    z.object({ path: absolutePathSchema, language: z.enum(['en', 'nb']) }).strict(),
    z.object({ path: z.string(), quotes: z.number().int(), categories: z.number().int() }),
  ),
} as const;
