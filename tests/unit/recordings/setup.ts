import type { FreshStudy } from '../../helpers/study.js';

/**
 * Test setup straight into the study file: participants and consents as the participant and
 * consent features would store them, so these tests depend only on the schema.
 */
export function addParticipant(study: FreshStudy, pseudonym: string, status = 'consented'): number {
  return study.core.session.require().db.write((writer) =>
    Number(
      writer
        .statement('INSERT INTO participant (pseudonym, status, created_at) VALUES (?, ?, ?)')
        .run(pseudonym, status, new Date().toISOString()).lastInsertRowid,
    ),
  );
}

export function addConsent(study: FreshStudy, participantId: number, options: { recording: boolean; signedOn?: string }): number {
  return study.core.session.require().db.write((writer) => {
    const document = (kind: string) => {
      const existing = writer.query<{ id: number }>("SELECT id FROM consent_document WHERE kind = ? AND language = 'nb' AND version = 1").get(kind);
      if (existing) return existing.id;
      return Number(
        writer
          .statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES (?, 'nb', 1, '{}', ?)")
          .run(kind, new Date().toISOString()).lastInsertRowid,
      );
    };
    return Number(
      writer
        .statement(
          `INSERT INTO consent (participant_id, letter_id, form_id, signed_on, method, allows_recording, allows_quotes, created_at)
           VALUES (?, ?, ?, ?, 'paper', ?, 1, ?)`,
        )
        .run(participantId, document('letter'), document('form'), options.signedOn ?? '2026-03-01', options.recording ? 1 : 0, new Date().toISOString())
        .lastInsertRowid,
    );
  });
}
