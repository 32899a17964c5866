import { z } from 'zod';
import { languageSchema } from '../app/contract.js';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';

export const withdrawalScopes = ['deleteEverything', 'keepAnonymisedAnalysis'] as const;
export const withdrawalScopeSchema = z.enum(withdrawalScopes);
export type WithdrawalScope = z.infer<typeof withdrawalScopeSchema>;

const participantIdSchema = z.number().int().positive();

/** One table's share of a withdrawal: how many rows, and (when kept) why. */
export const planItemSchema = z.object({
  /** The table's name; the UI says it in the researcher's words (`withdrawal.tables.<table>`). */
  table: z.string(),
  rows: z.number().int(),
  /** For kept rows: the reason key (`withdrawal.because.<key>`). */
  keptBecause: z.string().nullable(),
  /** For kept rows: free-text columns that are emptied even so (notes, place). */
  cleared: z.array(z.string()),
});
export type PlanItem = z.infer<typeof planItemSchema>;

/** What a withdrawal will do, table by table, before the researcher confirms it. */
export const withdrawalPlanSchema = z.object({
  participantId: z.number().int(),
  pseudonym: z.string(),
  alreadyWithdrawn: z.boolean(),
  scope: withdrawalScopeSchema,
  deleted: z.array(planItemSchema),
  kept: z.array(planItemSchema),
  /** Recordings not yet deleted whose audio is kept outside the study (a dictaphone): delete them by hand. */
  recordingsOutsideStudy: z.number().int(),
});
export type WithdrawalPlan = z.infer<typeof withdrawalPlanSchema>;

export const withdrawalReceiptSchema = z.object({
  withdrawnOn: z.string(),
  scope: withdrawalScopeSchema,
  /** Rows deleted per table. */
  deleted: z.record(z.string(), z.number().int()),
});
export type WithdrawalReceipt = z.infer<typeof withdrawalReceiptSchema>;

export const accessExportFormats = ['docx', 'pdf', 'json'] as const;
export type AccessExportFormat = (typeof accessExportFormats)[number];

export const withdrawalChannels = {
  /** Exactly what a withdrawal would delete and keep; changes nothing. */
  'withdrawal.plan': defineChannel(
    z.object({ participantId: participantIdSchema, scope: withdrawalScopeSchema }).strict(),
    withdrawalPlanSchema,
  ),
  /** Carries out the withdrawal in one transaction, if the pseudonym was typed exactly. */
  'withdrawal.confirm': defineChannel(
    z
      .object({
        participantId: participantIdSchema,
        scope: withdrawalScopeSchema,
        withdrawnOn: isoDateSchema,
        communicatedHow: z.string().max(500),
        typedPseudonym: z.string().max(300),
        /** The language of the receipt written into the recordings register for audio deleted here. */
        language: languageSchema,
      })
      .strict(),
    withdrawalReceiptSchema,
  ),
  /** Everything stored about one participant (GDPR art. 15 and 20), written where the researcher chose. */
  'withdrawal.accessExport': defineChannel(
    z
      .object({
        participantId: participantIdSchema,
        format: z.enum(accessExportFormats),
        language: languageSchema,
        path: absolutePathSchema,
      })
      .strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
} as const;
