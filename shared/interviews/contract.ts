import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { guideKeySchema } from '../guide/contract.js';

/** Where the interview took place; the participant chose. */
export const interviewSettings = ['video', 'home', 'groupRoom', 'other'] as const;
export type InterviewSetting = (typeof interviewSettings)[number];

/** Whether a real calendar date and clock time: 'YYYY-MM-DDTHH:MM', local time in Norway. */
export function isLocalDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
}

/** Date and time of an interview, local time in Europe/Oslo: 'YYYY-MM-DDTHH:MM'. */
export const localDateTimeSchema = z.string().refine(isLocalDateTime, { message: 'localDateTime' });

const id = z.number().int().positive();

/** An interview as lists show it (no notes). */
export const interviewSummarySchema = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  pseudonym: z.string(),
  heldAt: z.string(),
  lengthMinutes: z.number().int().nullable(),
  setting: z.enum(interviewSettings),
  settingOther: z.string(),
  guideVersionId: z.number().int().nullable(),
  guideVersion: z.number().int().nullable(),
  /** Recordings from the register that belong to it. */
  recordings: z.number().int(),
  /** Of the guide version's questions, how many were ticked as covered. */
  covered: z.number().int(),
  questions: z.number().int(),
});
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;

/** A recording in the register, as an interview lists it. */
export const interviewRecordingSchema = z.object({
  id: z.number().int(),
  madeOn: z.string(),
  format: z.string(),
  lengthSeconds: z.number().int().nullable(),
  deletedOn: z.string().nullable(),
  /** The interview it belongs to, if any. */
  interviewId: z.number().int().nullable(),
});
export type InterviewRecording = z.infer<typeof interviewRecordingSchema>;

export const interviewSchema = interviewSummarySchema.extend({
  notes: z.string(),
  linkedRecordings: z.array(interviewRecordingSchema),
  /** The keys of the questions ticked as covered. */
  coveredKeys: z.array(z.string()),
});
export type Interview = z.infer<typeof interviewSchema>;

/** Whether an interview may be registered with a participant now, and if not, why. */
export const interviewCandidateStates = ['valid', 'consentMissing', 'withdrawn'] as const;
export const interviewCandidateSchema = z.object({
  id: z.number().int(),
  pseudonym: z.string(),
  state: z.enum(interviewCandidateStates),
  /** The day the consent that counts was signed (an interview cannot be before it). */
  consentSignedOn: z.string().nullable(),
  recordings: z.array(interviewRecordingSchema),
});
export type InterviewCandidate = z.infer<typeof interviewCandidateSchema>;

const interviewFields = {
  heldAt: localDateTimeSchema,
  lengthMinutes: z.number().int().min(0).max(1440).nullable(),
  setting: z.enum(interviewSettings),
  /** What "other" means; ignored for the other settings. */
  settingOther: z.string().trim().max(200),
  /** The guide version used: it is frozen from then on. */
  guideVersionId: id.nullable(),
  notes: z.string().max(20_000),
  /** Recordings from the register (only this participant's) that belong to this interview. */
  recordingIds: z.array(id).max(50),
};

export const registerInterviewSchema = z.object({ participantId: id, ...interviewFields }).strict();
export type RegisterInterview = z.infer<typeof registerInterviewSchema>;

export const updateInterviewSchema = z.object({ id, ...interviewFields }).strict();
export type UpdateInterview = z.infer<typeof updateInterviewSchema>;

const nothing = z.object({}).strict();

export const interviewsChannels = {
  /** Every interview, the most recent first. */
  'interviews.list': defineChannel(nothing, z.array(interviewSummarySchema)),
  'interviews.get': defineChannel(z.object({ id }).strict(), interviewSchema),
  /** Participants, each with whether an interview may be registered, and their recordings. */
  'interviews.candidates': defineChannel(nothing, z.array(interviewCandidateSchema)),
  /** Refused without a valid consent; the first interview moves a consented participant to interviewed. */
  'interviews.register': defineChannel(registerInterviewSchema, interviewSchema),
  'interviews.update': defineChannel(updateInterviewSchema, interviewSchema),
  /**
   * Deletes an interview registered by mistake: its checklist goes, its recordings stay in the
   * register (unlinked). Refused once a transcript belongs to it (interview.hasTranscript).
   */
  'interviews.delete': defineChannel(z.object({ id }).strict(), z.object({})),
  /** Ticks a question of the interview's guide version as covered, or unticks it. */
  'interviews.setCovered': defineChannel(
    z.object({ id, questionKey: guideKeySchema, covered: z.boolean() }).strict(),
    z.object({ coveredKeys: z.array(z.string()), covered: z.number().int(), questions: z.number().int() }),
  ),
} as const;
