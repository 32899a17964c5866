import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { emptyKeyedDatabase, tableNames, version } from './helpers.js';

describe('migration 0003: participants, consent, recordings and requests', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('adds the tables to a version-2 study, keeps what was in it, and starts the attributes', () => {
    ({ db } = emptyKeyedDatabase());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO study (id, study_id, title, created_at) VALUES (1, 'uuid-1', 'Før 0003', '2026-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO backup (path, taken_at, bytes, kind) VALUES ('/b/1.groundwork', '2026-01-02T00:00:00.000Z', 8192, 'automatic')").run();

    expect(migrate(db, migrations.slice(0, 3))).toEqual({ from: 2, to: 3 });
    expect(version(db)).toBe(3);
    expect(db.prepare('SELECT title, recording_deletion_days FROM study').get()).toEqual({ title: 'Før 0003', recording_deletion_days: 7 });
    expect(db.prepare('SELECT count(*) FROM backup').pluck().get()).toBe(1);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'participant',
        'participant_identity',
        'attribute',
        'attribute_value',
        'consent_document',
        'consent',
        'consent_scan',
        'recording',
        'recording_audio',
        'rights_request',
        'withdrawal',
      ]),
    );
    expect(db.prepare('SELECT builtin FROM attribute ORDER BY position').pluck().all()).toEqual([
      'age',
      'familySituation',
      'housing',
      'occupation',
      'gender',
      'group',
      'groupCompleted',
    ]);

    // The rules the schema itself keeps.
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare("INSERT INTO participant (pseudonym, created_at) VALUES ('Deltaker 1', ?)").run(now);
    expect(() => db.prepare("INSERT INTO participant (pseudonym, created_at) VALUES ('deltaker 1', ?)").run(now)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES ('D2', 'gone', ?)").run(now)).toThrow(/CHECK/);
    db.prepare("INSERT INTO participant_identity (participant_id, name) VALUES (1, 'Kari')").run();
    db.prepare("INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (1, 1, '34')").run();
    // Identifying details and values go with the participant's row; they can never dangle.
    expect(() => db.prepare("INSERT INTO participant_identity (participant_id, name) VALUES (99, 'Ingen')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM participant WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM participant_identity').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM attribute_value').pluck().get()).toBe(0);
  });
});
