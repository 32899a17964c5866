import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { judgePassphrase } from '../../../shared/passphrase/strength.js';
import type { SessionState, StudySettings, StudySummary } from '../../../shared/study/contract.js';
import { recordAudit } from '../audit/audit.js';
import { automaticBackupIfDue, readBackupStatus } from '../backup/backup.js';
import { applyRekey } from '../db/cipher.js';
import { passphraseOpensFile } from '../db/sqlcipherFormat.js';
import type { StudyDatabase } from '../db/connection.js';
import { createStudyDatabase, openStudyDatabase } from '../db/open.js';
import { insertStudy, readStudySummary } from './page.js';
import { readStudySettings, writeStudySettings } from './settings.js';

export interface OpenStudy {
  readonly db: StudyDatabase;
  readonly path: string;
  readonly summary: StudySummary;
}

export interface SessionOptions {
  /** Told whenever the session changes on its own (the idle lock). */
  onStateChange?: (state: SessionState) => void;
  /** Told after a study was opened or created, with its path (for the recent list). */
  onOpened?: (path: string) => void;
  now?: () => Date;
}

/**
 * The one study the app has open, and the rules around it: the idle lock, locking by hand, closing
 * with an automatic backup, changing the passphrase. The passphrase itself is never kept: it goes
 * into SQLite's key derivation and is dropped; when the study is locked the connection is closed,
 * and SQLite3 Multiple Ciphers wipes the derived key with it.
 */
export class StudySession {
  private current: OpenStudy | null = null;
  private locked: { path: string; reason: 'manual' | 'idle' } | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private idleLockMs = 15 * 60 * 1000;
  private readonly now: () => Date;

  constructor(private readonly options: SessionOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  state(): SessionState {
    if (this.current) return { status: 'open', study: this.current.summary };
    if (this.locked) {
      return { status: 'locked', path: this.locked.path, fileName: path.basename(this.locked.path), reason: this.locked.reason };
    }
    return { status: 'closed' };
  }

  /** The open study, or the error the UI shows when there is none. */
  require(): OpenStudy {
    if (!this.current) throw new GroundworkError('study.notOpen');
    return this.current;
  }

  create(input: { title: string; path: string; passphrase: string; isDemo?: boolean }): StudySummary {
    const file = path.resolve(input.path);
    if (!input.isDemo && !judgePassphrase(input.passphrase, [input.title, path.basename(file)]).acceptable) {
      throw new GroundworkError('passphrase.tooWeak');
    }
    // The new file is made before the study in hand is closed, so a refused location changes nothing.
    const db = createStudyDatabase(file, input.passphrase);
    this.close();
    const now = this.now();
    db.write((writer) => {
      insertStudy(writer, { id: randomUUID(), title: input.title, createdAt: now.toISOString(), isDemo: input.isDemo ?? false });
      recordAudit(writer, 'study.created', {}, now);
    });
    return this.adopt(db, file);
  }

  open(input: { path: string; passphrase: string }): StudySummary {
    const file = path.resolve(input.path);
    if (this.current?.path === file) {
      // Already open here, under an exclusive lock: the passphrase is checked against the file itself.
      if (!passphraseOpensFile(file, input.passphrase)) throw new GroundworkError('study.wrongPassphrase');
      return this.current.summary;
    }
    // Opening is checked in full before the study in hand is closed, so a typo changes nothing.
    const { db, migratedFrom } = openStudyDatabase(file, input.passphrase);
    this.close();
    db.write((writer) => {
      const now = this.now();
      if (migratedFrom > 0 && migratedFrom < latestVersion(db)) {
        recordAudit(writer, 'study.migrated', { from: migratedFrom, to: latestVersion(db) }, now);
      }
      recordAudit(writer, 'study.opened', {}, now);
    });
    return this.adopt(db, file);
  }

  /** Closes the study and forgets the key; the passphrase must be typed again to go on. */
  lock(reason: 'manual' | 'idle' = 'manual'): SessionState {
    const open = this.current;
    if (!open) return this.state();
    this.shut(open, 'study.locked', { reason });
    this.locked = { path: open.path, reason };
    const state = this.state();
    if (reason === 'idle') this.options.onStateChange?.(state);
    return state;
  }

  close(): SessionState {
    const open = this.current;
    this.locked = null;
    if (open) this.shut(open, 'study.closed', {});
    return this.state();
  }

  /** The researcher did something: the idle lock starts counting again. */
  touch(): void {
    if (!this.current) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.lock('idle'), this.idleLockMs);
    // The timer must not keep a test process (or a closing app) alive.
    this.idleTimer.unref?.();
  }

  settings(): StudySettings {
    const open = this.require();
    return open.db.read((reader) => readStudySettings(reader, open.path));
  }

  updateSettings(changes: Partial<StudySettings>): StudySettings {
    const open = this.require();
    open.db.write((writer) => {
      writeStudySettings(writer, changes);
      recordAudit(writer, 'study.settingsChanged', { fields: Object.keys(changes).sort().join(',') }, this.now());
    });
    this.applySettings();
    return this.settings();
  }

  /**
   * Changes the key. The current passphrase is checked on a second connection first. SQLite can only
   * rekey outside WAL mode, so the study leaves WAL (which checkpoints every page into the file),
   * is rekeyed in one journaled transaction, and returns to WAL.
   */
  changePassphrase(current: string, next: string): void {
    const open = this.require();
    if (current === next) throw new GroundworkError('passphrase.sameAsCurrent');
    if (!judgePassphrase(next, [open.summary.title, path.basename(open.path)]).acceptable) throw new GroundworkError('passphrase.tooWeak');
    if (!passphraseOpensFile(open.path, current)) throw new GroundworkError('passphrase.wrongCurrent');

    const connection = open.db.connection;
    connection.pragma('journal_mode = DELETE');
    try {
      applyRekey(connection, next);
    } finally {
      connection.pragma('journal_mode = WAL');
    }
    open.db.write((writer) => recordAudit(writer, 'study.passphraseChanged', {}, this.now()));
  }

  /** After the study page changed the title. */
  refreshSummary(summary: StudySummary): void {
    if (this.current) this.current = { ...this.current, summary };
  }

  private adopt(db: StudyDatabase, file: string): StudySummary {
    const summary = db.read((reader) => readStudySummary(reader, { path: file, fileName: path.basename(file) }));
    this.current = { db, path: file, summary };
    this.locked = null;
    this.applySettings();
    this.options.onOpened?.(file);
    return summary;
  }

  private applySettings(): void {
    this.idleLockMs = Math.round(this.settings().idleLockMinutes * 60 * 1000);
    this.touch();
  }

  private shut(open: OpenStudy, kind: 'study.locked' | 'study.closed', detail: Record<string, string>): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.current = null;
    try {
      const now = this.now();
      const { settings, last } = open.db.read((reader) => ({
        settings: readStudySettings(reader, open.path),
        last: readBackupStatus(reader).lastAutomaticAt,
      }));
      open.db.write((writer) => recordAudit(writer, kind, detail, now));
      automaticBackupIfDue(open.db, open.path, settings, last, now);
    } catch {
      // A failed automatic backup must never keep the study open: closing is what protects it.
      // It is recorded (if the study can still be written) so the researcher is told next time.
      try {
        open.db.write((writer) => recordAudit(writer, 'backup.failed', { kind: 'automatic' }, this.now()));
      } catch {
        // Nothing more can be done with a study that cannot be written; it is closed below.
      }
    } finally {
      open.db.close();
    }
  }
}

function latestVersion(db: StudyDatabase): number {
  return db.connection.pragma('user_version', { simple: true }) as number;
}
