import type { FreshStudy } from '../../helpers/study.js';

let participants = 0;

/**
 * A participant with an interview and a transcript of the given lines, written straight into the
 * study file (the way the transcripts feature stores them), so the review can be tested on its own.
 */
export function seedTranscript(study: FreshStudy, lines: string[], pseudonym = `Deltaker ${++participants}`): { transcriptId: number; lineIds: string[] } {
  const db = study.core.session.require().db.connection;
  const now = '2026-03-01T10:00:00.000Z';
  const participantId = Number(
    db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'consented', ?)").run(pseudonym, now).lastInsertRowid,
  );
  const interviewId = Number(
    db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, '2026-03-01T10:00', 'home', ?)").run(participantId, now)
      .lastInsertRowid,
  );
  const transcriptId = Number(
    db.prepare("INSERT INTO transcript (interview_id, title, created_at, updated_at) VALUES (?, 'Intervju', ?, ?)").run(interviewId, now, now).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO transcript_line (id, transcript_id, position, speaker, text) VALUES (?, ?, ?, ?, ?)');
  const lineIds = lines.map((text, index) => {
    const id = `t${transcriptId}line${String(index + 1).padStart(4, '0')}`;
    insert.run(id, transcriptId, index + 1, index % 2 === 0 ? 'interviewer' : 'participant', text);
    return id;
  });
  return { transcriptId, lineIds };
}

export function lineTexts(study: FreshStudy, transcriptId: number): string[] {
  return study.core.session
    .require()
    .db.connection.prepare('SELECT text FROM transcript_line WHERE transcript_id = ? ORDER BY position')
    .pluck()
    .all(transcriptId) as string[];
}
