import fs from 'node:fs';
import path from 'node:path';
import type { participantTableChannels, ParticipantTableView } from '../../../shared/participantTable/contract.js';
import { buildTable, type TableLanguage } from '../../../shared/participantTable/engine.js';
import { GroundworkError, type ErrorCode } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader } from '../db/connection.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { renderTable } from './exports.js';
import { countWithdrawn, newShuffleSeed, readTableDefinition, readTableSource, writeTableDefinition } from './source.js';

type ParticipantTableHandlers = { [C in keyof typeof participantTableChannels]: Handler<C> };

export function readTableView(reader: StudyReader, language: TableLanguage): ParticipantTableView {
  const definition = readTableDefinition(reader);
  const { attributes, participants } = readTableSource(reader);
  return {
    definition,
    attributes,
    withdrawnLeftOut: countWithdrawn(reader),
    table: buildTable(definition, attributes, participants, language),
  };
}

/** Writes `bytes` to the chosen file and nowhere else: no temporary file beside it. */
export function writeExport(target: string, bytes: Buffer, failure: ErrorCode): string {
  const resolved = path.resolve(target);
  try {
    fs.writeFileSync(resolved, bytes, { mode: 0o600 });
  } catch {
    throw new GroundworkError(failure);
  }
  return resolved;
}

export function participantTableHandlers(session: StudySession): ParticipantTableHandlers {
  return {
    'participantTable.get': ({ language }) => session.require().db.read((reader) => readTableView(reader, language)),
    'participantTable.save': ({ definition, language }) => {
      const { db } = session.require();
      db.write((writer) => {
        // A first choice of the shuffled order gets its random order here, and keeps it.
        const seed = definition.order === 'shuffled' && !definition.shuffleSeed ? newShuffleSeed() : definition.shuffleSeed;
        writeTableDefinition(writer, { ...definition, shuffleSeed: seed });
      });
      return db.read((reader) => readTableView(reader, language));
    },
    'participantTable.reshuffle': ({ language }) => {
      const { db } = session.require();
      db.write((writer) => writeTableDefinition(writer, { ...readTableDefinition(writer), order: 'shuffled', shuffleSeed: newShuffleSeed() }));
      return db.read((reader) => readTableView(reader, language));
    },
    'participantTable.export': async ({ format, path: target, language }) => {
      const { db } = session.require();
      const table = db.read((reader) => {
        const { attributes, participants } = readTableSource(reader);
        return buildTable(readTableDefinition(reader), attributes, participants, language);
      });
      const bytes = await renderTable(table, format, language);
      const written = writeExport(target, bytes, 'participantTable.exportFailed');
      const counts = { rows: table.rows.length, columns: table.columns.length };
      session.require().db.write((writer) => recordAudit(writer, 'export.written', { what: 'participantTable', format, ...counts }));
      return { path: written, ...counts };
    },
  };
}
