import { describe, expect, it } from 'vitest';
import { participantTable, participantTables } from '../../../main/core/participants/participantData.js';
import { freshStudy } from '../../helpers/study.js';

/**
 * Withdrawal must know every table that holds data about a participant. This walks the real
 * schema's foreign keys, so a table added by a later migration that reaches `participant` (directly
 * or through another table) fails here until it is listed in participantData.ts.
 */
describe('the list of tables that hold data about a participant', () => {
  it('names every table whose foreign keys reach the participant table', async () => {
    const { core } = await freshStudy();
    const db = core.session.require().db.connection;
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const references = new Map<string, string[]>(
      tables.map((table) => [table, (db.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((fk) => fk.table)]),
    );
    const reaches = (table: string, seen = new Set<string>()): boolean => {
      if (seen.has(table)) return false;
      seen.add(table);
      return (references.get(table) ?? []).some((parent) => parent === participantTable || reaches(parent, seen));
    };
    const reaching = tables.filter((table) => table !== participantTable && reaches(table)).sort();
    expect(reaching.length).toBeGreaterThan(0);
    expect(participantTables.map((entry) => entry.table).sort()).toEqual(reaching);
  });

  it('has a WHERE clause for each table that SQLite accepts', async () => {
    const { core } = await freshStudy();
    const db = core.session.require().db.connection;
    for (const entry of participantTables) {
      expect(() => db.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).get(1), entry.table).not.toThrow();
    }
  });
});
