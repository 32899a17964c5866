import path from 'node:path';
import { applyKey, Database, type Connection } from '../../../main/core/db/cipher.js';
import { tempDir, testPassphrase } from '../../helpers/study.js';

/** An empty, keyed study database (schema version 0) in a temp folder; the caller closes it. */
export function emptyKeyedDatabase(): { db: Connection; file: string } {
  const file = path.join(tempDir(), 'migration.groundwork');
  const db = new Database(file);
  applyKey(db, testPassphrase);
  return { db, file };
}

export function tableNames(db: Connection): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

export function columnNames(db: Connection, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

export function version(db: Connection): number {
  return db.pragma('user_version', { simple: true }) as number;
}
