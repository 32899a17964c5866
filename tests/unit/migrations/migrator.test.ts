import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { applyKey, Database, groundworkApplicationId, type Connection } from '../../../main/core/db/cipher.js';
import { latestSchemaVersion, migrations, type Migration } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { openWithSqlcipher, sha256, tempDir, testCore, testPassphrase, value } from '../../helpers/study.js';
import { emptyKeyedDatabase, tableNames, version } from './helpers.js';

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../main/core/db/migrations');

describe('the migrator', () => {
  let db: Connection | undefined;
  afterEach(() => {
    if (db?.open) db.close();
    db = undefined;
  });

  it('brings an empty study to the latest version', () => {
    const opened = emptyKeyedDatabase();
    db = opened.db;
    expect(migrate(db)).toEqual({ from: 0, to: latestSchemaVersion });
    expect(version(db)).toBe(latestSchemaVersion);
    expect(migrate(db)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
  });

  it('rolls a failing step back and leaves the study at the last good version', () => {
    const opened = emptyKeyedDatabase();
    db = opened.db;
    migrate(db);
    db.prepare("INSERT INTO study (id, study_id, title, created_at) VALUES (1, 'u', 'Trygg', 'now')").run();
    const failing: Migration = (connection) => {
      connection.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      connection.exec("UPDATE study SET title = 'Ødelagt'");
      throw new Error('step failed halfway');
    };
    expect(() => migrate(db!, [...migrations, failing])).toThrow('step failed halfway');
    expect(version(db)).toBe(latestSchemaVersion);
    expect(tableNames(db)).not.toContain('half_done');
    expect(db.prepare('SELECT title FROM study').pluck().get()).toBe('Trygg');
  });

  it('keeps the steps before a failing one', () => {
    const opened = emptyKeyedDatabase();
    db = opened.db;
    const failing: Migration = () => {
      throw new Error('second step fails');
    };
    expect(() => migrate(db!, [migrations[0]!, failing])).toThrow('second step fails');
    expect(version(db)).toBe(1);
    expect(tableNames(db)).toContain('study');
  });

  it('refuses a study newer than itself before writing anything', () => {
    const opened = emptyKeyedDatabase();
    migrate(opened.db);
    opened.db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    opened.db.close();
    const before = sha256(opened.file);

    db = new Database(opened.file, { fileMustExist: true });
    applyKey(db, testPassphrase);
    let thrown: unknown;
    try {
      migrate(db, [...migrations]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GroundworkError);
    expect((thrown as GroundworkError).code).toBe('study.tooNew');
    expect(version(db)).toBe(latestSchemaVersion + 1);
    db.close();
    expect(sha256(opened.file)).toBe(before);
  });
});

describe('opening a study made by an older Groundwork', () => {
  it('migrates it to the latest version, keeps its data and records the migration', async () => {
    const root = tempDir();
    const file = path.join(root, 'Old.groundwork');
    // A study as version 1 of the schema left it.
    const old = new Database(file);
    applyKey(old, testPassphrase);
    old.pragma(`application_id = ${groundworkApplicationId}`);
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO study (id, study_id, title, created_at, institution) VALUES (1, 'old-id', 'Gammel studie', '2025-05-05T10:00:00.000Z', 'OsloMet')").run();
    old.prepare("INSERT INTO audit_event (at, kind) VALUES ('2025-05-05T10:00:00.000Z', 'study.created')").run();
    old.close();

    const core = testCore(root);
    const summary = value<{ id: string; title: string }>(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(summary).toMatchObject({ id: 'old-id', title: 'Gammel studie' });
    expect(value<{ institution: string }>(await core.invoke('studyPage.get', {})).institution).toBe('OsloMet');
    expect(value(await core.invoke('study.backups', {}))).toEqual([]);
    value(await core.invoke('study.close', {}));

    const check = openWithSqlcipher(file, testPassphrase, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const events = check.prepare('SELECT kind, detail FROM audit_event ORDER BY id').all() as { kind: string; detail: string }[];
      expect(events.slice(0, 3)).toEqual([
        { kind: 'study.created', detail: '{}' },
        { kind: 'study.migrated', detail: JSON.stringify({ from: 1, to: latestSchemaVersion }) },
        { kind: 'study.opened', detail: '{}' },
      ]);
    } finally {
      check.close();
    }
  });
});

describe('the list of migrations', () => {
  it('lists every migration file in the folder, in order, with nothing missing or extra', async () => {
    const files = fs
      .readdirSync(migrationsFolder)
      .filter((name) => /^\d{4}-.+\.ts$/.test(name))
      .sort();
    // Anything else in the folder that looks like a step but is misnamed would slip past the list.
    const others = fs.readdirSync(migrationsFolder).filter((name) => !files.includes(name) && name !== 'index.ts' && !name.endsWith('.md'));
    expect(others).toEqual([]);
    expect(files.map((name) => Number(name.slice(0, 4)))).toEqual(files.map((_, index) => index + 1));
    expect(migrations).toHaveLength(files.length);
    expect(latestSchemaVersion).toBe(files.length);
    for (const [index, name] of files.entries()) {
      const module = (await import(pathToFileURL(path.join(migrationsFolder, name)).href)) as { default: Migration };
      expect(migrations[index], `${name} is step ${index + 1} in migrations/index.ts`).toBe(module.default);
    }
  });

  it('has a test file for every migration', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const name of fs.readdirSync(migrationsFolder).filter((file) => /^\d{4}-.+\.ts$/.test(file))) {
      expect(fs.existsSync(path.join(here, name.replace(/\.ts$/, '.test.ts'))), `tests/unit/migrations/${name.replace(/\.ts$/, '.test.ts')}`).toBe(true);
    }
  });
});
