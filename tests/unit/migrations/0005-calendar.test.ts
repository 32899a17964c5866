import { afterEach, describe, expect, it } from 'vitest';
import { programmeContentSchema } from '../../../shared/calendar/contract.js';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { emptyKeyedDatabase, tableNames, version } from './helpers.js';

describe('migration 0005: the group calendar', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('adds the calendar to a version-4 study with the five programmes, and keeps its participants', () => {
    ({ db } = emptyKeyedDatabase());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES ('Deltaker 1', 'consented', ?)").run(now);

    expect(migrate(db, migrations.slice(0, 5))).toEqual({ from: 4, to: 5 });
    expect(version(db)).toBe(5);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'group_programme',
        'calendar_group',
        'group_session',
        'group_member',
        'group_attendance',
        'group_log_mention',
        'group_talk',
        'group_evaluation',
      ]),
    );
    const programmes = db.prepare('SELECT builtin, is_default, content FROM group_programme ORDER BY position').all() as {
      builtin: string;
      is_default: number;
      content: string;
    }[];
    expect(programmes.map((row) => row.builtin)).toEqual(['restart', 'groupTherapyTraining', 'groupSupervision', 'palliativeReflection', 'rehabilitationReflection']);
    expect(programmes.map((row) => row.is_default)).toEqual([1, 0, 0, 0, 0]);
    for (const row of programmes) expect(() => programmeContentSchema.parse(JSON.parse(row.content)), row.builtin).not.toThrow();
    expect(db.prepare('SELECT count(*) FROM participant').pluck().get()).toBe(1);

    // The rules the schema keeps.
    expect(() => db.prepare("UPDATE group_programme SET is_default = 1 WHERE builtin = 'groupSupervision'").run()).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO calendar_group (name, programme_id, plan, professional_leader, start_date, start_time, colour, created_at)
       VALUES ('Gruppe', 1, '{}', 'Leder', '2026-03-02', '12:00', 0, ?)`,
    ).run(now);
    db.prepare("INSERT INTO group_session (group_id, starts_at, minutes, created_at) VALUES (1, '2026-03-03T12:00', 120, ?)").run(now);
    db.prepare("INSERT INTO group_member (group_id, label, participant_id, created_at) VALUES (1, 'K.N.', 1, ?)").run(now);
    // Labels are short, and unique within a group whatever the case.
    expect(() => db.prepare("INSERT INTO group_member (group_id, label, created_at) VALUES (1, 'k.n.', ?)").run(now)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO group_member (group_id, label, created_at) VALUES (1, 'Kari Nordmann fra Bergen sentrum', ?)").run(now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO group_attendance (session_id, member_id, status, recorded_at) VALUES (1, 1, 'late', ?)").run(now)).toThrow(/CHECK/);
    db.prepare("INSERT INTO group_attendance (session_id, member_id, status, recorded_at) VALUES (1, 1, 'present', ?)").run(now);
    db.prepare("INSERT INTO group_log_mention (session_id, member_id, note) VALUES (1, 1, 'Notat')").run();
    db.prepare("INSERT INTO group_evaluation (group_id, form_key, member_id, answers, submitted_on) VALUES (1, 'before', 1, '{}', '2026-03-03')").run();
    // A programme a group was made from cannot be deleted under it.
    expect(() => db.prepare('DELETE FROM group_programme WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    // The member goes with everything about them.
    db.prepare('DELETE FROM group_member WHERE id = 1').run();
    for (const table of ['group_attendance', 'group_log_mention', 'group_evaluation']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    // The group goes with its sessions.
    db.prepare('DELETE FROM calendar_group WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM group_session').pluck().get()).toBe(0);
  });
});
