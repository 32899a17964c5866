import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { hitKinds, identifierKinds, studyPronouns } from './kinds.js';

/**
 * The anonymisation review of a transcript, and the study's key. A review proposes (the detector,
 * the key, the researcher's rules, the study's pronoun); the researcher decides each hit; finishing
 * applies the decisions to the lines in one transaction and makes the transcript 'anonymised'.
 */

const id = z.number().int().positive();
const replacementText = z.string().trim().min(1).max(200);

export const decisions = ['open', 'accepted', 'rejected', 'changed'] as const;
export type Decision = (typeof decisions)[number];
export const hitSources = ['detector', 'key', 'rule', 'pronoun'] as const;
export type HitSource = (typeof hitSources)[number];
/** How far a decision reaches: this hit, every hit with the same text in this transcript, or in every transcript under review. */
export const decisionReaches = ['hit', 'transcript', 'study'] as const;
export type DecisionReach = (typeof decisionReaches)[number];
export const labelLanguages = ['nb', 'en'] as const;

export const reviewHitSchema = z.object({
  id,
  lineId: z.string(),
  /** The line's number in the margin (1 for the first line). */
  lineNumber: z.number().int().positive(),
  speaker: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().positive(),
  original: z.string(),
  kind: z.enum(hitKinds),
  source: z.enum(hitSources),
  decision: z.enum(decisions),
  /** The decided replacement; for an open hit what accepting gives (the key's, or the next free number). */
  replacement: z.string(),
  /** The replacement is the one the study already uses for this text (from the key or another decision). */
  consistent: z.boolean(),
  /** A few words on either side, within the line. */
  before: z.string(),
  after: z.string(),
  lineText: z.string(),
});
export type ReviewHit = z.infer<typeof reviewHitSchema>;

export const reviewCountsSchema = z.object({
  open: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  changed: z.number().int(),
});

export const reviewOptionsSchema = z.object({
  /** Refer to every participant with this pronoun (proposed as hits to review), or not at all. */
  pronoun: z.enum(studyPronouns).nullable(),
  /** The language of the replacement words: "[NAVN 1]" or "[NAME 1]". */
  labelLanguage: z.enum(labelLanguages),
});
export type ReviewOptions = z.infer<typeof reviewOptionsSchema>;

export const reviewSchema = z.object({
  transcript: z.object({
    id,
    title: z.string(),
    pseudonym: z.string(),
    state: z.enum(['raw', 'anonymised']),
    anonymisedAt: z.string().nullable(),
    /** The transcript's revision the review was made from: finishing from another is refused. */
    revision: z.number().int(),
    lines: z.number().int(),
  }),
  options: reviewOptionsSchema,
  hits: z.array(reviewHitSchema),
  counts: reviewCountsSchema,
});
export type Review = z.infer<typeof reviewSchema>;

export const keyEntrySchema = z.object({
  id,
  original: z.string(),
  replacement: z.string(),
  kind: z.enum(identifierKinds),
  /** How many transcripts were anonymised with it. */
  transcripts: z.number().int(),
});
export type KeyEntry = z.infer<typeof keyEntrySchema>;

export const keySummarySchema = z.object({
  entries: z.number().int(),
  /** Transcripts anonymised with the key. */
  transcriptsUsing: z.number().int(),
  /** Transcripts not yet anonymised: their text still holds what identifies people, so the key cannot make the data anonymous yet. */
  rawTranscripts: z.number().int(),
});
export type KeySummary = z.infer<typeof keySummarySchema>;

const byTranscript = z.object({ transcriptId: id }).strict();

export const anonymisationChannels = {
  /** Starts or refreshes the review: runs the detector on the lines as they are now, keeping earlier decisions. */
  'anonymisation.review': defineChannel(byTranscript, reviewSchema),
  /** Accepts, rejects, changes (with a replacement) or reopens a hit, and as far as `reach` says, every hit with the same text. */
  'anonymisation.decide': defineChannel(
    z
      .object({
        transcriptId: id,
        hitId: id,
        decision: z.enum(decisions),
        replacement: replacementText.optional(),
        reach: z.enum(decisionReaches),
      })
      .strict()
      .refine((input) => input.decision !== 'changed' || input.replacement !== undefined, { message: 'replacementRequired', path: ['replacement'] }),
    reviewSchema,
  ),
  /** The researcher's own rule: every occurrence of a text becomes a replacement, in this transcript or in the whole study (then it enters the key). */
  'anonymisation.addRule': defineChannel(
    z
      .object({
        transcriptId: id,
        original: replacementText,
        replacement: replacementText,
        kind: z.enum(identifierKinds),
        scope: z.enum(['transcript', 'study']),
      })
      .strict(),
    reviewSchema,
  ),
  /** The study's choices for every review (the pronoun and the language of replacements); refreshes this review with them. */
  'anonymisation.setOptions': defineChannel(byTranscript.extend(reviewOptionsSchema.shape).strict(), reviewSchema),
  /** Applies the accepted and changed replacements to the lines and makes the transcript 'anonymised'. */
  'anonymisation.finish': defineChannel(
    z.object({ transcriptId: id, revision: z.number().int().min(0) }).strict(),
    z.object({ transcriptId: id, revision: z.number().int(), anonymisedAt: z.string(), replaced: z.number().int(), keyEntries: z.number().int() }),
  ),
  /** Counts only: what the key holds, without showing it. */
  'anonymisation.keySummary': defineChannel(z.object({}).strict(), keySummarySchema),
  /** The key itself, original → replacement (recorded in the audit trail). */
  'anonymisation.key': defineChannel(z.object({}).strict(), z.object({ entries: z.array(keyEntrySchema) })),
  /** Deletes the key and every review's originals in one step; refused while a transcript is not anonymised. */
  'anonymisation.deleteKey': defineChannel(
    z.object({ confirm: z.literal(true) }).strict(),
    z.object({ deletedEntries: z.number().int(), deletedHits: z.number().int() }),
  ),
} as const;
