import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { columnNames, emptyKeyedDatabase, tableNames, version } from './helpers.js';

describe('migration 0004: the interview guide, interviews, transcripts and anonymisation', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('adds the tables to a version-3 study and keeps its recordings', () => {
    ({ db } = emptyKeyedDatabase());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES ('Deltaker 1', 'consented', ?)").run(now);
    db.prepare("INSERT INTO recording (participant_id, made_at, created_at) VALUES (1, '2026-02-03', ?)").run(now);

    expect(migrate(db, migrations.slice(0, 4))).toEqual({ from: 3, to: 4 });
    expect(version(db)).toBe(4);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'guide_version',
        'interview',
        'interview_question',
        'transcript',
        'transcript_line',
        'anonymisation_key',
        'anonymisation_key_use',
        'anonymisation_hit',
      ]),
    );
    expect(columnNames(db, 'recording')).toContain('interview_id');
    expect(columnNames(db, 'guide_version')).toEqual(['id', 'version', 'content', 'created_at', 'updated_at', 'frozen_at']);
    expect(db.prepare('SELECT participant_id, interview_id FROM recording').get()).toEqual({ participant_id: 1, interview_id: null });

    // The rules the schema keeps: an interview needs a participant; a transcript's lines go with it.
    expect(() =>
      db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (99, '2026-02-03T10:00', 'home', ?)").run(now),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (1, '2026-02-03T10:00', 'café', ?)").run(now),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (1, '2026-02-03T10:00', 'home', ?)").run(now);
    db.prepare('UPDATE recording SET interview_id = 1').run();
    db.prepare('INSERT INTO transcript (interview_id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
    db.prepare("INSERT INTO transcript_line (id, transcript_id, position, text) VALUES ('a1', 1, 1, 'Hei')").run();
    expect(() => db.prepare("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES ('Oslo', '[by]', 'city', ?)").run(now)).toThrow(
      /CHECK/,
    );
    // The key's originals are unique whatever their case; a review's hit is one of the known kinds, or a pronoun.
    db.prepare("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES ('Oslo', '[by]', 'place', ?)").run(now);
    expect(() => db.prepare("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES ('OSLO', '[STED 1]', 'place', ?)").run(now)).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind, source) VALUES (1, 'a1', 0, 3, 'Hei', 'pronoun', 'pronoun')").run();
    expect(() => db.prepare("INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind) VALUES (1, 'a1', 0, 3, 'Hei', 'city')").run()).toThrow(/CHECK/);
    // The numbers given stay apart from the key, for the numbered kinds only.
    db.prepare("INSERT INTO anonymisation_label (kind, last_number) VALUES ('name', 3)").run();
    expect(() => db.prepare("INSERT INTO anonymisation_label (kind, last_number) VALUES ('phone', 1)").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM interview WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM anonymisation_hit').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM transcript_line').pluck().get()).toBe(0);
    // The register keeps the recording when its interview goes.
    expect(db.prepare('SELECT interview_id FROM recording').pluck().get()).toBeNull();
  });
});
