import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../../shared/contract/errors.js';
import {
  applyKey,
  applySessionPragmas,
  classifyOpenError,
  Database,
  groundworkApplicationId,
  inspectFile,
  sqlcipherPageSize,
  type Connection,
} from './cipher.js';
import { latestSchemaVersion, migrate, schemaVersion } from './migrator.js';
import { StudyDatabase } from './connection.js';

/**
 * Opens an existing study. Every check that can refuse the file (wrong passphrase, not a study,
 * damaged, too new) happens before the first write, so a refused file is left byte-for-byte as it was.
 */
export function openStudyDatabase(file: string, passphrase: string): { db: StudyDatabase; migratedFrom: number } {
  const kind = inspectFile(file);
  switch (kind) {
    case 'missing':
      throw new GroundworkError('study.fileMissing');
    case 'directory':
    case 'empty':
    case 'otherFormat':
      throw new GroundworkError('study.notAStudy');
    case 'plaintextSqlite':
      throw new GroundworkError('study.plaintextDatabase');
    case 'opaque':
      break;
  }

  let connection: Connection | undefined;
  try {
    connection = new Database(file, { fileMustExist: true });
    applyKey(connection, passphrase);
    // The first read derives the key and checks page 1's HMAC: a wrong key fails here.
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    if (connection.pragma('application_id', { simple: true }) !== groundworkApplicationId) {
      throw new GroundworkError('study.notAStudy');
    }
    if (schemaVersion(connection) > latestSchemaVersion) throw new GroundworkError('study.tooNew');
    // A file cut short at a page boundary fails the first read (SQLITE_CORRUPT: the header counts
    // more pages than the file has); one cut inside a page still reads, but is not whole pages.
    if (fs.statSync(file).size % sqlcipherPageSize !== 0) throw new GroundworkError('study.damaged');
    // A crash while a study was being made can leave Groundwork's id without a schema or without
    // the study's row: that file cannot be used, and the session would fail on it after opening.
    const version = schemaVersion(connection);
    if (version === 0 || connection.prepare('SELECT count(*) FROM study WHERE id = 1').pluck().get() !== 1) {
      throw new GroundworkError('study.damaged');
    }

    applySessionPragmas(connection);
    const { from } = migrate(connection);
    return { db: new StudyDatabase(connection), migratedFrom: from };
  } catch (error) {
    if (connection?.open) connection.close();
    throw classifyOpenError(error, kind);
  }
}

/** Creates a new, empty study file at `file`, which must not exist yet. */
export function createStudyDatabase(file: string, passphrase: string): StudyDatabase {
  if (!fs.existsSync(path.dirname(file))) throw new GroundworkError('study.folderMissing');
  if (fs.existsSync(file)) throw new GroundworkError('study.fileExists');

  let connection: Connection | undefined;
  try {
    connection = new Database(file);
    applyKey(connection, passphrase);
    connection.pragma(`application_id = ${groundworkApplicationId}`);
    applySessionPragmas(connection);
    migrate(connection);
    return new StudyDatabase(connection);
  } catch (error) {
    if (connection?.open) connection.close();
    removeStudyFiles(file);
    if (error instanceof GroundworkError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))) {
      throw new GroundworkError('study.notWritable');
    }
    throw new GroundworkError('internal');
  }
}

/** A study file together with its WAL and shared-memory companions. */
export function studyFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

export function removeStudyFiles(file: string): void {
  for (const companion of studyFiles(file)) fs.rmSync(companion, { force: true });
}
