import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { isoDateSchema } from '../contract/values.js';
import { maxAudioBase64Length } from './audio.js';

const id = z.number().int().positive();
const shortText = z.string().max(500);

/** One entry in the recordings register. After deletion it is the receipt: dates, how, who confirmed. */
export const recordingSchema = z.object({
  id,
  participantId: id,
  pseudonym: z.string(),
  madeOn: z.string(),
  keptWhere: z.string(),
  format: z.string(),
  lengthSeconds: z.number().int().nullable(),
  notes: z.string(),
  transcribedOn: z.string().nullable(),
  deletionDueOn: z.string().nullable(),
  deletedOn: z.string().nullable(),
  deletedHow: z.string(),
  deletionConfirmedBy: z.string(),
  /** The audio stored inside the study, if any (the bytes themselves never cross the bridge in a list). */
  audio: z.object({ fileName: z.string(), mediaType: z.string(), bytes: z.number().int() }).nullable(),
});
export type Recording = z.infer<typeof recordingSchema>;

/** Whether a participant may be recorded now, and if not, why. */
export const recordingConsentStates = ['valid', 'missing', 'noRecordingOption'] as const;
export const recordingCandidateSchema = z.object({
  id,
  pseudonym: z.string(),
  consent: z.enum(recordingConsentStates),
});
export type RecordingCandidate = z.infer<typeof recordingCandidateSchema>;

export const audioUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    /** The file's bytes as base64 (at most 50 MB). */
    base64: z.string().min(1).max(maxAudioBase64Length),
  })
  .strict();

export const registerRecordingSchema = z
  .object({
    participantId: id,
    madeOn: isoDateSchema,
    keptWhere: shortText,
    format: z.string().max(100),
    lengthSeconds: z.number().int().min(0).max(24 * 3600).nullable(),
    notes: z.string().max(5000),
    audio: audioUploadSchema.optional(),
  })
  .strict();
export type RegisterRecording = z.infer<typeof registerRecordingSchema>;

const nothing = z.object({}).strict();

export const recordingsChannels = {
  /** The register, most urgent first, with the date the core counts from. */
  'recordings.list': defineChannel(nothing, z.object({ today: z.string(), recordings: z.array(recordingSchema) })),
  /** Participants, each with whether a recording may be registered for them. */
  'recordings.candidates': defineChannel(nothing, z.array(recordingCandidateSchema)),
  'recordings.register': defineChannel(registerRecordingSchema, recordingSchema),
  /** Sets the deletion deadline from the study page's rule. */
  'recordings.markTranscribed': defineChannel(z.object({ id, transcribedOn: isoDateSchema }).strict(), recordingSchema),
  /** Records the deletion; audio stored inside the study is removed, the receipt stays. */
  'recordings.recordDeletion': defineChannel(
    z
      .object({
        id,
        deletedOn: isoDateSchema,
        deletedHow: z.string().trim().min(1).max(500),
        confirmedBy: z.string().trim().min(1).max(200),
      })
      .strict(),
    recordingSchema,
  ),
} as const;
