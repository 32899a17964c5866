import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';
import { lineIdPattern, speakers, type TranscriptLine } from './lines.js';

const id = z.number().int().positive();
const label = z.string().trim().max(60);

/**
 * Raw until its anonymisation review is finished, then anonymised; an edit that may add something
 * identifying makes it raw again (see `transcripts.save`).
 */
export const transcriptStates = ['raw', 'anonymised'] as const;
export type TranscriptState = (typeof transcriptStates)[number];
export const transcriptSources = ['typed', 'pasted', 'txt', 'docx', 'srt', 'vtt'] as const;
export type TranscriptSource = (typeof transcriptSources)[number];
/** The files a transcript can be imported from, by their extension. */
export const importFormats = ['txt', 'docx', 'srt', 'vtt'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The largest file imported as one transcript: 10 MB (a two-hour transcript is about 150 kB). */
export const maxImportBytes = 10 * 1024 * 1024;
/** All files of one import together, as base64: 48 MB, within what a host accepts in one call. */
export const maxImportBase64Total = 48 * 1024 * 1024;
/** The most lines a transcript may have (a two-hour interview has about 2,000). */
export const maxLines = 50_000;

export const transcriptLineSchema = z
  .object({
    id: z.string().regex(lineIdPattern),
    speaker: z.enum(speakers),
    timestampMs: z.number().int().min(0).max(100 * 3600 * 1000).nullable(),
    text: z.string().max(20_000),
  })
  .strict();

/** One transcript in the list: who, when, its state and size. */
export const transcriptSummarySchema = z.object({
  id,
  interviewId: id,
  participantId: id,
  pseudonym: z.string(),
  /** The interview's local time, `YYYY-MM-DDTHH:MM`. */
  heldAt: z.string(),
  title: z.string(),
  state: z.enum(transcriptStates),
  anonymisedAt: z.string().nullable(),
  /** The date it was marked complete, `YYYY-MM-DD`. */
  completedOn: z.string().nullable(),
  interviewerLabel: z.string(),
  participantLabel: z.string(),
  source: z.enum(transcriptSources),
  revision: z.number().int(),
  lines: z.number().int(),
  words: z.number().int(),
  updatedAt: z.string(),
});
export type TranscriptSummary = z.infer<typeof transcriptSummarySchema>;

export const transcriptSchema = transcriptSummarySchema.extend({ content: z.array(transcriptLineSchema) });
export type Transcript = z.infer<typeof transcriptSchema>;

/** An interview a transcript can be made for. */
export const transcriptInterviewSchema = z.object({ id, pseudonym: z.string(), heldAt: z.string(), transcripts: z.number().int() });
export type TranscriptInterview = z.infer<typeof transcriptInterviewSchema>;

export const importFileSchema = z
  .object({
    interviewId: id,
    fileName: z.string().trim().min(1).max(255),
    base64: z.base64().min(1).max(Math.ceil(maxImportBytes / 3) * 4),
  })
  .strict();
export type ImportFile = z.infer<typeof importFileSchema>;

/** What the core tells the UI while an import runs: how many files are read, then stored. */
export const importProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(['reading', 'storing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const completedRecordingSchema = z.object({ id, deletionDueOn: z.string().nullable() });

/** What a save answers: the new revision and counts, the state, and whether the review must be run again. */
export const transcriptSavedSchema = z.object({
  revision: z.number().int(),
  updatedAt: z.string(),
  lines: z.number().int(),
  words: z.number().int(),
  state: z.enum(transcriptStates),
  /** Set when this save sent an anonymised transcript back to raw: how many things the detector proposed in the edited lines. */
  reviewAgain: z.object({ proposals: z.number().int().positive() }).nullable(),
});
export type TranscriptSaved = z.infer<typeof transcriptSavedSchema>;

/** What a save sends: the lines new or changed since the last save, and the order of all when it changed. */
export interface LineChanges {
  order: string[] | null;
  lines: TranscriptLine[];
}

const nothing = z.object({}).strict();
const byId = z.object({ id }).strict();

export const transcriptsChannels = {
  /** Every transcript, the interviews one can be made for, and whether spell-checking is on. */
  'transcripts.list': defineChannel(
    nothing,
    z.object({ transcripts: z.array(transcriptSummarySchema), interviews: z.array(transcriptInterviewSchema), spellcheck: z.boolean() }),
  ),
  'transcripts.get': defineChannel(byId, transcriptSchema),
  /** A new transcript, typed (empty) or pasted (the text is split into lines). */
  'transcripts.create': defineChannel(
    z.object({ interviewId: id, source: z.enum(['typed', 'pasted']), text: z.string().max(maxImportBytes) }).strict(),
    transcriptSummarySchema,
  ),
  /**
   * Imports files, each as a transcript of its interview. All or nothing: a file that cannot be
   * read is named in the error's fields (`files.N`) and nothing is stored. Progress comes as
   * `transcripts.importProgress` events carrying `importId`.
   */
  'transcripts.import': defineChannel(
    z
      .object({
        importId: z.string().min(1).max(64),
        files: z.array(importFileSchema).min(1).max(500),
      })
      .strict()
      .refine((input) => input.files.reduce((sum, file) => sum + file.base64.length, 0) <= maxImportBase64Total, {
        message: 'tooLarge',
        path: ['files'],
      }),
    z.array(transcriptSummarySchema),
  ),
  /**
   * Saves what changed since the editor's last save, in one transaction, from the revision that
   * save made; a save from an older revision is refused (transcript.staleRevision) and changes
   * nothing. `lines` are the lines that are new or changed, in full; `order` is every line's id in
   * order when a line was added, removed or moved (lines left out of it are deleted), else null.
   * An order naming a line neither stored in this transcript nor sent, a line sent but left out of
   * the order, a repeated id, or a new line without an order is refused (transcript.linesInvalid).
   *
   * An anonymised transcript stays anonymised only while edits add nothing identifying: the
   * detector runs over the lines that are new or whose text changed, and if it proposes anything
   * the review has not already seen, the transcript goes back to raw in the same transaction (the
   * audit trail records it) and `reviewAgain` says so, so the UI can ask for the review to be run
   * again. Fixing a typo or splitting a line leaves it anonymised.
   */
  'transcripts.save': defineChannel(
    z
      .object({
        id,
        baseRevision: z.number().int().min(0),
        order: z.array(z.string().regex(lineIdPattern)).min(1).max(maxLines).nullable(),
        lines: z.array(transcriptLineSchema).max(maxLines),
      })
      .strict(),
    transcriptSavedSchema,
  ),
  /** The title and the speakers' names as the margin and the exports show them. */
  'transcripts.rename': defineChannel(
    z.object({ id, title: z.string().trim().max(200), interviewerLabel: label, participantLabel: label }).strict(),
    transcriptSummarySchema,
  ),
  /** Marks it complete: the interview's recordings are marked transcribed, so their deletion clock starts. */
  'transcripts.complete': defineChannel(
    z.object({ id, completedOn: isoDateSchema }).strict(),
    z.object({ transcript: transcriptSummarySchema, recordings: z.array(completedRecordingSchema) }),
  ),
  /**
   * Writes the transcript with line numbers and speakers where the researcher chose. Only an
   * anonymised transcript, unless `overrideRaw` (recorded in the audit trail).
   */
  'transcripts.export': defineChannel(
    z.object({ id, format: z.enum(['docx', 'txt']), path: absolutePathSchema, overrideRaw: z.boolean(), language: z.enum(['en', 'nb']) }).strict(),
    z.object({ path: z.string(), lines: z.number().int() }),
  ),
  'transcripts.delete': defineChannel(byId, z.object({})),
  /** Spell-checking in the editor, remembered for the study. */
  'transcripts.setSpellcheck': defineChannel(z.object({ spellcheck: z.boolean() }).strict(), z.object({ spellcheck: z.boolean() })),
} as const;
