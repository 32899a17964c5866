import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { queryPlan } from '../../helpers/study.js';
import { columnNames, emptyKeyedDatabase, tableNames, version } from './helpers.js';

describe('migration 0002: the backups a study has written', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('adds the backup table to a version-1 study and keeps what was in it', () => {
    ({ db } = emptyKeyedDatabase());
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO study (id, study_id, title, created_at, institution) VALUES (1, 'uuid-1', 'Før 0002', '2026-01-01T00:00:00.000Z', 'HVL')").run();
    db.prepare(`INSERT INTO setting (key, value) VALUES ('backupsToKeep', '7')`).run();
    db.prepare("INSERT INTO audit_event (at, kind) VALUES ('2026-01-01T00:00:00.000Z', 'study.created')").run();
    expect(tableNames(db)).not.toContain('backup');

    expect(migrate(db, migrations.slice(0, 2))).toEqual({ from: 1, to: 2 });

    expect(version(db)).toBe(2);
    expect(db.prepare('SELECT title, institution FROM study').get()).toEqual({ title: 'Før 0002', institution: 'HVL' });
    expect(db.prepare("SELECT value FROM setting WHERE key = 'backupsToKeep'").pluck().get()).toBe('7');
    expect(db.prepare('SELECT kind FROM audit_event').pluck().all()).toEqual(['study.created']);
    expect(columnNames(db, 'backup')).toEqual(['id', 'path', 'taken_at', 'bytes', 'kind', 'sha256', 'removed_at']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'backup'").pluck().all()).toContain('backup_kind_taken');

    db.prepare("INSERT INTO backup (path, taken_at, bytes, kind) VALUES ('/b/1.groundwork', '2026-01-02T00:00:00.000Z', 8192, 'automatic')").run();
    db.prepare("INSERT INTO backup (path, taken_at, bytes, kind) VALUES ('/b/2.groundwork', '2026-01-03T00:00:00.000Z', 8192, 'manual')").run();
    expect(() => db.prepare("INSERT INTO backup (path, taken_at, bytes, kind) VALUES ('/b/3', 'x', 1, 'nightly')").run()).toThrow(/CHECK/);
    // The query rotation uses is served by the index.
    expect(queryPlan(db, "SELECT id, path FROM backup WHERE kind = 'automatic' AND removed_at IS NULL ORDER BY taken_at DESC, id DESC")).toMatch(
      /USING INDEX backup_kind_taken/,
    );
  });
});
