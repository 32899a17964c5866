import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';

/** The passphrase is never trimmed or normalised: what the researcher typed is the key. */
const passphraseSchema = z.string().min(1).max(1024);
const filePathSchema = absolutePathSchema;

export const studySummarySchema = z.object({
  /** A random id made when the study is created; stable for the life of the study. */
  id: z.string(),
  title: z.string(),
  path: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  isDemo: z.boolean(),
});
export type StudySummary = z.infer<typeof studySummarySchema>;

/** Where the app is: no study, a study open, or a study locked (closed, key forgotten). */
export const sessionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('closed') }),
  z.object({
    status: z.literal('locked'),
    path: z.string(),
    fileName: z.string(),
    reason: z.enum(['manual', 'idle']),
  }),
  z.object({ status: z.literal('open'), study: studySummarySchema }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const studySettingsSchema = z.object({
  /** Lock the study after this long without use. */
  idleLockMinutes: z.number().min(0.05).max(480),
  /** Where automatic backups go; a folder the researcher can see and change. */
  backupFolder: absolutePathSchema,
  /** How many automatic backups to keep (the oldest are deleted). */
  backupsToKeep: z.number().int().min(1).max(100),
});
export type StudySettings = z.infer<typeof studySettingsSchema>;

export const backupSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  takenAt: z.string(),
  bytes: z.number().int(),
  kind: z.enum(['automatic', 'manual']),
});
export type Backup = z.infer<typeof backupSchema>;

export const ethicsDecisions = ['notSubmitted', 'notRequired', 'pending', 'approved', 'rejected'] as const;
export const endOfStudyActions = ['delete', 'anonymise'] as const;

const shortText = z.string().max(500);
const longText = z.string().max(20000);

/** The study page: what a researcher has to be able to show about approvals and data management. */
export const studyPageSchema = z.object({
  title: z.string().trim().min(1).max(300),
  researchQuestions: z.array(z.string().max(2000)).max(20),
  institution: shortText,
  /** Who does the interviews and the analysis, and how participants reach them (for the letter). */
  researcher: z.object({ name: z.string().max(200), contact: z.string().max(300) }),
  /** The institution's data-protection officer: name and how to reach them (for the letter). */
  dataProtectionOfficer: z.string().max(300),
  supervisors: z
    .array(z.object({ name: z.string().max(200), affiliation: z.string().max(300) }))
    .max(10),
  ethics: z.object({
    decision: z.enum(ethicsDecisions),
    reference: shortText,
    date: isoDateSchema.nullable(),
  }),
  sikt: z.object({
    reference: shortText,
    date: isoDateSchema.nullable(),
  }),
  dataManagementNotes: longText,
  plannedEndDate: isoDateSchema.nullable(),
  endOfStudyAction: z.enum(endOfStudyActions),
  /** The data-management plan's rule: a recording is deleted this many days after transcription. */
  recordingDeletionDays: z.number().int().min(0).max(3650),
});
export type StudyPage = z.infer<typeof studyPageSchema>;

const nothing = z.object({}).strict();

export const studyChannels = {
  'study.state': defineChannel(nothing, sessionStateSchema),
  'study.create': defineChannel(
    z.object({ title: z.string().trim().min(1).max(300), path: filePathSchema, passphrase: passphraseSchema }).strict(),
    studySummarySchema,
  ),
  'study.open': defineChannel(
    z.object({ path: filePathSchema, passphrase: passphraseSchema }).strict(),
    studySummarySchema,
  ),
  /** Open the demo study: a fresh copy with fictional data, made anew each time. */
  'study.openDemo': defineChannel(nothing, studySummarySchema),
  'study.lock': defineChannel(nothing, sessionStateSchema),
  'study.close': defineChannel(nothing, sessionStateSchema),
  'study.changePassphrase': defineChannel(
    z.object({ current: passphraseSchema, next: passphraseSchema }).strict(),
    z.object({}),
  ),
  'study.backupNow': defineChannel(z.object({ path: filePathSchema }).strict(), backupSchema),
  'study.backups': defineChannel(nothing, z.array(backupSchema)),
  /** When the last automatic backup was made, and when one last failed (so a failure is never silent). */
  'study.backupStatus': defineChannel(
    nothing,
    z.object({ lastAutomaticAt: z.string().nullable(), lastFailureAt: z.string().nullable() }),
  ),
  'study.settings': defineChannel(nothing, studySettingsSchema),
  'study.updateSettings': defineChannel(studySettingsSchema.partial().strict(), studySettingsSchema),
  'studyPage.get': defineChannel(nothing, studyPageSchema),
  'studyPage.update': defineChannel(studyPageSchema.strict(), studyPageSchema),
} as const;
