import path from 'node:path';
import { studySettingsSchema, type StudySettings } from '../../../shared/study/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

export const defaultIdleLockMinutes = 15;
export const defaultBackupsToKeep = 5;

/** Backups go beside the study by default, in a folder the researcher can find. */
export function defaultBackupFolder(studyFile: string): string {
  return path.join(path.dirname(studyFile), 'Groundwork backups');
}

const keys = ['idleLockMinutes', 'backupFolder', 'backupsToKeep'] as const;

export function readStudySettings(reader: StudyReader, studyFile: string): StudySettings {
  const stored = new Map(
    reader
      .query<{ key: string; value: string }>('SELECT key, value FROM setting')
      .all()
      .map((row) => [row.key, JSON.parse(row.value) as unknown]),
  );
  const candidate = {
    idleLockMinutes: stored.get('idleLockMinutes') ?? defaultIdleLockMinutes,
    backupFolder: stored.get('backupFolder') ?? defaultBackupFolder(studyFile),
    backupsToKeep: stored.get('backupsToKeep') ?? defaultBackupsToKeep,
  };
  // A stored value that no longer fits the rules falls back to the default rather than failing.
  const parsed = studySettingsSchema.safeParse(candidate);
  return parsed.success
    ? parsed.data
    : { idleLockMinutes: defaultIdleLockMinutes, backupFolder: defaultBackupFolder(studyFile), backupsToKeep: defaultBackupsToKeep };
}

export function writeStudySettings(writer: StudyWriter, changes: Partial<StudySettings>): void {
  const upsert = writer.statement(
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of keys) {
    if (changes[key] !== undefined) upsert.run(key, JSON.stringify(changes[key]));
  }
}
