import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  /** Counts, ids and kinds only: never names or text. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditFiltersSchema = z
  .object({
    /** Only these kinds; empty: every kind. */
    kinds: z.array(z.string().min(1).max(100)).max(200),
    /** From this day (inclusive, UTC), or null. */
    from: isoDateSchema.nullable(),
    /** To this day (inclusive, UTC), or null. */
    to: isoDateSchema.nullable(),
  })
  .strict();
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditPageSize = 100;

export const auditChannels = {
  /** The trail, newest first, one page at a time. */
  'audit.list': defineChannel(
    z
      .object({
        filters: auditFiltersSchema,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    z.object({ total: z.number().int(), events: z.array(auditEventSchema), kinds: z.array(z.string()) }),
  ),
  /** The filtered trail to CSV or XLSX, written only to `path`. */
  'audit.export': defineChannel(
    z
      .object({
        filters: auditFiltersSchema,
        format: z.enum(['csv', 'xlsx']),
        path: absolutePathSchema,
        language: z.enum(['en', 'nb']),
      })
      .strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
} as const;
