import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema } from '../contract/values.js';

/**
 * Exchange with other analysis tools through REFI-QDA (QDA-XML 1.0): the whole project as a
 * `.qdpx` (a zip of `project.qde` and the sources) and the codebook alone as a `.qdc`. What goes
 * out, what comes in and the rules for the code tree are in `main/core/exchange/README.md`.
 */

/** The largest `.qdpx` or `.qdc` accepted: 30 MB (as base64 within what a host takes in one call). */
export const maxExchangeFileBytes = 30 * 1024 * 1024;

const passphraseSchema = z.string().min(1).max(1024);
const base64File = z.base64().min(1).max(Math.ceil(maxExchangeFileBytes / 3) * 4);

/** Things in an imported file that Groundwork cannot hold: listed after the import, never dropped silently. */
export const notHeldKinds = [
  /** A PDF, picture, audio or video source (with its selections and codings). */
  'pdfSource',
  'pictureSource',
  'audioSource',
  'videoSource',
  /** A text source whose text could not be found or read. */
  'textMissing',
  /** A selection outside its source's text, or coded with a code the file does not have. */
  'selection',
  /** A coding of a whole case (not of text). */
  'caseCoding',
  /** A variable value on a source (Groundwork keeps attributes for participants only). */
  'sourceVariable',
  /** A value that does not fit its attribute's kind. */
  'variableValue',
  /** A graph (a network view). */
  'graph',
  /** A link between two things. */
  'link',
  /** A set other than the levels of codes Groundwork writes. */
  'set',
  /** A note that was about more than one thing: it stays with the first. */
  'noteMoreRefs',
  /** A note whose text could not be found. */
  'note',
  /** A code renamed because its name was already used at its level. */
  'codeRenamed',
  /** A focused code nested under another focused code: placed beside it instead. */
  'codeFlattened',
  /** A participant's name changed because it was already used. */
  'caseRenamed',
] as const;
export type NotHeldKind = (typeof notHeldKinds)[number];

export const notHeldSchema = z.object({ kind: z.enum(notHeldKinds), name: z.string(), count: z.number().int() });
export type NotHeld = z.infer<typeof notHeldSchema>;

/** What an import made. */
export const importCountsSchema = z.object({
  transcripts: z.number().int(),
  participants: z.number().int(),
  attributes: z.number().int(),
  codes: z.number().int(),
  categories: z.number().int(),
  codings: z.number().int(),
  memos: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** What the core tells the UI while a project is imported: the phase and how far it has come in it. */
export const exchangeProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(['reading', 'checking', 'storing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ExchangeProgress = z.infer<typeof exchangeProgressSchema>;

/** What an export would carry now, for the page to say before the researcher writes it. */
export const exchangeSummarySchema = z.object({
  /** Anonymised transcripts: these are exported. */
  anonymised: z.number().int(),
  /** Transcripts not (yet) anonymised: left out. */
  raw: z.number().int(),
  codes: z.number().int(),
  categories: z.number().int(),
  /** Codings in the anonymised transcripts. */
  codings: z.number().int(),
  memos: z.number().int(),
  /** The participant table's columns that are shown (these become variables). */
  variables: z.number().int(),
});
export type ExchangeSummary = z.infer<typeof exchangeSummarySchema>;

export const exportCountsSchema = z.object({
  sources: z.number().int(),
  codes: z.number().int(),
  codings: z.number().int(),
  notes: z.number().int(),
  cases: z.number().int(),
  variables: z.number().int(),
});
export type ExportCounts = z.infer<typeof exportCountsSchema>;

const language = z.enum(['en', 'nb']);

export const exchangeChannels = {
  'exchange.summary': defineChannel(z.object({ language }).strict(), exchangeSummarySchema),
  /**
   * Writes the study as a `.qdpx`: the anonymised transcripts only, the code system, every coding
   * with its exact positions, memos (if chosen), participants as cases with the participant
   * table's shown columns as variables. `lineEnding: 'crlf'` is what MAXQDA counts positions with.
   */
  'exchange.exportProject': defineChannel(
    z.object({ path: absolutePathSchema, lineEnding: z.enum(['lf', 'crlf']), includeMemos: z.boolean(), language }).strict(),
    z.object({ path: z.string(), counts: exportCountsSchema }),
  ),
  /** Writes the codebook alone as a `.qdc`. */
  'exchange.exportCodebook': defineChannel(z.object({ path: absolutePathSchema }).strict(), z.object({ path: z.string(), codes: z.number().int() })),
  /**
   * Imports a `.qdpx` into a NEW study made at `path` with `passphrase` (as `study.create`), filled
   * in one transaction and then opened. A malformed or hostile file is refused and leaves no file
   * behind. Progress comes as `exchange.importProgress` events carrying `importId`.
   */
  'exchange.importProject': defineChannel(
    z
      .object({
        importId: z.string().min(1).max(64),
        fileName: z.string().trim().min(1).max(255),
        base64: base64File,
        title: z.string().trim().min(1).max(300),
        path: absolutePathSchema,
        passphrase: passphraseSchema,
      })
      .strict(),
    z.object({
      study: z.object({ id: z.string(), title: z.string(), path: z.string(), fileName: z.string(), createdAt: z.string(), isDemo: z.boolean() }),
      counts: importCountsSchema,
      notHeld: z.array(notHeldSchema),
    }),
  ),
  /** Adds a `.qdc` codebook (or a `.qdpx`'s code system) to the open study: codes with a name already used at their level are merged into it. */
  'exchange.importCodebook': defineChannel(
    z.object({ fileName: z.string().trim().min(1).max(255), base64: base64File }).strict(),
    z.object({ added: z.number().int(), merged: z.number().int(), categories: z.number().int(), notHeld: z.array(notHeldSchema) }),
  ),
} as const;
