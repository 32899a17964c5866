import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';
import { richNodeSchema } from '../consent/contract.js';
import { passageSchema, undoStateSchema } from '../coding/contract.js';
import { passageViewSchema } from './passage.js';

/**
 * Memos: the researcher's dated notes, the method's engine. A memo is free or about one thing: a
 * code, a category, or a passage of a transcript. Its body is rich text (the editor's document);
 * the core keeps its plain text beside it for search, lists and exports.
 */

const id = z.number().int().positive();

export const memoKinds = ['free', 'code', 'category', 'passage'] as const;
export type MemoKind = (typeof memoKinds)[number];

/** What a new memo is about. */
export const memoTargetInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }).strict(),
  z.object({ kind: z.literal('code'), codeId: id }).strict(),
  z.object({ kind: z.literal('category'), categoryId: id }).strict(),
  z.object({ kind: z.literal('passage'), passage: passageSchema }).strict(),
]);
export type MemoTargetInput = z.infer<typeof memoTargetInputSchema>;

/** What a memo is about, as lists show it (names as they are now). */
export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('code'), codeId: z.number().int(), name: z.string(), level: z.enum(['initial', 'focused']) }),
  z.object({ kind: z.literal('category'), categoryId: z.number().int(), name: z.string() }),
  z.object({ kind: z.literal('passage'), passage: passageViewSchema }),
]);
export type MemoTarget = z.infer<typeof memoTargetSchema>;

export const memoSummarySchema = z.object({
  id,
  title: z.string(),
  target: memoTargetSchema,
  /** The start of its plain text, for the list; in a list found by search, its text around the words found. */
  excerpt: z.string(),
  /** In a list found by search: the words found, as `[start, end)` ranges of `title` and of `excerpt`; else null. */
  found: z.object({ title: z.array(z.tuple([z.number().int(), z.number().int()])), excerpt: z.array(z.tuple([z.number().int(), z.number().int()])) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemoSummary = z.infer<typeof memoSummarySchema>;

export const memoSchema = memoSummarySchema.extend({ body: richNodeSchema, bodyText: z.string() });
export type Memo = z.infer<typeof memoSchema>;

/** Which memos: of a kind or about one thing, matching a search, newest or oldest first. */
export const memoFilterSchema = z
  .object({
    order: z.enum(['newest', 'oldest']),
    kind: z.enum(['all', ...memoKinds]),
    /** About this code, category or transcript (with kind `code`, `category` or `passage`). */
    codeId: id.optional(),
    categoryId: id.optional(),
    transcriptId: id.optional(),
    /** Words to find in titles and texts (each word as typed; the last may be the start of a word). */
    search: z.string().max(500),
  })
  .strict();
export type MemoFilter = z.infer<typeof memoFilterSchema>;

/** What a memo can be about, for the filters and the new memo form. */
export const memoTargetsSchema = z.object({
  codes: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.enum(['initial', 'focused']) })),
  categories: z.array(z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable() })),
  transcripts: z.array(z.object({ id: z.number().int(), pseudonym: z.string(), heldAt: z.string() })),
});
export type MemoTargets = z.infer<typeof memoTargetsSchema>;

const title = z.string().max(300);

export const memosChannels = {
  /** The memos the filter picks, in time order, how many memos the study has, and what memos can be about. */
  'memos.list': defineChannel(memoFilterSchema, z.object({ memos: z.array(memoSummarySchema), total: z.number().int(), targets: memoTargetsSchema })),
  'memos.get': defineChannel(z.object({ id }).strict(), memoSchema),
  /**
   * A new memo, free or about one code, category or passage (a passage only of an anonymised
   * transcript: `memo.passageRaw`). Undoable with the study's Undo (the answer carries the undo state).
   */
  'memos.create': defineChannel(
    z.object({ title, target: memoTargetInputSchema, body: richNodeSchema.optional() }).strict(),
    z.object({ memo: memoSchema, undo: undoStateSchema }),
  ),
  /**
   * Saves the title and the text (the autosave). `baseUpdatedAt` is the `updatedAt` the editor
   * last saved or opened: when the memo was saved elsewhere since, nothing is written
   * (`memo.stale`), so newer text is never overwritten. Not an undo step (the editor has its own).
   */
  'memos.save': defineChannel(
    z.object({ id, title, body: richNodeSchema, baseUpdatedAt: z.string().max(40) }).strict(),
    z.object({ updatedAt: z.string(), excerpt: z.string() }),
  ),
  /** Deletes a memo. Undoable with the study's Undo (the answer carries the undo state, as coding actions do). */
  'memos.delete': defineChannel(z.object({ id }).strict(), z.object({ undo: undoStateSchema })),
  /** Writes the memos the filter picks to a Word file where the researcher chose (recorded in the audit trail, counts only). */
  'memos.export': defineChannel(
    z.object({ filter: memoFilterSchema, path: absolutePathSchema, language: z.enum(['en', 'nb']) }).strict(),
    z.object({ path: z.string(), memos: z.number().int() }),
  ),
} as const;
