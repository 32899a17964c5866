import { GroundworkError } from '../../../shared/contract/errors.js';
import { undoLabel, type codingChannels, type UndoState } from '../../../shared/coding/contract.js';
import type { StudyWriter } from '../db/connection.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { createCategory, deleteCategory, listCategories, moveCategory, placeCodes, readCategory, updateCategory } from './categories.js';
import { createCode, deleteCodes, findCodeByName, listCodes, mergeCodes, raise, readCode, readCodeHistory, splitCode, unraise, updateCode } from './codes.js';
import { adjustCoding, applyCode, removeCodings, transcriptCodings } from './codings.js';
import { clearUndoHistory, readUndoState, replayStep, withUndoStep } from './undo.js';

type CodingHandlers = { [C in keyof typeof codingChannels]: Handler<C> };

export function codingHandlers(session: StudySession): CodingHandlers {
  const db = () => session.require().db;

  /**
   * One undoable action in one write transaction: `work` answers its result and the label of its
   * undo step (names it may know only once done, such as a rename's old name).
   */
  function act<T extends object>(work: (writer: StudyWriter) => { result: T; label: string }): T & { undo: UndoState } {
    return db().write((writer) => {
      const done = withUndoStep(writer, (result) => result.label, () => work(writer));
      return { ...done.result, undo: readUndoState(writer) };
    });
  }

  function undoOrRedo(from: 'undo' | 'redo'): { label: string | null; undo: UndoState } {
    try {
      return db().write((writer) => ({ label: replayStep(writer, from), undo: readUndoState(writer) }));
    } catch (error) {
      // The study changed under the step (a transcript deleted, say): the history no longer fits it.
      // (A foreign key is checked at commit: a coding brought back for a transcript deleted since.)
      const stale =
        (error instanceof GroundworkError && error.code === 'coding.undoUnavailable') ||
        (error instanceof Error && String((error as Error & { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT'));
      if (!stale) throw error;
      db().write((writer) => clearUndoHistory(writer));
      throw new GroundworkError('coding.undoUnavailable');
    }
  }

  return {
    'coding.codebook': () => db().read((reader) => ({ codes: listCodes(reader), categories: listCategories(reader), undo: readUndoState(reader) })),
    'coding.code': ({ id }) => db().read((reader) => ({ code: readCode(reader, id), history: readCodeHistory(reader, id) })),
    'coding.transcriptCodings': ({ transcriptId }) => db().read((reader) => ({ codings: transcriptCodings(reader, transcriptId) })),

    'coding.createCode': ({ level, name, colour, definition }) =>
      act((writer) => ({
        result: { code: readCode(writer, createCode(writer, { level, name, colour, definition })) },
        label: undoLabel('createCode', [name.trim()]),
      })),
    'coding.updateCode': ({ id, name, colour, definition }) =>
      act((writer) => {
        const old = updateCode(writer, id, { name, colour, definition });
        return { result: { code: readCode(writer, id) }, label: undoLabel('updateCode', old === name.trim() ? [old] : [old, name.trim()]) };
      }),
    'coding.deleteCodes': ({ ids }) =>
      act((writer) => {
        const names = deleteCodes(writer, ids);
        return { result: {}, label: undoLabel('deleteCodes', names) };
      }),
    'coding.mergeCodes': ({ sourceIds, targetId }) =>
      act((writer) => {
        const names = mergeCodes(writer, sourceIds, targetId);
        const code = readCode(writer, targetId);
        return { result: { code }, label: undoLabel('mergeCodes', [...names, code.name], names.length) };
      }),
    'coding.splitCode': ({ id, newName, codingIds }) =>
      act((writer) => {
        const created = splitCode(writer, id, newName, codingIds);
        const kept = readCode(writer, id);
        return { result: { kept, created: readCode(writer, created) }, label: undoLabel('splitCode', [kept.name, newName.trim()]) };
      }),
    'coding.raise': ({ initialCodeIds, focused }) =>
      act((writer) => {
        const raised = raise(writer, initialCodeIds, focused);
        return { result: { code: readCode(writer, raised.focusedId) }, label: undoLabel('raise', [raised.focusedName, ...raised.names], raised.names.length) };
      }),
    'coding.unraise': ({ focusedCodeId, initialCodeIds }) =>
      act((writer) => {
        const names = unraise(writer, focusedCodeId, initialCodeIds);
        return { result: {}, label: undoLabel('unraise', names, names.length - 1) };
      }),

    'coding.apply': ({ code, passages }) =>
      act((writer) => {
        const codeId = code.id ?? findCodeByName(writer, code.level!, code.name!) ?? createCode(writer, { level: code.level!, name: code.name! });
        const codings = applyCode(writer, codeId, passages);
        const applied = readCode(writer, codeId);
        return { result: { code: applied, codings }, label: undoLabel('apply', [applied.name], passages.length) };
      }),
    'coding.adjust': ({ id, ...extent }) =>
      act((writer) => {
        const coding = adjustCoding(writer, id, extent);
        return { result: { coding }, label: undoLabel('adjust', [readCode(writer, coding.codeId).name], 1) };
      }),
    'coding.remove': ({ ids }) =>
      act((writer) => {
        const names = removeCodings(writer, ids);
        return { result: {}, label: undoLabel('remove', names, ids.length) };
      }),

    'coding.createCategory': ({ name, parentId, colour }) =>
      act((writer) => ({
        result: { category: readCategory(writer, createCategory(writer, name, parentId, colour)) },
        label: undoLabel('createCategory', [name.trim()]),
      })),
    'coding.updateCategory': ({ id, name, colour, quoteId }) =>
      act((writer) => {
        updateCategory(writer, id, { name, colour, quoteId });
        return { result: { category: readCategory(writer, id) }, label: undoLabel('updateCategory', [name.trim()]) };
      }),
    'coding.moveCategory': ({ id, parentId, position }) =>
      act((writer) => {
        const name = moveCategory(writer, id, parentId, position);
        return { result: { categories: listCategories(writer) }, label: undoLabel('moveCategory', [name]) };
      }),
    'coding.deleteCategory': ({ id }) =>
      act((writer) => {
        const name = deleteCategory(writer, id);
        return { result: {}, label: undoLabel('deleteCategory', [name]) };
      }),
    'coding.placeCodes': ({ codeIds, categoryId, position }) =>
      act((writer) => {
        const names = placeCodes(writer, codeIds, categoryId, position);
        return { result: { categories: listCategories(writer) }, label: undoLabel('placeCodes', names) };
      }),

    'coding.undo': () => undoOrRedo('undo'),
    'coding.redo': () => undoOrRedo('redo'),
  };
}
