import { z } from 'zod';
import { codeLevels, colourSchema } from '../coding/contract.js';
import { defineChannel } from '../contract/define.js';
import { isoDateSchema } from '../contract/values.js';
import { attributeSchema } from '../participants/contract.js';
import { lineIdPattern, speakers } from '../transcripts/lines.js';

/**
 * Constant comparison: every passage of a code or category across the interviews, side by side,
 * filtered by what is known about the participants; the code × participant matrix, code
 * co-occurrence, and full-text search over the anonymised transcripts and the memos.
 *
 * Only an anonymised transcript's words are shown. A passage in a transcript that is raw (never
 * reviewed, or sent back to raw by an edit) is listed with its place but without its text, marked
 * `anonymised: false`, so counts stay whole and the researcher sees what is waiting for the review.
 * Search finds only anonymised lines.
 */

const id = z.number().int().positive();
const lineId = z.string().regex(lineIdPattern);

/**
 * A condition on a participant attribute. A participant without a value for the attribute never
 * passes. Several conditions must all hold.
 * - `equals`: a choice or a text attribute has exactly this value (text ignores letter case).
 * - `range`: a number attribute lies within `min`–`max` (inclusive; either end may be open).
 * - `dates`: a date attribute lies within `from`–`to` (inclusive, `YYYY-MM-DD`; either end may be
 *   open). "Completed the group more than a year ago" is `to` = a year before today.
 */
export const attributeConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equals'), attributeId: id, value: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('range'), attributeId: id, min: z.number().finite().nullable(), max: z.number().finite().nullable() }).strict(),
  z.object({ kind: z.literal('dates'), attributeId: id, from: isoDateSchema.nullable(), to: isoDateSchema.nullable() }).strict(),
]);
export type AttributeCondition = z.infer<typeof attributeConditionSchema>;
const conditions = z.array(attributeConditionSchema).max(20);

export const comparisonCodeSchema = z.object({
  id,
  level: z.enum(codeLevels),
  name: z.string(),
  colour: colourSchema,
  categoryId: id.nullable(),
  /** For a focused code, the initial codes it subsumes. */
  subsumes: z.array(id),
  /** Codings of the code itself (not those it subsumes). */
  codings: z.number().int(),
});
export type ComparisonCode = z.infer<typeof comparisonCodeSchema>;

export const comparisonCategorySchema = z.object({ id, parentId: id.nullable(), name: z.string(), position: z.number().int() });
export type ComparisonCategory = z.infer<typeof comparisonCategorySchema>;

export const comparisonParticipantSchema = z.object({ id, pseudonym: z.string() });
export type ComparisonParticipant = z.infer<typeof comparisonParticipantSchema>;

/** One line of a passage or of its context: the part of the line the passage covers. */
export const passageLineSchema = z.object({
  lineId: z.string(),
  /** The line number a researcher cites (its position in the transcript). */
  position: z.number().int(),
  speaker: z.enum(speakers),
  text: z.string(),
});
export type PassageLine = z.infer<typeof passageLineSchema>;

export const comparedPassageSchema = z.object({
  codingId: id,
  codeId: id,
  codeName: z.string(),
  codeLevel: z.enum(codeLevels),
  codeColour: colourSchema,
  /** The focused code this passage is found under, when it is an initial code's passage that code subsumes. */
  subsumedBy: z.object({ id, name: z.string() }).nullable(),
  transcriptId: id,
  participantId: id,
  pseudonym: z.string(),
  /** The interview's local time, `YYYY-MM-DDTHH:MM`. */
  heldAt: z.string(),
  startLineId: z.string(),
  startOffset: z.number().int(),
  endLineId: z.string(),
  endOffset: z.number().int(),
  /** Line numbers, from and to. */
  fromLine: z.number().int(),
  toLine: z.number().int(),
  /** False for a raw transcript: then `lines` is empty (the text waits for the anonymisation review). */
  anonymised: z.boolean(),
  /** The passage's lines, the first and last cut to the passage's offsets. */
  lines: z.array(passageLineSchema),
});
export type ComparedPassage = z.infer<typeof comparedPassageSchema>;

/** What to list: one code (with what it subsumes), or a category (its codes and its subcategories'). */
export const passageSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('code'), id }).strict(),
  z.object({ kind: z.literal('category'), id }).strict(),
]);
export type PassageSource = z.infer<typeof passageSourceSchema>;

/** One search hit in a transcript line, with the matched words as `[start, end)` ranges of `text`. */
export const lineHitSchema = z.object({
  transcriptId: id,
  participantId: id,
  pseudonym: z.string(),
  heldAt: z.string(),
  lineId: z.string(),
  position: z.number().int(),
  speaker: z.enum(speakers),
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type LineHit = z.infer<typeof lineHitSchema>;

export const memoHitSchema = z.object({
  id,
  title: z.string(),
  /** The memo's text around the matches (at most about 240 characters), with the matched words as ranges of it. */
  excerpt: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
  createdAt: z.string(),
  /** What the memo is about. */
  about: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('free') }),
    z.object({ kind: z.literal('code'), id, name: z.string() }),
    z.object({ kind: z.literal('category'), id, name: z.string() }),
    z.object({ kind: z.literal('passage'), transcriptId: id, lineId: z.string(), endLineId: z.string(), pseudonym: z.string(), fromLine: z.number().int() }),
  ]),
});
export type MemoHit = z.infer<typeof memoHitSchema>;

/** The most lines a search lists; `total` says how many there are. */
export const searchListLimit = 500;
/** The most lines "code all results" codes at once (what `coding.apply` takes). */
export const searchCodeAllLimit = 10_000;

export const matrixRowSchema = z.object({
  codeId: id,
  name: z.string(),
  level: z.enum(codeLevels),
  colour: colourSchema,
  /** Passages per participant, in the order of `participants` (a focused code counts the passages it subsumes too). */
  counts: z.array(z.number().int()),
  total: z.number().int(),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

const query = z.string().max(500);

export const comparisonChannels = {
  /** What the pickers offer: codes, categories, attributes, and the participants with a transcript. */
  'comparison.options': defineChannel(
    z.object({}).strict(),
    z.object({
      codes: z.array(comparisonCodeSchema),
      categories: z.array(comparisonCategorySchema),
      attributes: z.array(attributeSchema),
      participants: z.array(comparisonParticipantSchema),
    }),
  ),
  /**
   * Every passage of a code (and of the initial codes a focused code subsumes) or of a category
   * (its codes and its subcategories', each with what it subsumes), across all interviews, ordered
   * by participant, then interview, then line. Narrowed to participants whose attributes meet
   * `conditions`, to one participant (a matrix cell), or to passages that overlap a passage of
   * `overlapping` (a co-occurrence cell).
   */
  'comparison.passages': defineChannel(
    z
      .object({
        source: passageSourceSchema,
        conditions,
        participantId: id.nullable(),
        overlapping: id.nullable(),
      })
      .strict(),
    z.object({ passages: z.array(comparedPassageSchema), participants: z.number().int() }),
  ),
  /** Lines before and after a passage ("more context"), of an anonymised transcript only. */
  'comparison.context': defineChannel(
    z.object({ transcriptId: id, startLineId: lineId, endLineId: lineId, before: z.number().int().min(0).max(50), after: z.number().int().min(0).max(50) }).strict(),
    z.object({ before: z.array(passageLineSchema), after: z.array(passageLineSchema) }),
  ),
  /**
   * Codes (rows) × participants (columns): how many passages of each code each participant has.
   * Rows: codes of a level (or both), under a category and its subcategories (or all).
   */
  'comparison.matrix': defineChannel(
    z.object({ level: z.enum([...codeLevels, 'all']), categoryId: id.nullable(), conditions }).strict(),
    z.object({ participants: z.array(comparisonParticipantSchema), rows: z.array(matrixRowSchema) }),
  ),
  /**
   * For the codes given (or, with none, every focused code): `counts[a][b]` is how many passages of
   * code a overlap a passage of code b (same transcript, the ranges share at least one character).
   */
  'comparison.cooccurrence': defineChannel(
    z.object({ codeIds: z.array(id).max(200), conditions }).strict(),
    z.object({ codes: z.array(comparisonCodeSchema), counts: z.array(z.array(z.number().int().nullable())) }),
  ),
  /**
   * Full-text search. Words are found in any order (a word ending in * also finds longer words
   * beginning so); "words in quotes" are found as a phrase. Any input is safe: it is never read as
   * search syntax. Lines are ordered by participant and line.
   */
  'comparison.search': defineChannel(
    z.object({ query, inTranscripts: z.boolean(), inMemos: z.boolean() }).strict(),
    z.object({ lines: z.array(lineHitSchema), total: z.number().int(), memos: z.array(memoHitSchema) }),
  ),
  /** Every line a search finds (up to `searchCodeAllLimit`), as whole-line passages for `coding.apply`. */
  'comparison.searchPassages': defineChannel(
    z.object({ query }).strict(),
    z.object({
      passages: z.array(z.object({ transcriptId: id, startLineId: z.string(), startOffset: z.number().int(), endLineId: z.string(), endOffset: z.number().int() })),
      total: z.number().int(),
    }),
  ),
} as const;
