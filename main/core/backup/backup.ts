import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Backup } from '../../../shared/study/contract.js';
import { recordAudit } from '../audit/audit.js';
import { groundworkApplicationId, inspectFile, sqlcipherPageSize } from '../db/cipher.js';
import type { StudyDatabase, StudyReader } from '../db/connection.js';
import { studyFiles } from '../db/open.js';

/**
 * Backups are whole, encrypted copies of the study, made while it is open.
 *
 * They are written with `VACUUM INTO` rather than better-sqlite3's `backup()`: that method opens
 * the destination through a connection of its own that has no key, which SQLite3 Multiple Ciphers
 * (rightly) refuses for an encrypted source. `VACUUM INTO` runs inside one read transaction of the
 * open study (a consistent snapshot, the study stays usable) and writes the copy with the study's
 * own cipher, salt and key, so a backup opens with the passphrase in force when it was taken.
 *
 * Every copy is checked before it counts: it must not start with SQLite's plaintext header, must be
 * whole pages, and must open with the study's key and pass an integrity check. Only then is it
 * moved into place.
 */
export function writeBackup(db: StudyDatabase, studyFile: string, target: string, kind: Backup['kind'], now = new Date()): Backup {
  const resolvedTarget = path.resolve(target);
  // By identity as well as by name: a linked folder, or another letter case on macOS and Windows,
  // names the same file by another path, and the copy would be renamed over the open study.
  if (studyFiles(path.resolve(studyFile)).some((own) => own === resolvedTarget || sameFile(own, resolvedTarget))) {
    throw new GroundworkError('backup.targetIsStudy');
  }
  const folder = path.dirname(resolvedTarget);
  if (!fs.existsSync(folder)) throw new GroundworkError('backup.folderMissing');

  // Written beside the target under a name of its own, then renamed: a reader never sees half a copy.
  const partial = path.join(folder, `.${path.basename(resolvedTarget)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    db.connection.prepare('VACUUM INTO ?').run(partial);
    verifyCopy(db, partial);
    fs.renameSync(partial, resolvedTarget);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof GroundworkError) throw error;
    throw new GroundworkError('backup.failed');
  }

  const bytes = fs.statSync(resolvedTarget).size;
  const takenAt = now.toISOString();
  const digest = fileDigest(resolvedTarget);
  db.write((writer) => {
    writer
      .statement('INSERT INTO backup (path, taken_at, bytes, kind, sha256) VALUES (?, ?, ?, ?, ?)')
      .run(resolvedTarget, takenAt, bytes, kind, digest);
    recordAudit(writer, 'backup.made', { kind, bytes }, now);
  });
  return { path: resolvedTarget, fileName: path.basename(resolvedTarget), takenAt, bytes, kind };
}

function sameFile(a: string, b: string): boolean {
  try {
    const first = fs.statSync(a, { bigint: true });
    const second = fs.statSync(b, { bigint: true });
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false; // one of them does not exist
  }
}

function verifyCopy(db: StudyDatabase, copy: string): void {
  if (inspectFile(copy) !== 'opaque' || fs.statSync(copy).size % sqlcipherPageSize !== 0) {
    throw new GroundworkError('backup.failed');
  }
  // ATTACH without a KEY clause uses the main database's key: the copy must open with it.
  const connection = db.connection;
  connection.prepare("ATTACH DATABASE ? AS backup_check").run(copy);
  try {
    const applicationId = connection.pragma('backup_check.application_id', { simple: true });
    const check = connection.pragma('backup_check.quick_check(1)', { simple: true });
    if (applicationId !== groundworkApplicationId || check !== 'ok') throw new GroundworkError('backup.failed');
  } finally {
    connection.prepare('DETACH DATABASE backup_check').run();
  }
}

/** `Study 2026-11-23 14.05.09.groundwork`: sorts by time, readable in any file manager. */
export function automaticBackupName(studyFile: string, now: Date): string {
  const extension = path.extname(studyFile);
  const base = path.basename(studyFile, extension);
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}.${pad(now.getSeconds())}`;
  return `${base} ${stamp}${extension || '.groundwork'}`;
}

/** Makes an automatic backup if none was made in the last day, then keeps only the newest `keep`. */
export function automaticBackupIfDue(
  db: StudyDatabase,
  studyFile: string,
  settings: { backupFolder: string; backupsToKeep: number },
  lastAutomatic: string | null,
  now = new Date(),
): Backup | null {
  const dayMs = 24 * 60 * 60 * 1000;
  if (lastAutomatic && now.getTime() - new Date(lastAutomatic).getTime() < dayMs) return null;
  fs.mkdirSync(settings.backupFolder, { recursive: true });
  const backup = writeBackup(db, studyFile, unusedPath(settings.backupFolder, automaticBackupName(studyFile, now)), 'automatic', now);
  rotateAutomaticBackups(db, settings.backupsToKeep, now);
  return backup;
}

/**
 * `name` in `folder`, or `name (2)`, `name (3)`… if it is taken: an automatic backup must never
 * replace a file it did not make (and rotation would then delete it as its own).
 */
function unusedPath(folder: string, name: string): string {
  const extension = path.extname(name);
  const base = path.basename(name, extension);
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${base} (${n})${extension}`);
  return candidate;
}

/**
 * Deletes the oldest automatic backups beyond `keep`. Only files this study recorded are touched,
 * and only while they are byte for byte what was written: a backup that has since been opened and
 * worked in (a restore) is a study in its own right, and is let go of instead of deleted.
 */
export function rotateAutomaticBackups(db: StudyDatabase, keep: number, now = new Date()): number {
  const surplus = db.read((reader) =>
    reader
      .query<{ id: number; path: string; sha256: string | null }>(
        "SELECT id, path, sha256 FROM backup WHERE kind = 'automatic' AND removed_at IS NULL ORDER BY taken_at DESC, id DESC LIMIT -1 OFFSET ?",
      )
      .all(keep),
  );
  if (surplus.length === 0) return 0;
  let deleted = 0;
  for (const backup of surplus) {
    if (!fs.existsSync(backup.path)) continue;
    if (backup.sha256 === null || fileDigest(backup.path) !== backup.sha256) continue;
    fs.rmSync(backup.path, { force: true });
    deleted++;
  }
  db.write((writer) => {
    const mark = writer.statement('UPDATE backup SET removed_at = ? WHERE id = ?');
    for (const backup of surplus) mark.run(now.toISOString(), backup.id);
    recordAudit(writer, 'backup.removed', { count: deleted, keptBecauseChanged: surplus.length - deleted }, now);
  });
  return deleted;
}

/** SHA-256 of a file, read in pieces so a large study does not have to fit in memory at once. */
function fileDigest(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function listBackups(reader: StudyReader): Backup[] {
  return reader
    .query<{ path: string; taken_at: string; bytes: number; kind: Backup['kind'] }>(
      'SELECT path, taken_at, bytes, kind FROM backup WHERE removed_at IS NULL ORDER BY taken_at DESC, id DESC',
    )
    .all()
    .filter((row) => fs.existsSync(row.path))
    .map((row) => ({ path: row.path, fileName: path.basename(row.path), takenAt: row.taken_at, bytes: row.bytes, kind: row.kind }));
}

export function readBackupStatus(reader: StudyReader): { lastAutomaticAt: string | null; lastFailureAt: string | null } {
  const lastAutomatic = reader
    .query<{ taken_at: string }>("SELECT taken_at FROM backup WHERE kind = 'automatic' ORDER BY taken_at DESC LIMIT 1")
    .get();
  const lastFailure = reader
    .query<{ at: string }>("SELECT at FROM audit_event WHERE kind = 'backup.failed' ORDER BY id DESC LIMIT 1")
    .get();
  return { lastAutomaticAt: lastAutomatic?.taken_at ?? null, lastFailureAt: lastFailure?.at ?? null };
}
