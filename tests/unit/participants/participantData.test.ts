import { describe, expect, it } from 'vitest';
import {
  participantTable,
  participantTables,
  sharedTables,
  tablesReachedThrough,
} from '../../../main/core/participants/participantData.js';
import { withdrawalSelections } from '../../../main/core/withdrawal/withdrawal.js';
import { withdrawalScopes } from '../../../shared/withdrawal/contract.js';
import { freshStudy } from '../../helpers/study.js';

/**
 * Withdrawal must know every table that holds data about a participant. This walks the real
 * schema's foreign keys, so a table added by a later migration that reaches `participant` (directly
 * or through another table) fails here until it is listed in participantData.ts; and so does a table
 * that participant data points at (a key entry, an attribute definition) until it is listed either as
 * reached through that data or as shared by the whole study.
 */
async function schema() {
  const { core } = await freshStudy();
  const db = core.session.require().db.connection;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const keys = new Map<string, { table: string; on_delete: string }[]>(
    tables.map((table) => [table, db.pragma(`foreign_key_list(${table})`) as { table: string; on_delete: string }[]]),
  );
  const references = new Map<string, string[]>([...keys].map(([table, list]) => [table, list.map((fk) => fk.table)]));
  return { db, tables, references, keys };
}

describe('the list of tables that hold data about a participant', () => {
  it('names every table whose foreign keys reach the participant table', async () => {
    const { tables, references } = await schema();
    // A table shared by the whole study is not about a participant even where it links to their
    // data (a category named by a quote): the walk does not go on through it (the next test checks its links).
    const shared = new Set(sharedTables);
    const reaches = (table: string, seen = new Set<string>()): boolean => {
      if (seen.has(table) || shared.has(table)) return false;
      seen.add(table);
      return (references.get(table) ?? []).some((parent) => parent === participantTable || reaches(parent, seen));
    };
    const reaching = tables.filter((table) => table !== participantTable && reaches(table)).sort();
    expect(reaching.length).toBeGreaterThan(0);
    expect(participantTables.map((entry) => entry.table).sort()).toEqual(reaching);
  });

  it('says of every table that participant data points at whether it is reached through it or shared by the study', async () => {
    const { references } = await schema();
    const listed = new Set([participantTable, ...participantTables.map((entry) => entry.table)]);
    const pointedAt = new Set(participantTables.flatMap((entry) => references.get(entry.table) ?? []).filter((table) => !listed.has(table)));
    expect([...tablesReachedThrough.map((entry) => entry.table), ...sharedTables].sort()).toEqual([...pointedAt].sort());
    for (const entry of tablesReachedThrough) {
      expect(listed.has(entry.through), `${entry.table} through ${entry.through}`).toBe(true);
      expect(references.get(entry.through), `${entry.through} points at ${entry.table}`).toContain(entry.table);
    }
  });

  it('lets a shared table link to participant data only by a link that the deletion empties', async () => {
    const { keys } = await schema();
    const listed = new Set([participantTable, ...participantTables.map((entry) => entry.table)]);
    const links = sharedTables.flatMap((table) =>
      (keys.get(table) ?? []).filter((fk) => listed.has(fk.table)).map((fk) => ({ name: `${table} → ${fk.table}`, onDelete: fk.on_delete })),
    );
    // A subcategory may be named by a quote: that link goes with the quote, the category stays.
    expect(links.map((link) => link.name)).toContain('category → quote');
    for (const link of links) expect(link.onDelete, link.name).toBe('SET NULL');
  });

  it('has WHERE clauses for each table, scope and kept part that SQLite accepts, with the participant as the one parameter', async () => {
    const { db } = await schema();
    for (const entry of participantTables) {
      expect(() => db.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).get(1), entry.table).not.toThrow();
      for (const scope of withdrawalScopes) {
        const { deleted, kept } = withdrawalSelections(entry.rowsOf, entry.onWithdrawal[scope]);
        for (const where of [deleted, kept]) {
          if (where !== null) expect(() => db.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${where}`).get(1), `${entry.table} ${scope}`).not.toThrow();
        }
      }
      if (entry.clearedOnKeep) {
        const columns = (db.pragma(`table_info(${entry.table})`) as { name: string }[]).map((column) => column.name);
        for (const column of entry.clearedOnKeep) expect(columns, entry.table).toContain(column);
      }
    }
    // Reached rows are chosen by rowid before anything is deleted.
    for (const entry of tablesReachedThrough) {
      expect(() => db.prepare(`SELECT rowid AS reached FROM ${entry.table} WHERE ${entry.rowsOf}`).all(1), entry.table).not.toThrow();
    }
  });
});
