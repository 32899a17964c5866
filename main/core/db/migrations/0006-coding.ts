import type { Connection } from '../cipher.js';

/**
 * Constructivist grounded theory: codes (initial and focused), codings anchored to transcript
 * lines, categories and subcategories, memos, quotes, full-text search, and the study-wide undo log
 * of every coding action. See `main/core/coding/README.md`.
 *
 * Anchors. A passage is `(transcript_id, start_line_id, start_offset, end_line_id, end_offset)`:
 * line ids (`transcript_line.id`, stable for the life of a line) and character offsets (UTF-16, as
 * JavaScript counts) into those lines' text, end exclusive. No foreign key ties an anchor to a line:
 * when a transcript is saved, `main/core/coding/anchors.ts` maps every anchor through the edit
 * (a line split, joined, retyped or removed), so nothing is lost or shifted.
 *
 * GUIDs are made once, stored, and never change: the REFI-QDA export (QDA-XML) uses them so that a
 * re-export can be compared with the last one.
 *
 * Undo. Every table of the analysis has triggers that, while `coding_undo_state.step_id` is set
 * (only inside a coding action's transaction), write the SQL that reverses each row change into
 * `coding_undo_sql` (the technique of sqlite.org's "Automatic Undo/Redo Using SQLite"). Undoing a
 * step runs its statements in reverse, recording the reverse of those as the redo step.
 */
export const analysisTables = ['code', 'code_history', 'code_subsumes', 'category', 'coding', 'memo', 'quote'] as const;

export default function migrate(db: Connection): void {
  db.exec(`
    -- A category or subcategory (parent_id), in the researcher's order (position among siblings).
    -- quote_id: a subcategory may be named by a participant's quote.
    CREATE TABLE category (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES category (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      position INTEGER NOT NULL DEFAULT 0,
      quote_id INTEGER REFERENCES quote (id) ON DELETE SET NULL,
      colour TEXT NOT NULL DEFAULT '#6b7280',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX category_parent ON category (parent_id, position);

    -- A code. level: 'initial' (line by line) or 'focused' (raised from initial codes, or applied
    -- to longer passages in a second pass). A focused code may be placed under one category.
    CREATE TABLE code (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      level TEXT NOT NULL CHECK (level IN ('initial', 'focused')),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
      definition TEXT NOT NULL DEFAULT '',
      category_id INTEGER REFERENCES category (id) ON DELETE SET NULL,
      category_position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX code_name ON code (level, name COLLATE NOCASE);
    CREATE INDEX code_category ON code (category_id, category_position);

    -- What happened to a code, shown as its history ("merged from …, on …"). detail is JSON with
    -- names and ids at the time (the other codes may be gone since).
    CREATE TABLE code_history (
      id INTEGER PRIMARY KEY,
      code_id INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('created', 'renamed', 'mergedFrom', 'mergedInto', 'splitFrom', 'splitInto', 'raisedFrom', 'raisedInto')),
      detail TEXT NOT NULL DEFAULT '{}',
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX code_history_code ON code_history (code_id, at);

    -- A focused code subsumes initial codes: their passages are found under it too.
    CREATE TABLE code_subsumes (
      focused_code_id INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
      initial_code_id INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
      PRIMARY KEY (focused_code_id, initial_code_id)
    ) STRICT;
    CREATE INDEX code_subsumes_initial ON code_subsumes (initial_code_id);

    -- A code applied to a passage of a transcript (see Anchors above).
    CREATE TABLE coding (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      code_id INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
      transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
      start_line_id TEXT NOT NULL,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_line_id TEXT NOT NULL,
      end_offset INTEGER NOT NULL CHECK (end_offset >= 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX coding_code ON coding (code_id, transcript_id);
    CREATE INDEX coding_transcript ON coding (transcript_id);
    -- A save maps the anchors on the lines it changed, found by line (main/core/coding/anchors.ts).
    CREATE INDEX coding_start_line ON coding (start_line_id);
    CREATE INDEX coding_end_line ON coding (end_line_id);

    -- A memo: free, or about a code, a category or a passage. body is the editor's document (JSON),
    -- body_text its plain text (for search, lists and exports). A memo about a code or category
    -- that is deleted becomes a free memo; one about a passage goes with its transcript.
    CREATE TABLE memo (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '',
      body_text TEXT NOT NULL DEFAULT '',
      code_id INTEGER REFERENCES code (id) ON DELETE SET NULL,
      category_id INTEGER REFERENCES category (id) ON DELETE SET NULL,
      transcript_id INTEGER REFERENCES transcript (id) ON DELETE CASCADE,
      start_line_id TEXT,
      start_offset INTEGER CHECK (start_offset IS NULL OR start_offset >= 0),
      end_line_id TEXT,
      end_offset INTEGER CHECK (end_offset IS NULL OR end_offset >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((code_id IS NOT NULL) + (category_id IS NOT NULL) + (transcript_id IS NOT NULL) <= 1),
      CHECK ((transcript_id IS NULL) = (start_line_id IS NULL) AND (transcript_id IS NULL) = (end_line_id IS NULL))
    ) STRICT;
    CREATE INDEX memo_created ON memo (created_at);
    CREATE INDEX memo_code ON memo (code_id);
    CREATE INDEX memo_category ON memo (category_id);
    CREATE INDEX memo_transcript ON memo (transcript_id);
    CREATE INDEX memo_start_line ON memo (start_line_id);
    CREATE INDEX memo_end_line ON memo (end_line_id);

    -- A passage marked as a quote, with its wording for publication (dialect to bokmål, details
    -- left out) kept apart from the source lines it stays linked to.
    CREATE TABLE quote (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
      start_line_id TEXT NOT NULL,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_line_id TEXT NOT NULL,
      end_offset INTEGER NOT NULL CHECK (end_offset >= 0),
      wording TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      category_id INTEGER REFERENCES category (id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quote_transcript ON quote (transcript_id);
    CREATE INDEX quote_category ON quote (category_id);
    CREATE INDEX quote_start_line ON quote (start_line_id);
    CREATE INDEX quote_end_line ON quote (end_line_id);

    -- Stable GUIDs of things the REFI-QDA export names that have no table of their own here.
    -- kind: 'project', 'user', 'source' (a transcript), 'case' (a participant), 'variable' (an attribute), 'set' (a code level).
    CREATE TABLE exchange_guid (
      kind TEXT NOT NULL,
      ref TEXT NOT NULL,
      guid TEXT NOT NULL UNIQUE,
      PRIMARY KEY (kind, ref)
    ) STRICT;

    -- Full-text search over transcript lines and memos (external content: the text lives once).
    CREATE VIRTUAL TABLE transcript_line_fts USING fts5(
      text, content = 'transcript_line', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO transcript_line_fts (transcript_line_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO transcript_line_fts (transcript_line_fts) VALUES ('rebuild');
    CREATE TRIGGER transcript_line_fts_insert AFTER INSERT ON transcript_line BEGIN
      INSERT INTO transcript_line_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER transcript_line_fts_delete AFTER DELETE ON transcript_line BEGIN
      INSERT INTO transcript_line_fts (transcript_line_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER transcript_line_fts_update AFTER UPDATE OF text ON transcript_line BEGIN
      INSERT INTO transcript_line_fts (transcript_line_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
      INSERT INTO transcript_line_fts (rowid, text) VALUES (new.rowid, new.text);
    END;

    CREATE VIRTUAL TABLE memo_fts USING fts5(
      title, body_text, content = 'memo', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO memo_fts (memo_fts, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER memo_fts_insert AFTER INSERT ON memo BEGIN
      INSERT INTO memo_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;
    CREATE TRIGGER memo_fts_delete AFTER DELETE ON memo BEGIN
      INSERT INTO memo_fts (memo_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
    END;
    CREATE TRIGGER memo_fts_update AFTER UPDATE OF title, body_text ON memo BEGIN
      INSERT INTO memo_fts (memo_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
      INSERT INTO memo_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;

    -- The undo log (see above). stack: 'undo' or 'redo'; label: the action, for "Undo <action>".
    CREATE TABLE coding_undo_step (
      id INTEGER PRIMARY KEY,
      stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
      label TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE coding_undo_sql (
      seq INTEGER PRIMARY KEY,
      step_id INTEGER NOT NULL REFERENCES coding_undo_step (id) ON DELETE CASCADE,
      statement TEXT NOT NULL
    ) STRICT;
    CREATE INDEX coding_undo_sql_step ON coding_undo_sql (step_id, seq);
    -- One row; step_id is set only inside a coding action's transaction.
    CREATE TABLE coding_undo_state (
      only INTEGER PRIMARY KEY CHECK (only = 1),
      step_id INTEGER
    ) STRICT;
    INSERT INTO coding_undo_state (only, step_id) VALUES (1, NULL);
  `);

  for (const table of analysisTables) createUndoTriggers(db, table);
}

/** Triggers that log the SQL reversing each row change of `table` while an undo step is open. */
function createUndoTriggers(db: Connection, table: string): void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((column) => column.name);
  const recording = '(SELECT step_id FROM coding_undo_state WHERE only = 1)';
  const log = (statement: string) => `INSERT INTO coding_undo_sql (step_id, statement) VALUES (${recording}, ${statement});`;
  const values = columns.map((column) => `quote(old.${column})`).join(` || ', ' || `);
  const assignments = columns.map((column) => `'${column} = ' || quote(old.${column})`).join(` || ', ' || `);
  db.exec(`
    CREATE TRIGGER ${table}_undo_insert AFTER INSERT ON ${table} WHEN ${recording} IS NOT NULL BEGIN
      ${log(`'DELETE FROM ${table} WHERE rowid = ' || new.rowid`)}
    END;
    CREATE TRIGGER ${table}_undo_update AFTER UPDATE ON ${table} WHEN ${recording} IS NOT NULL BEGIN
      ${log(`'UPDATE ${table} SET ' || ${assignments} || ' WHERE rowid = ' || old.rowid`)}
    END;
    CREATE TRIGGER ${table}_undo_delete BEFORE DELETE ON ${table} WHEN ${recording} IS NOT NULL BEGIN
      ${log(`'INSERT INTO ${table} (rowid, ${columns.join(', ')}) VALUES (' || old.rowid || ', ' || ${values} || ')'`)}
    END;
  `);
}
