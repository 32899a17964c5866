import type { FreshStudy } from '../../helpers/study.js';

/**
 * Interviews (and a recording of one) straight into the study file, as the interviews feature
 * stores them, so these tests depend only on the schema.
 */
export function addInterview(study: FreshStudy, pseudonym: string, heldAt = '2026-03-02T10:00'): { participantId: number; interviewId: number } {
  return study.core.session.require().db.write((writer) => {
    const now = new Date().toISOString();
    const participantId = Number(
      writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'interviewed', ?)").run(pseudonym, now).lastInsertRowid,
    );
    const interviewId = Number(
      writer
        .statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, ?, 'video', ?)")
        .run(participantId, heldAt, now).lastInsertRowid,
    );
    return { participantId, interviewId };
  });
}

export function addRecording(study: FreshStudy, participantId: number, interviewId: number | null, madeOn = '2026-03-02'): number {
  return study.core.session.require().db.write((writer) =>
    Number(
      writer
        .statement("INSERT INTO recording (participant_id, interview_id, made_at, kept_where, format, created_at) VALUES (?, ?, ?, 'Diktafon', 'MP3', ?)")
        .run(participantId, interviewId, madeOn, new Date().toISOString()).lastInsertRowid,
    ),
  );
}

export function base64(text: string | Buffer): string {
  return (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
}
