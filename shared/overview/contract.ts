import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { requestKinds } from '../requests/contract.js';
import { endOfStudyActions } from '../study/contract.js';

export const participantStatuses = ['asked', 'consented', 'interviewed', 'completed', 'withdrawn'] as const;

const count = z.number().int().min(0);
const deadlineItem = z.object({ id: z.number().int(), pseudonym: z.string().nullable(), due: z.string(), days: z.number().int() });

/** The first page after unlocking: what needs the researcher's attention, with counts only. */
export const overviewSchema = z.object({
  today: z.string(),
  participantsByStatus: z.object({
    asked: count,
    consented: count,
    interviewed: count,
    completed: count,
    withdrawn: count,
  }),
  /** Participants (not withdrawn) with no valid consent on record. */
  withoutConsent: z.array(z.object({ id: z.number().int(), pseudonym: z.string() })),
  /** Recordings not yet deleted whose deletion is due within a week or overdue, most urgent first. */
  recordingsDue: z.array(deadlineItem),
  /** Recordings kept but not yet transcribed (no deletion date yet). */
  recordingsAwaitingTranscription: z.number().int(),
  /** Open requests, most urgent first. */
  requestsOpen: z.array(deadlineItem.extend({ kind: z.enum(requestKinds) })),
  end: z.object({
    plannedEndDate: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    action: z.enum(endOfStudyActions),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewChannels = {
  'overview.get': defineChannel(z.object({}).strict(), overviewSchema),
} as const;
