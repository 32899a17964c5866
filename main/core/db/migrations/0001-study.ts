import type { Connection } from '../cipher.js';

/**
 * The study itself, its settings and the audit trail.
 *
 * The audit trail is append-only: triggers refuse any update or delete. It records what happened
 * to the data (created, opened, locked, exported, deleted) and never any personal data, so it can
 * outlive a withdrawal.
 */
export default function migrate(db: Connection): void {
  db.exec(`
    CREATE TABLE study (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      study_id TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      institution TEXT NOT NULL DEFAULT '',
      ethics_decision TEXT NOT NULL DEFAULT 'notSubmitted',
      ethics_reference TEXT NOT NULL DEFAULT '',
      ethics_date TEXT,
      sikt_reference TEXT NOT NULL DEFAULT '',
      sikt_date TEXT,
      data_management_notes TEXT NOT NULL DEFAULT '',
      planned_end_date TEXT,
      end_of_study_action TEXT NOT NULL DEFAULT 'delete' CHECK (end_of_study_action IN ('delete', 'anonymise'))
    ) STRICT;

    CREATE TABLE research_question (
      position INTEGER PRIMARY KEY,
      text TEXT NOT NULL
    ) STRICT;

    CREATE TABLE supervisor (
      position INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      affiliation TEXT NOT NULL
    ) STRICT;

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_event (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_event_at ON audit_event (at);

    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `);
}
