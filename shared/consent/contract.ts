import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';

/** A node of a TipTap (ProseMirror) document, as the editor's `getJSON()` gives it. */
export interface RichNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null> | undefined;
  content?: RichNode[] | undefined;
  marks?: { type: string; attrs?: Record<string, string | number | boolean | null> | undefined }[] | undefined;
  text?: string | undefined;
}

const attrsSchema = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional();

export const richNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(100),
    attrs: attrsSchema,
    content: z.array(richNodeSchema).max(5000).optional(),
    marks: z.array(z.object({ type: z.string().min(1).max(100), attrs: attrsSchema })).max(20).optional(),
    text: z.string().max(100_000).optional(),
  }),
);

export const documentKinds = ['letter', 'form'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentLanguages = ['nb', 'en'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

export const consentDocumentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(documentKinds),
  language: z.enum(documentLanguages),
  version: z.number().int(),
  createdAt: z.string(),
  /** Set when a consent first used this version: from then on it cannot change. */
  frozenAt: z.string().nullable(),
  /** How many consents were given on this version. */
  consents: z.number().int(),
});
export type ConsentDocument = z.infer<typeof consentDocumentSchema>;

export const consentDocumentWithContentSchema = consentDocumentSchema.extend({ content: richNodeSchema });
export type ConsentDocumentWithContent = z.infer<typeof consentDocumentWithContentSchema>;

export const consentMethods = ['paper', 'digital'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const scanMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ScanMediaType = (typeof scanMediaTypes)[number];
/** The largest scan the study keeps. */
export const maxScanBytes = 20 * 1024 * 1024;

export const scanSummarySchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(scanMediaTypes),
  bytes: z.number().int(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

export const consentRecordSchema = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  letterId: z.number().int(),
  letterVersion: z.number().int(),
  formId: z.number().int(),
  formVersion: z.number().int(),
  language: z.enum(documentLanguages),
  signedOn: z.string(),
  signedPlace: z.string(),
  method: z.enum(consentMethods),
  allowsRecording: z.boolean(),
  allowsQuotes: z.boolean(),
  confirmedOn: z.string().nullable(),
  createdAt: z.string(),
  scan: scanSummarySchema.nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const participantStatuses = ['asked', 'consented', 'interviewed', 'completed', 'withdrawn'] as const;

export const participantConsentsSchema = z.object({
  participantId: z.number().int(),
  pseudonym: z.string(),
  status: z.enum(participantStatuses),
  /** Every consent on record, the latest (the one that counts) first. */
  consents: z.array(consentRecordSchema),
});
export type ParticipantConsents = z.infer<typeof participantConsentsSchema>;

const id = z.number().int().positive();
const nothing = z.object({}).strict();

export const recordConsentSchema = z
  .object({
    participantId: id,
    letterId: id,
    formId: id,
    signedOn: isoDateSchema,
    signedPlace: z.string().trim().max(200),
    method: z.enum(consentMethods),
    allowsRecording: z.boolean(),
    allowsQuotes: z.boolean(),
    /** When the researcher confirmed the consent (signed it too), if they have. */
    confirmedOn: isoDateSchema.nullable(),
  })
  .strict();
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const consentChannels = {
  /** Every version of the letter and the form; the starter documents are made the first time. */
  'consent.documents': defineChannel(nothing, z.array(consentDocumentSchema)),
  'consent.document': defineChannel(z.object({ id }).strict(), consentDocumentWithContentSchema),
  /** Changes a version in place; refused with consent.documentFrozen once a consent used it. */
  'consent.saveDocument': defineChannel(z.object({ id, content: richNodeSchema }).strict(), consentDocumentSchema),
  /** Saves the content as the next version of the same kind and language. */
  'consent.saveDocumentAsNext': defineChannel(z.object({ id, content: richNodeSchema }).strict(), consentDocumentSchema),
  /** A version ready to hand out, with the study page's details filled in, written where the researcher chose. */
  'consent.exportDocument': defineChannel(
    z.object({ documentId: id, format: z.enum(['pdf', 'docx']), path: absolutePathSchema }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  /** Every participant with their consents (none: the consent is missing). */
  'consent.records': defineChannel(nothing, z.array(participantConsentsSchema)),
  'consent.record': defineChannel(recordConsentSchema, consentRecordSchema),
  /** Attaches (or replaces) the scan of the signed form: a PDF, PNG or JPEG of at most 20 MB. */
  'consent.attachScan': defineChannel(
    z
      .object({
        consentId: id,
        fileName: z.string().trim().min(1).max(255),
        content: z.base64().max(Math.ceil((maxScanBytes * 4) / 3) + 8),
      })
      .strict(),
    scanSummarySchema,
  ),
  'consent.scan': defineChannel(
    z.object({ consentId: id }).strict(),
    scanSummarySchema.extend({ addedAt: z.string(), content: z.string() }),
  ),
  'consent.saveScanCopy': defineChannel(
    z.object({ consentId: id, path: absolutePathSchema }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  'consent.removeScan': defineChannel(z.object({ consentId: id }).strict(), z.object({})),
} as const;
