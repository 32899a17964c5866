import type { Connection } from '../cipher.js';

/**
 * The backups this study has written. Rotation deletes only files listed here, and only while
 * their SHA-256 still matches, so Groundwork never removes a file it did not make, nor a backup
 * that has since been opened and worked in.
 */
export default function migrate(db: Connection): void {
  db.exec(`
    CREATE TABLE backup (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('automatic', 'manual')),
      sha256 TEXT,
      removed_at TEXT
    ) STRICT;
    CREATE INDEX backup_kind_taken ON backup (kind, taken_at);
  `);
}
