import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { lineIdPattern } from '../transcripts/lines.js';

/**
 * Constructivist grounded theory coding: codes (initial, focused), codings anchored to transcript
 * lines, categories and subcategories, and the study-wide undo and redo of every coding action.
 * Memos, quotes, comparison and the exports have contracts of their own beside this one.
 */

const id = z.number().int().positive();
const lineId = z.string().regex(lineIdPattern);
const offset = z.number().int().min(0).max(20_000);

export const codeLevels = ['initial', 'focused'] as const;
export type CodeLevel = (typeof codeLevels)[number];

/** `#rrggbb`, lower case. */
export const colourSchema = z.string().regex(/^#[0-9a-f]{6}$/);

/**
 * A passage of one transcript: from a character offset in one line to an offset in the same or a
 * later line (end exclusive; offsets count UTF-16 units, as JavaScript does). A whole line is
 * `(line, 0) → (line, text.length)`. Line ids never change with the text, and a save of the
 * transcript maps every anchor through the edit, so a passage stays on the words it was made on.
 */
export const passageSchema = z
  .object({
    transcriptId: id,
    startLineId: lineId,
    startOffset: offset,
    endLineId: lineId,
    endOffset: offset,
  })
  .strict();
export type Passage = z.infer<typeof passageSchema>;

/** A code applied to a passage. */
export const codingSchema = passageSchema.extend({ id, codeId: id }).strip();
export type Coding = z.infer<typeof codingSchema>;

/** One entry of a code's visible history. `detail` names the other codes as they were then. */
export const codeHistoryEntrySchema = z.object({
  kind: z.enum(['created', 'renamed', 'mergedFrom', 'mergedInto', 'splitFrom', 'splitInto', 'raisedFrom', 'raisedInto']),
  /** Names of the other codes involved (for a rename: the old name). */
  names: z.array(z.string()),
  at: z.string(),
});
export type CodeHistoryEntry = z.infer<typeof codeHistoryEntrySchema>;

export const codeSchema = z.object({
  id,
  level: z.enum(codeLevels),
  name: z.string(),
  colour: colourSchema,
  definition: z.string(),
  /** The category a focused code is placed under, if any. */
  categoryId: id.nullable(),
  /** Codings of this code itself. */
  codings: z.number().int(),
  /** Interviews (transcripts) with at least one coding of it. */
  interviews: z.number().int(),
  /** For a focused code: the initial codes it subsumes. For an initial code: the focused codes it was raised into. */
  linked: z.array(id),
  /** Memos about this code. */
  memos: z.number().int(),
  /**
   * For a focused code: what is found under it, its own codings with those of the initial codes it
   * subsumes, and the interviews they are in (the codebook's counts for a focused code). Absent for
   * an initial code (and until the core fills it: the UI then adds the subsumed codings itself).
   */
  found: z.object({ codings: z.number().int(), interviews: z.number().int() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Code = z.infer<typeof codeSchema>;

export const categorySchema = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  colour: colourSchema,
  /** Order among its siblings. */
  position: z.number().int(),
  /** The quote naming it (a subcategory may be named by a participant's words). */
  quoteId: id.nullable(),
  /** Focused codes placed under it, in order. */
  codeIds: z.array(id),
});
export type Category = z.infer<typeof categorySchema>;

/**
 * The kinds of action the study-wide undo knows, for the Edit menu's "Undo apply 'feeling seen'".
 * Memos and quotes record theirs through the same log (`withUndoStep` in `main/core/coding/undo.ts`).
 */
export const undoActions = [
  'apply',
  'adjust',
  'remove',
  'createCode',
  'updateCode',
  'deleteCodes',
  'mergeCodes',
  'splitCode',
  'raise',
  'unraise',
  'createCategory',
  'updateCategory',
  'moveCategory',
  'deleteCategory',
  'placeCodes',
  'createMemo',
  'updateMemo',
  'deleteMemo',
  'createQuote',
  'updateQuote',
  'deleteQuote',
] as const;
export type UndoAction = (typeof undoActions)[number];

/**
 * What an undo step says it did: the action and the names it concerns (codes, categories, a memo's
 * title), at most a few; `count` is how many things it concerned in all (3 codings, 2 codes).
 * Stored and sent as the JSON text of this object (`label` below); read it with `parseUndoLabel`.
 */
export const undoLabelSchema = z.object({ action: z.enum(undoActions), names: z.array(z.string()), count: z.number().int().min(0) });
export type UndoLabel = z.infer<typeof undoLabelSchema>;

export function undoLabel(action: UndoAction, names: readonly string[], count = names.length): string {
  return JSON.stringify({ action, names: names.slice(0, 3), count } satisfies UndoLabel);
}

/** The action and names of an undo state's `label`; null for a label this version does not know. */
export function parseUndoLabel(label: string): UndoLabel | null {
  try {
    const parsed = undoLabelSchema.safeParse(JSON.parse(label));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What can be undone and redone now, described for the Edit menu ("Undo apply 'feeling seen'"):
 * each `label` is an `UndoLabel` as JSON (`parseUndoLabel`), for the UI to put into words.
 */
export const undoStateSchema = z.object({
  undo: z.object({ label: z.string() }).nullable(),
  redo: z.object({ label: z.string() }).nullable(),
});
export type UndoState = z.infer<typeof undoStateSchema>;

/** Every answer to a coding action carries the undo state, so the UI's Undo is always current. */
const withUndo = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, undo: undoStateSchema });

const codeName = z.string().trim().min(1).max(200);
const definition = z.string().max(20_000);

export const codingChannels = {
  /** Every code with its counts, and the categories as a flat list (parentId gives the tree). */
  'coding.codebook': defineChannel(z.object({}).strict(), z.object({ codes: z.array(codeSchema), categories: z.array(categorySchema), undo: undoStateSchema })),
  /** One code with its history. */
  'coding.code': defineChannel(z.object({ id }).strict(), z.object({ code: codeSchema, history: z.array(codeHistoryEntrySchema) })),
  /** The codings of one transcript (for the workspace's decorations and margin). */
  'coding.transcriptCodings': defineChannel(z.object({ transcriptId: id }).strict(), z.object({ codings: z.array(codingSchema) })),

  /** A new code. A name already used at that level is refused (`code.nameTaken`). */
  'coding.createCode': defineChannel(
    z.object({ level: z.enum(codeLevels), name: codeName, colour: colourSchema.optional(), definition: definition.optional() }).strict(),
    withUndo({ code: codeSchema }),
  ),
  /** Name, colour, definition; a new name is kept in the history. */
  'coding.updateCode': defineChannel(
    z.object({ id, name: codeName, colour: colourSchema, definition }).strict(),
    withUndo({ code: codeSchema }),
  ),
  /** Deletes codes with their codings (undoable). */
  'coding.deleteCodes': defineChannel(z.object({ ids: z.array(id).min(1).max(5000) }).strict(), withUndo({})),
  /** Merges `sources` into `target`: their codings move to it, their names go into its history. */
  'coding.mergeCodes': defineChannel(
    z.object({ sourceIds: z.array(id).min(1).max(5000), targetId: id }).strict(),
    withUndo({ code: codeSchema }),
  ),
  /** Splits a code into itself and a new code: the codings listed move to the new one. */
  'coding.splitCode': defineChannel(
    z.object({ id, newName: codeName, codingIds: z.array(id).max(100_000) }).strict(),
    withUndo({ kept: codeSchema, created: codeSchema }),
  ),
  /**
   * Raises initial codes into a focused code (an existing one, or a new one by name): the initial
   * codes stay, linked, and their passages are found under the focused code.
   */
  'coding.raise': defineChannel(
    z
      .object({
        initialCodeIds: z.array(id).min(1).max(5000),
        /** `{ id }` or `{ name }`, exactly one. */
        focused: z
          .object({ id: id.optional(), name: codeName.optional() })
          .strict()
          .refine((focused) => (focused.id === undefined) !== (focused.name === undefined), { message: 'idOrName' }),
      })
      .strict(),
    withUndo({ code: codeSchema }),
  ),
  /** Unlinks initial codes from a focused code. */
  'coding.unraise': defineChannel(z.object({ focusedCodeId: id, initialCodeIds: z.array(id).min(1).max(5000) }).strict(), withUndo({})),

  /**
   * Applies a code to passages (one action, one undo step). `code` is an existing code's id or a
   * new initial code by name (made in the same step). Answers the codings made.
   */
  'coding.apply': defineChannel(
    z
      .object({
        /** `{ id }`, or `{ name, level }` for a new code (an existing code of that level and name is used). */
        code: z
          .object({ id: id.optional(), name: codeName.optional(), level: z.enum(codeLevels).optional() })
          .strict()
          .refine((code) => (code.id === undefined ? code.name !== undefined && code.level !== undefined : code.name === undefined && code.level === undefined), {
            message: 'idOrNameAndLevel',
          }),
        passages: z.array(passageSchema).min(1).max(10_000),
      })
      .strict(),
    withUndo({ code: codeSchema, codings: z.array(codingSchema) }),
  ),
  /** Changes a coding's extent. */
  'coding.adjust': defineChannel(
    z.object({ id, startLineId: lineId, startOffset: offset, endLineId: lineId, endOffset: offset }).strict(),
    withUndo({ coding: codingSchema }),
  ),
  /** Removes codings. */
  'coding.remove': defineChannel(z.object({ ids: z.array(id).min(1).max(100_000) }).strict(), withUndo({})),

  /** A new category, under `parentId` or at the top, last among its siblings. */
  'coding.createCategory': defineChannel(
    z.object({ name: codeName, parentId: id.nullable(), colour: colourSchema.optional() }).strict(),
    withUndo({ category: categorySchema }),
  ),
  'coding.updateCategory': defineChannel(
    z.object({ id, name: codeName, colour: colourSchema, quoteId: id.nullable() }).strict(),
    withUndo({ category: categorySchema }),
  ),
  /** Moves a category under another (or to the top) at a position among its new siblings; a move into its own subtree is refused. */
  'coding.moveCategory': defineChannel(
    z.object({ id, parentId: id.nullable(), position: z.number().int().min(0) }).strict(),
    withUndo({ categories: z.array(categorySchema) }),
  ),
  /** Deletes a category and its subcategories; their codes stay, unplaced. */
  'coding.deleteCategory': defineChannel(z.object({ id }).strict(), withUndo({})),
  /** Places codes under a category (or takes them out with null), at a position among its codes. */
  'coding.placeCodes': defineChannel(
    z.object({ codeIds: z.array(id).min(1).max(5000), categoryId: id.nullable(), position: z.number().int().min(0).optional() }).strict(),
    withUndo({ categories: z.array(categorySchema) }),
  ),

  /** Undoes the last coding action in the study, whichever view made it. */
  'coding.undo': defineChannel(z.object({}).strict(), withUndo({ label: z.string().nullable() })),
  'coding.redo': defineChannel(z.object({}).strict(), withUndo({ label: z.string().nullable() })),
} as const;
