import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/core/db/cipher.js';
import { migrations } from '../../../main/core/db/migrations/index.js';
import { migrate } from '../../../main/core/db/migrator.js';
import { emptyKeyedDatabase, tableNames, version } from './helpers.js';

const now = '2026-03-01T10:00:00.000Z';

/** A version-5 study with one participant, interview and transcript of two lines. */
function studyWithTranscript(db: Connection): void {
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, 5));
  db.prepare("INSERT INTO participant (id, pseudonym, status, created_at) VALUES (1, 'Deltaker 1', 'consented', ?)").run(now);
  db.prepare("INSERT INTO interview (id, participant_id, held_at, setting, created_at) VALUES (1, 1, '2026-02-01T10:00', 'home', ?)").run(now);
  db.prepare("INSERT INTO transcript (id, interview_id, state, created_at, updated_at) VALUES (1, 1, 'anonymised', ?, ?)").run(now, now);
  const line = db.prepare('INSERT INTO transcript_line (id, transcript_id, position, text) VALUES (?, 1, ?, ?)');
  line.run('lineAAAAAAAA', 1, 'Jeg følte meg sett i gruppa.');
  line.run('lineBBBBBBBB', 2, 'Det var første gang på lenge.');
}

describe('migration 0006: coding, memos, quotes, search and undo', () => {
  let db: Connection;
  afterEach(() => db?.close());

  it('adds the analysis tables to a version-5 study and indexes the lines already there for search', () => {
    ({ db } = emptyKeyedDatabase());
    studyWithTranscript(db);
    expect(migrate(db, migrations.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect(version(db)).toBe(6);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['code', 'code_history', 'code_subsumes', 'category', 'coding', 'memo', 'quote', 'coding_undo_step']));
    const hits = db.prepare("SELECT rowid FROM transcript_line_fts WHERE transcript_line_fts MATCH 'gruppa'").all();
    expect(hits).toHaveLength(1);
    db.prepare("UPDATE transcript_line SET text = 'Det var gruppa som hjalp.' WHERE id = 'lineBBBBBBBB'").run();
    expect(db.prepare("SELECT count(*) FROM transcript_line_fts WHERE transcript_line_fts MATCH 'gruppa'").pluck().get()).toBe(2);
    expect(db.prepare("SELECT count(*) FROM transcript_line_fts WHERE transcript_line_fts MATCH 'lenge'").pluck().get()).toBe(0);
  });

  it('logs the reverse of each change only while an undo step is open, and replaying it restores the rows', () => {
    ({ db } = emptyKeyedDatabase());
    studyWithTranscript(db);
    migrate(db, migrations.slice(0, 6));
    // Outside a step nothing is logged.
    db.prepare("INSERT INTO code (id, guid, level, name, colour, created_at, updated_at) VALUES (1, 'g1', 'initial', 'feeling seen', '#aa3377', ?, ?)").run(now, now);
    expect(db.prepare('SELECT count(*) FROM coding_undo_sql').pluck().get()).toBe(0);

    db.prepare(
      "INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES ('c1', 1, 1, 'lineAAAAAAAA', 0, 'lineBBBBBBBB', 10, ?)",
    ).run(now);
    db.prepare("INSERT INTO memo (guid, title, body_text, code_id, created_at, updated_at) VALUES ('m1', 'On being seen', 'Seen by peers', 1, ?, ?)").run(now, now);
    db.prepare("INSERT INTO coding_undo_step (id, stack, label, at) VALUES (1, 'undo', 'delete', ?)").run(now);
    db.prepare('UPDATE coding_undo_state SET step_id = 1').run();
    const before = { code: db.prepare('SELECT * FROM code').all(), memo: db.prepare('SELECT * FROM memo').all() };
    db.prepare('DELETE FROM code WHERE id = 1').run(); // cascades to the coding, sets the memo free
    db.prepare('UPDATE coding_undo_state SET step_id = NULL').run();
    expect(db.prepare('SELECT count(*) FROM coding').pluck().get()).toBe(0);
    expect(db.prepare('SELECT code_id FROM memo').pluck().get()).toBeNull();

    // Undo the step: its statements in reverse, with foreign keys checked at the end.
    const statements = db.prepare('SELECT statement FROM coding_undo_sql WHERE step_id = 1 ORDER BY seq DESC').pluck().all() as string[];
    expect(statements.at(-1)).toMatch(/^INSERT INTO code \(rowid, /);
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const statement of statements) db.exec(statement);
    })();
    expect(db.prepare('SELECT * FROM code').all()).toEqual(before.code);
    expect(db.prepare('SELECT * FROM memo').all()).toEqual(before.memo);
    expect(db.prepare('SELECT guid, start_offset, end_offset FROM coding').all()).toEqual([{ guid: 'c1', start_offset: 0, end_offset: 10 }]);
  });
});
