import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The kinds of data-protection event the audit trail records. Details are counts, ids and kinds,
 * never names, text or anything else a person could be recognised by.
 */
export const auditKinds = [
  'study.created',
  'study.opened',
  'study.migrated',
  'study.locked',
  'study.closed',
  'study.passphraseChanged',
  'study.pageUpdated',
  'study.settingsChanged',
  'backup.made',
  'backup.failed',
  'backup.removed',
  'export.written',
  'recording.registered',
  'recording.transcribed',
  'recording.deleted',
  'request.registered',
  'request.extended',
  'request.answered',
  'participant.added',
  'participant.pseudonymChanged',
  'participant.statusChanged',
  'participant.identityViewed',
  'participant.identityChanged',
  'participant.identityDeletedAll',
  'attribute.deleted',
  'participant.withdrawn',
  'consent.documentCreated',
  'consent.documentFrozen',
  'consent.documentExported',
  'consent.recorded',
  'consent.scanAttached',
  'consent.scanRemoved',
  'consent.scanCopied',
  'calendar.programmeChanged',
  'calendar.groupCreated',
  'calendar.groupChanged',
  'calendar.groupDeleted',
  'calendar.scheduleChanged',
  'calendar.memberAdded',
  'calendar.memberChanged',
  'calendar.memberRemoved',
  'calendar.attendanceRecorded',
  'calendar.logSaved',
  'calendar.evaluationSubmitted',
  'calendar.groupCompleted',
  'guide.versionCreated',
  'guide.versionFrozen',
  'interview.registered',
  'interview.changed',
  'interview.deleted',
  'transcript.created',
  'transcript.imported',
  'transcript.completed',
  'transcript.deleted',
  'transcript.exportedUnanonymised',
  'anonymisation.finished',
  'anonymisation.keyViewed',
  'anonymisation.keyDeleted',
  'anonymisation.reopened',
  'exchange.imported',
  'exchange.codebookImported',
] as const;
export type AuditKind = (typeof auditKinds)[number];

type AuditDetail = Record<string, string | number | boolean | null>;

export function recordAudit(writer: StudyWriter, kind: AuditKind, detail: AuditDetail = {}, at = new Date()): void {
  writer
    .statement('INSERT INTO audit_event (at, kind, detail) VALUES (?, ?, ?)')
    .run(at.toISOString(), kind, JSON.stringify(detail));
}

export interface AuditEvent {
  id: number;
  at: string;
  kind: AuditKind;
  detail: AuditDetail;
}

export function listAudit(reader: StudyReader, limit = 1000): AuditEvent[] {
  return reader
    .query<{ id: number; at: string; kind: AuditKind; detail: string }>(
      'SELECT id, at, kind, detail FROM audit_event ORDER BY id DESC LIMIT ?',
    )
    .all(limit)
    .map((row) => ({ ...row, detail: JSON.parse(row.detail) as AuditDetail }));
}
