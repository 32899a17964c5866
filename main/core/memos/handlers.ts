import type { memosChannels } from '../../../shared/memos/contract.js';
import { recordAudit } from '../audit/audit.js';
import { readUndoState } from '../coding/undo.js';
import { writeExport } from '../participantTable/handlers.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { renderMemosDocx } from './exports.js';
import { countMemos, createMemo, deleteMemo, listMemos, readMemo, readMemoTargets, saveMemo } from './memos.js';

type MemosHandlers = { [C in keyof typeof memosChannels]: Handler<C> };

export function memosHandlers(session: StudySession): MemosHandlers {
  const db = () => session.require().db;
  return {
    'memos.list': (filter) =>
      db().read((reader) => ({ memos: listMemos(reader, filter), total: countMemos(reader), targets: readMemoTargets(reader) })),
    'memos.get': ({ id }) => db().read((reader) => readMemo(reader, id)),
    'memos.create': ({ title, target, body }) => {
      const id = db().write((writer) => createMemo(writer, title, target, body));
      return db().read((reader) => ({ memo: readMemo(reader, id), undo: readUndoState(reader) }));
    },
    'memos.save': ({ id, title, body, baseUpdatedAt }) => db().write((writer) => saveMemo(writer, id, title, body, baseUpdatedAt)),
    'memos.delete': ({ id }) => {
      db().write((writer) => deleteMemo(writer, id));
      return { undo: db().read((reader) => readUndoState(reader)) };
    },
    'memos.export': async ({ filter, path, language }) => {
      const memos = db().read((reader) => listMemos(reader, filter).map((memo) => readMemo(reader, memo.id)));
      const written = writeExport(path, await renderMemosDocx(memos, language), 'memo.exportFailed');
      db().write((writer) => recordAudit(writer, 'export.written', { what: 'memos', format: 'docx', memos: memos.length }));
      return { path: written, memos: memos.length };
    },
  };
}
