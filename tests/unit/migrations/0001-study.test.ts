import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { columnNames, emptyKeyedDatabase, tableNames, version } from './helpers.js';

describe('migration 0001: the study, its settings and the audit trail', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('takes an empty file to version 1 with the study tables, and they hold a study', () => {
    ({ db } = emptyKeyedDatabase());
    expect(version(db)).toBe(0);
    expect(migrate(db, migrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(version(db)).toBe(1);
    expect(tableNames(db)).toEqual(['audit_event', 'research_question', 'setting', 'study', 'supervisor']);
    expect(columnNames(db, 'study')).toContain('end_of_study_action');

    db.prepare("INSERT INTO study (id, study_id, title, created_at) VALUES (1, 'uuid-1', 'Tittel', '2026-11-23T10:00:00.000Z')").run();
    db.prepare("INSERT INTO research_question (position, text) VALUES (0, 'Hva hjelper?')").run();
    db.prepare("INSERT INTO supervisor (position, name, affiliation) VALUES (0, 'Veileder', 'UiB')").run();
    db.prepare(`INSERT INTO setting (key, value) VALUES ('idleLockMinutes', '5')`).run();
    db.prepare("INSERT INTO audit_event (at, kind) VALUES ('2026-11-23T10:00:00.000Z', 'study.created')").run();

    expect(db.prepare('SELECT title, is_demo, ethics_decision, end_of_study_action FROM study').get()).toEqual({
      title: 'Tittel',
      is_demo: 0,
      ethics_decision: 'notSubmitted',
      end_of_study_action: 'delete',
    });
    expect(db.prepare('SELECT detail FROM audit_event').pluck().get()).toBe('{}');
  });

  it('enforces one study row, the allowed values, STRICT types and an append-only audit trail', () => {
    ({ db } = emptyKeyedDatabase());
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO study (id, study_id, title, created_at) VALUES (1, 'a', 'T', 'now')").run();
    expect(() => db.prepare("INSERT INTO study (id, study_id, title, created_at) VALUES (2, 'b', 'T', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE study SET end_of_study_action = 'keep'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE study SET is_demo = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO research_question (position, text) VALUES ('first', 'x')").run()).toThrow(/datatype mismatch|cannot store/);
    expect(() => db.prepare("INSERT INTO setting (key, value) VALUES ('k', x'00ff')").run()).toThrow(/cannot store BLOB/);

    db.prepare("INSERT INTO audit_event (at, kind) VALUES ('t', 'study.created')").run();
    expect(() => db.prepare("UPDATE audit_event SET kind = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
  });
});
