import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { isoDateSchema } from '../contract/values.js';
import { attributeKinds, attributeValueMaxLength } from './attributes.js';

export const participantStatuses = ['asked', 'consented', 'interviewed', 'completed', 'withdrawn'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];
/** 'withdrawn' is set only by the withdrawal flow, never by a status change. */
export const settableStatuses = ['asked', 'consented', 'interviewed', 'completed'] as const;
export type SettableStatus = (typeof settableStatuses)[number];

const idSchema = z.number().int().positive();
const pseudonymSchema = z.string().trim().min(1).max(100);

/** A participant as every list shows them: never any directly identifying detail. */
export const participantSchema = z.object({
  id: z.number().int(),
  pseudonym: z.string(),
  status: z.enum(participantStatuses),
  /** The date behind the current status (when they were asked, consented, …), if recorded. */
  statusDate: z.string().nullable(),
  dates: z.object({
    asked: z.string().nullable(),
    consented: z.string().nullable(),
    interviewed: z.string().nullable(),
    completed: z.string().nullable(),
    withdrawn: z.string().nullable(),
  }),
  createdAt: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

/** Directly identifying details: shown only when asked for, never in an export but the data subject's own. */
export const identitySchema = z.object({
  name: z.string().max(300),
  phone: z.string().max(100),
  email: z.string().max(300),
  address: z.string().max(1000),
});
export type Identity = z.infer<typeof identitySchema>;

export const attributeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(attributeKinds),
  choices: z.array(z.string()),
  /** The stable key of an attribute every study starts with (age, group, …), or null. */
  builtin: z.string().nullable(),
  position: z.number().int(),
  /** How many participants have a value for it (what deleting it would take along). */
  valueCount: z.number().int(),
});
export type Attribute = z.infer<typeof attributeSchema>;

const attributeNameSchema = z.string().trim().min(1).max(100);
const choicesSchema = z.array(z.string().trim().min(1).max(200)).max(100);

export const participantDetailSchema = z.object({
  participant: participantSchema,
  /** Values by attribute id; an attribute without a value is left out. */
  values: z.record(z.string(), z.string()),
});
export type ParticipantDetail = z.infer<typeof participantDetailSchema>;

const nothing = z.object({}).strict();

export const participantChannels = {
  'participants.list': defineChannel(nothing, z.array(participantSchema)),
  'participants.get': defineChannel(z.object({ id: idSchema }).strict(), participantDetailSchema),
  /** The pseudonym a new participant gets unless the researcher types another. */
  'participants.nextPseudonym': defineChannel(nothing, z.object({ pseudonym: z.string() })),
  'participants.add': defineChannel(
    z.object({ pseudonym: pseudonymSchema, status: z.enum(settableStatuses), on: isoDateSchema }).strict(),
    participantSchema,
  ),
  'participants.rename': defineChannel(z.object({ id: idSchema, pseudonym: pseudonymSchema }).strict(), participantSchema),
  'participants.setStatus': defineChannel(
    z.object({ id: idSchema, status: z.enum(settableStatuses), on: isoDateSchema }).strict(),
    participantSchema,
  ),
  'participants.setValues': defineChannel(
    z
      .object({
        id: idSchema,
        values: z.array(z.object({ attributeId: idSchema, value: z.string().max(attributeValueMaxLength * 2) }).strict()).max(500),
      })
      .strict(),
    participantDetailSchema,
  ),
  /** Reading identifying details is recorded in the audit trail (without them). */
  'participants.identity': defineChannel(z.object({ id: idSchema }).strict(), identitySchema),
  'participants.updateIdentity': defineChannel(z.object({ id: idSchema, identity: identitySchema.strict() }).strict(), identitySchema),
  /** Whether the identifying details were deleted at the end of the study, and how many participants have any. */
  'participants.identityStatus': defineChannel(
    nothing,
    z.object({ deletedAt: z.string().nullable(), participantsWithDetails: z.number().int() }),
  ),
  /** End of study: every participant's identifying details, in one step. */
  'participants.deleteAllIdentity': defineChannel(
    z.object({ confirmed: z.literal(true) }).strict(),
    z.object({ deletedAt: z.string(), count: z.number().int() }),
  ),
  'attributes.list': defineChannel(nothing, z.array(attributeSchema)),
  'attributes.add': defineChannel(
    z.object({ name: attributeNameSchema, kind: z.enum(attributeKinds), choices: choicesSchema }).strict(),
    z.array(attributeSchema),
  ),
  'attributes.update': defineChannel(
    z.object({ id: idSchema, name: attributeNameSchema, choices: choicesSchema }).strict(),
    z.array(attributeSchema),
  ),
  'attributes.move': defineChannel(z.object({ id: idSchema, direction: z.enum(['up', 'down']) }).strict(), z.array(attributeSchema)),
  'attributes.delete': defineChannel(z.object({ id: idSchema }).strict(), z.array(attributeSchema)),
} as const;
