import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { isoDateSchema } from '../contract/values.js';

const id = z.number().int().positive();

/** The data subject's rights (GDPR art. 15–18, 20, 21). */
export const requestKinds = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestStatuses = ['open', 'answered', 'refused'] as const;

export const rightsRequestSchema = z.object({
  id,
  kind: z.enum(requestKinds),
  participantId: id.nullable(),
  pseudonym: z.string().nullable(),
  receivedOn: z.string(),
  /** One calendar month after receipt. */
  dueOn: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string(),
  /** The deadline that applies: the extension if there is one. */
  deadline: z.string(),
  status: z.enum(requestStatuses),
  answeredOn: z.string().nullable(),
  notes: z.string(),
});
export type RightsRequest = z.infer<typeof rightsRequestSchema>;

const nothing = z.object({}).strict();

export const requestsChannels = {
  /** Open requests first, most urgent first; then the answered ones, newest first. */
  'requests.list': defineChannel(nothing, z.object({ today: z.string(), requests: z.array(rightsRequestSchema) })),
  'requests.register': defineChannel(
    z
      .object({
        kind: z.enum(requestKinds),
        receivedOn: isoDateSchema,
        participantId: id.nullable(),
        notes: z.string().max(5000),
      })
      .strict(),
    rightsRequestSchema,
  ),
  /** By up to two further months, and only with a reason. */
  'requests.extend': defineChannel(
    z.object({ id, extendedTo: isoDateSchema, reason: z.string().trim().min(1).max(2000) }).strict(),
    rightsRequestSchema,
  ),
  'requests.answer': defineChannel(
    z.object({ id, answeredOn: isoDateSchema, status: z.enum(['answered', 'refused']), notes: z.string().max(5000) }).strict(),
    rightsRequestSchema,
  ),
} as const;
