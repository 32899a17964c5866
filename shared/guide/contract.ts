import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';

/**
 * The interview guide. One row per version in `guide_version`, its content the JSON below: parts in
 * order, each with questions in order, each question with follow-up prompts. Every part and question
 * has a stable key that is kept from one version to the next, so the comparison between versions
 * (`diff.ts`) and an interview's checklist (ticked by question key) can follow a question as the
 * guide is adjusted between interviews.
 */

export const guideLanguages = ['nb', 'en'] as const;
export type GuideLanguage = (typeof guideLanguages)[number];

/** Short, made once and never changed: letters, digits and dashes. */
export const guideKeySchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

export const guideLimits = { parts: 40, questionsPerPart: 60, followUps: 20, text: 2000, notes: 5000 } as const;

const text = z.string().trim().max(guideLimits.text);
const notes = z.string().max(guideLimits.notes);

export const guideQuestionSchema = z
  .object({
    key: guideKeySchema,
    text: text.min(1),
    notes,
    /** Prompts to go deeper ("Can you tell me more about …"), in order. */
    followUps: z.array(text.min(1)).max(guideLimits.followUps),
  })
  .strict();
export type GuideQuestion = z.infer<typeof guideQuestionSchema>;

export const guidePartSchema = z
  .object({
    key: guideKeySchema,
    title: text.min(1),
    notes,
    questions: z.array(guideQuestionSchema).max(guideLimits.questionsPerPart),
  })
  .strict();
export type GuidePart = z.infer<typeof guidePartSchema>;

/** Every key in a guide, parts and questions alike. */
export function guideKeys(content: { parts: readonly GuidePart[] }): string[] {
  return content.parts.flatMap((part) => [part.key, ...part.questions.map((question) => question.key)]);
}

export const guideContentSchema = z
  .object({
    language: z.enum(guideLanguages),
    title: text.min(1),
    parts: z.array(guidePartSchema).max(guideLimits.parts),
  })
  .strict()
  .superRefine((content, context) => {
    const seen = new Set<string>();
    for (const key of guideKeys(content)) {
      if (seen.has(key)) context.addIssue({ code: 'custom', message: 'duplicateKey', path: ['parts'] });
      seen.add(key);
    }
  });
export type GuideContent = z.infer<typeof guideContentSchema>;

/** Every question of a guide in order, with the part it belongs to. */
export function guideQuestions(content: GuideContent): { part: GuidePart; question: GuideQuestion; number: number }[] {
  let number = 0;
  return content.parts.flatMap((part) => part.questions.map((question) => ({ part, question, number: ++number })));
}

export const guideVersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  language: z.enum(guideLanguages),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when an interview first used this version: from then on it does not change. */
  frozenAt: z.string().nullable(),
  /** How many interviews used this version. */
  interviews: z.number().int(),
  parts: z.number().int(),
  questions: z.number().int(),
});
export type GuideVersion = z.infer<typeof guideVersionSchema>;

export const guideVersionWithContentSchema = guideVersionSchema.extend({ content: guideContentSchema });
export type GuideVersionWithContent = z.infer<typeof guideVersionWithContentSchema>;

const id = z.number().int().positive();

export const guideExportFormats = ['docx', 'pdf'] as const;
export type GuideExportFormat = (typeof guideExportFormats)[number];

export const guideChannels = {
  /** Every version, newest first. The first time, version 1 is made from the starter guide in `language`. */
  'guide.versions': defineChannel(z.object({ language: z.enum(guideLanguages) }).strict(), z.array(guideVersionSchema)),
  'guide.version': defineChannel(z.object({ id }).strict(), guideVersionWithContentSchema),
  /**
   * Saves the newest version. A version an interview used is frozen: saving it makes the next
   * version instead (`created` says so). An older version is never changed.
   */
  'guide.save': defineChannel(
    z.object({ id, content: guideContentSchema }).strict(),
    z.object({ version: guideVersionSchema, created: z.boolean() }),
  ),
  /** A version as a Word or PDF file, written where the researcher chose (to send a participant in advance). */
  'guide.export': defineChannel(
    z.object({ id, format: z.enum(guideExportFormats), includeNotes: z.boolean(), path: absolutePathSchema }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
} as const;
