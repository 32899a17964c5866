import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../../shared/app/contract.js';
import { programmeContentSchema } from '../../../shared/calendar/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { guideContentSchema, guideQuestions } from '../../../shared/guide/contract.js';
import type { AccessExport, AccessPassage } from '../../../shared/withdrawal/accessExport.js';
import type { AccessExportFormat } from '../../../shared/withdrawal/contract.js';
import { clampAnchor, lineIndex, passageText, type Anchor } from '../coding/anchors.js';
import type { StudyReader } from '../db/connection.js';
import { renderAccessExportDocx } from './docx.js';
import { renderAccessExportPdf } from './pdf.js';

/** Everything stored about one participant, read from every table that refers to them. */
export function readAccessExport(reader: StudyReader, participantId: number, now = new Date()): AccessExport {
  const participant = reader
    .query<{
      pseudonym: string;
      status: string;
      asked_on: string | null;
      consented_on: string | null;
      interviewed_on: string | null;
      completed_on: string | null;
      withdrawn_on: string | null;
      created_at: string;
    }>('SELECT * FROM participant WHERE id = ?')
    .get(participantId);
  if (!participant) throw new GroundworkError('withdrawal.participantMissing');
  const study = reader.query<{ title: string }>('SELECT title FROM study WHERE id = 1').get();
  const identity = reader
    .query<{ name: string; phone: string; email: string; address: string }>(
      'SELECT name, phone, email, address FROM participant_identity WHERE participant_id = ?',
    )
    .get(participantId);
  const attributes = reader
    .query<{ name: string; kind: string; value: string }>(
      `SELECT a.name, a.kind, v.value FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id
       WHERE v.participant_id = ? ORDER BY a.position, a.id`,
    )
    .all(participantId);
  const consents = reader
    .query<{
      letter_version: number;
      form_version: number;
      language: string;
      signed_on: string;
      signed_place: string;
      method: string;
      allows_recording: number;
      allows_quotes: number;
      confirmed_by_researcher_on: string | null;
      file_name: string | null;
      media_type: string | null;
      added_at: string | null;
      content: Buffer | null;
    }>(
      `SELECT l.version AS letter_version, f.version AS form_version, l.language, c.signed_on, c.signed_place,
         c.method, c.allows_recording, c.allows_quotes, c.confirmed_by_researcher_on,
         s.file_name, s.media_type, s.added_at, s.content
       FROM consent c
       JOIN consent_document l ON l.id = c.letter_id
       JOIN consent_document f ON f.id = c.form_id
       LEFT JOIN consent_scan s ON s.consent_id = c.id
       WHERE c.participant_id = ? ORDER BY c.signed_on, c.id`,
    )
    .all(participantId);
  const recordings = reader
    .query<{
      made_at: string;
      kept_where: string;
      format: string;
      length_seconds: number | null;
      transcribed_on: string | null;
      deletion_due_on: string | null;
      deleted_on: string | null;
      deleted_how: string;
      deletion_confirmed_by: string;
      notes: string;
      file_name: string | null;
      media_type: string | null;
      bytes: number | null;
    }>(
      `SELECT r.*, a.file_name, a.media_type, length(a.content) AS bytes
       FROM recording r LEFT JOIN recording_audio a ON a.recording_id = r.id
       WHERE r.participant_id = ? ORDER BY r.made_at, r.id`,
    )
    .all(participantId);
  const interviews = readInterviews(reader, participantId);
  // Every entry of the study's key that this person's transcripts use: the originals are their words.
  const keyEntries = reader
    .query<{ original: string; replacement: string; kind: string }>(
      `SELECT k.original, k.replacement, k.kind FROM anonymisation_key k
       WHERE k.id IN (SELECT u.key_id FROM anonymisation_key_use u JOIN transcript t ON t.id = u.transcript_id
                      JOIN interview i ON i.id = t.interview_id WHERE i.participant_id = ?)
       ORDER BY k.id`,
    )
    .all(participantId);
  const requests = reader
    .query<{
      kind: string;
      received_on: string;
      due_on: string;
      extended_to: string | null;
      extension_reason: string;
      status: string;
      answered_on: string | null;
      notes: string;
    }>('SELECT * FROM rights_request WHERE participant_id = ? ORDER BY received_on, id')
    .all(participantId);
  const withdrawal = reader
    .query<{ withdrawn_on: string; communicated_how: string; scope: string; completed_at: string }>(
      'SELECT * FROM withdrawal WHERE participant_id = ?',
    )
    .get(participantId);

  return {
    format: 'groundwork.accessExport',
    version: 4,
    exportedAt: now.toISOString(),
    study: { title: study?.title ?? '' },
    participant: {
      pseudonym: participant.pseudonym,
      status: participant.status,
      askedOn: participant.asked_on,
      consentedOn: participant.consented_on,
      interviewedOn: participant.interviewed_on,
      completedOn: participant.completed_on,
      withdrawnOn: participant.withdrawn_on,
      registeredAt: participant.created_at,
    },
    identifyingDetails: identity ?? null,
    attributes,
    consents: consents.map((row) => ({
      letterVersion: row.letter_version,
      formVersion: row.form_version,
      language: row.language,
      signedOn: row.signed_on,
      signedPlace: row.signed_place,
      method: row.method,
      allowsRecording: row.allows_recording === 1,
      allowsQuotes: row.allows_quotes === 1,
      confirmedByResearcherOn: row.confirmed_by_researcher_on,
      scan:
        row.content && row.file_name && row.media_type && row.added_at
          ? {
              fileName: row.file_name,
              mediaType: row.media_type,
              addedAt: row.added_at,
              bytes: row.content.length,
              contentBase64: row.content.toString('base64'),
            }
          : null,
    })),
    recordings: recordings.map((row) => ({
      madeAt: row.made_at,
      keptWhere: row.kept_where,
      format: row.format,
      lengthSeconds: row.length_seconds,
      transcribedOn: row.transcribed_on,
      deletionDueOn: row.deletion_due_on,
      deletedOn: row.deleted_on,
      deletedHow: row.deleted_how,
      deletionConfirmedBy: row.deletion_confirmed_by,
      notes: row.notes,
      audioInStudy:
        row.file_name && row.media_type ? { fileName: row.file_name, mediaType: row.media_type, bytes: row.bytes ?? 0 } : null,
    })),
    interviews,
    anonymisationKey: keyEntries,
    groups: readGroupMemberships(reader, participantId),
    requests: requests.map((row) => ({
      kind: row.kind,
      receivedOn: row.received_on,
      dueOn: row.due_on,
      extendedTo: row.extended_to,
      extensionReason: row.extension_reason,
      status: row.status,
      answeredOn: row.answered_on,
      notes: row.notes,
    })),
    withdrawal: withdrawal
      ? {
          withdrawnOn: withdrawal.withdrawn_on,
          communicatedHow: withdrawal.communicated_how,
          scope: withdrawal.scope,
          completedAt: withdrawal.completed_at,
        }
      : null,
  };
}

/** The participant's interviews, each with its checklist and its transcripts, lines and review. */
function readInterviews(reader: StudyReader, participantId: number): AccessExport['interviews'] {
  const interviews = reader
    .query<{
      id: number;
      held_at: string;
      length_minutes: number | null;
      setting: string;
      setting_other: string;
      notes: string;
      guide_version: number | null;
      guide_content: string | null;
    }>(
      `SELECT i.id, i.held_at, i.length_minutes, i.setting, i.setting_other, i.notes, g.version AS guide_version, g.content AS guide_content
       FROM interview i LEFT JOIN guide_version g ON g.id = i.guide_version_id
       WHERE i.participant_id = ? ORDER BY i.held_at, i.id`,
    )
    .all(participantId);
  const covered = reader.query<{ question_key: string; covered_at: string }>(
    'SELECT question_key, covered_at FROM interview_question WHERE interview_id = ? ORDER BY covered_at, question_key',
  );
  const transcripts = reader.query<{
    id: number;
    title: string;
    state: string;
    anonymised_at: string | null;
    completed_at: string | null;
    interviewer_label: string;
    participant_label: string;
    source: string;
    created_at: string;
    updated_at: string;
  }>('SELECT * FROM transcript WHERE interview_id = ? ORDER BY created_at, id');
  const lines = reader.query<{ id: string; position: number; speaker: string; timestamp_ms: number | null; text: string }>(
    'SELECT id, position, speaker, timestamp_ms, text FROM transcript_line WHERE transcript_id = ? ORDER BY position',
  );
  const hits = reader.query<{ line_id: string; original: string; kind: string; decision: string; replacement: string }>(
    'SELECT line_id, original, kind, decision, replacement FROM anonymisation_hit WHERE transcript_id = ? ORDER BY id',
  );
  const anchor = 'start_line_id AS startLineId, start_offset AS startOffset, end_line_id AS endLineId, end_offset AS endOffset';
  const codings = reader.query<Anchor & { code: string }>(
    `SELECT code.name AS code, ${anchor} FROM coding JOIN code ON code.id = coding.code_id WHERE coding.transcript_id = ? ORDER BY coding.id`,
  );
  const quotes = reader.query<Anchor & { wording: string; note: string; created_at: string; updated_at: string }>(
    `SELECT ${anchor}, wording, note, created_at, updated_at FROM quote WHERE transcript_id = ? ORDER BY created_at, id`,
  );
  const memos = reader.query<Anchor & { title: string; body_text: string; created_at: string; updated_at: string }>(
    `SELECT ${anchor}, title, body_text, created_at, updated_at FROM memo WHERE transcript_id = ? ORDER BY created_at, id`,
  );
  return interviews.map((interview) => {
    const questionText = questionTexts(interview.guide_content);
    return {
      heldAt: interview.held_at,
      lengthMinutes: interview.length_minutes,
      setting: interview.setting,
      settingOther: interview.setting_other,
      notes: interview.notes,
      guideVersion: interview.guide_version,
      coveredQuestions: covered
        .all(interview.id)
        .map((row) => ({ key: row.question_key, question: questionText.get(row.question_key)?.text ?? null, coveredAt: row.covered_at }))
        // In the guide's order; a key the guide no longer has comes last.
        .sort((a, b) => (questionText.get(a.key)?.order ?? Infinity) - (questionText.get(b.key)?.order ?? Infinity)),
      transcripts: transcripts.all(interview.id).map((transcript) => {
        const transcriptLines = lines.all(transcript.id);
        const numberOf = new Map(transcriptLines.map((line) => [line.id, line.position]));
        const index = lineIndex(transcriptLines);
        // Clamped to the lines as they are (an undone removal may bring back older anchors).
        const passage = (row: Anchor): AccessPassage => {
          const clamped = clampAnchor(transcriptLines, row, index);
          return {
            fromLine: clamped ? (numberOf.get(clamped.startLineId) ?? null) : null,
            toLine: clamped ? (numberOf.get(clamped.endLineId) ?? null) : null,
            text: passageText(transcriptLines, row, index),
          };
        };
        return {
          title: transcript.title,
          state: transcript.state,
          anonymisedAt: transcript.anonymised_at,
          completedAt: transcript.completed_at,
          source: transcript.source,
          interviewerLabel: transcript.interviewer_label,
          participantLabel: transcript.participant_label,
          createdAt: transcript.created_at,
          updatedAt: transcript.updated_at,
          lines: transcriptLines.map((line) => ({ number: line.position, speaker: line.speaker, timestampMs: line.timestamp_ms, text: line.text })),
          anonymisationReview: hits.all(transcript.id).map((hit) => ({
            line: numberOf.get(hit.line_id) ?? null,
            original: hit.original,
            kind: hit.kind,
            decision: hit.decision,
            replacement: hit.replacement,
          })),
          codings: codings.all(transcript.id).map((row) => ({ code: row.code, passage: passage(row) })),
          quotes: quotes.all(transcript.id).map((row) => ({
            passage: passage(row),
            wording: row.wording,
            note: row.note,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          })),
          memos: memos.all(transcript.id).map((row) => ({
            passage: passage(row),
            title: row.title,
            text: row.body_text,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          })),
        };
      }),
    };
  });
}

/** The guide version's questions by key, with their place in it; none when the content cannot be read as a guide. */
function questionTexts(content: string | null): Map<string, { text: string; order: number }> {
  if (content === null) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return new Map();
  }
  const guide = guideContentSchema.safeParse(parsed);
  return guide.success
    ? new Map(guideQuestions(guide.data).map(({ question, number }) => [question.key, { text: question.text, order: number }]))
    : new Map();
}

/**
 * The participant's group memberships in the group calendar: the label the leaders use, attendance
 * session by session, the leaders' notes about them, their talks and the evaluation answers linked
 * to them. Names of programmes, talks, forms and questions come from the group's own plan.
 */
function readGroupMemberships(reader: StudyReader, participantId: number): AccessExport['groups'] {
  const members = reader
    .query<{ id: number; group_id: number; label: string; completed_on: string | null; name: string; plan: string }>(
      `SELECT m.id, m.group_id, m.label, m.completed_on, g.name, g.plan
       FROM group_member m JOIN calendar_group g ON g.id = m.group_id WHERE m.participant_id = ? ORDER BY g.start_date, m.id`,
    )
    .all(participantId);
  return members.map((member) => {
    const plan = programmeContentSchema.parse(JSON.parse(member.plan));
    const sessions = reader
      .query<{ id: number; starts_at: string; status: string | null; reason: string | null }>(
        `SELECT s.id, s.starts_at, a.status, a.reason FROM group_session s
         LEFT JOIN group_attendance a ON a.session_id = s.id AND a.member_id = ?
         WHERE s.group_id = ? ORDER BY s.starts_at, s.id`,
      )
      .all(member.id, member.group_id);
    const numbers = new Map(sessions.map((session, index) => [session.id, index + 1]));
    const notes = reader
      .query<{ session_id: number; starts_at: string; note: string }>(
        `SELECT n.session_id, s.starts_at, n.note FROM group_log_mention n JOIN group_session s ON s.id = n.session_id
         WHERE n.member_id = ? ORDER BY s.starts_at, s.id`,
      )
      .all(member.id);
    const talks = reader
      .query<{ talk_key: string; starts_at: string; minutes: number; held: number }>(
        'SELECT talk_key, starts_at, minutes, held FROM group_talk WHERE member_id = ? ORDER BY starts_at, id',
      )
      .all(member.id);
    const evaluations = reader
      .query<{ form_key: string; submitted_on: string; answers: string }>(
        'SELECT form_key, submitted_on, answers FROM group_evaluation WHERE member_id = ? ORDER BY submitted_on, id',
      )
      .all(member.id);
    const named = (key: string) => ({ en: key, nb: key });
    return {
      group: member.name,
      programme: plan.name,
      label: member.label,
      completedOn: member.completed_on,
      attendance: sessions.map((session, index) => ({ session: index + 1, startsAt: session.starts_at, status: session.status, reason: session.reason ?? '' })),
      leadersNotes: notes.map((note) => ({ session: numbers.get(note.session_id) ?? 0, startsAt: note.starts_at, note: note.note })),
      talks: talks.map((talk) => ({
        name: plan.individualTalks.find((candidate) => candidate.key === talk.talk_key)?.name ?? named(talk.talk_key),
        startsAt: talk.starts_at,
        minutes: talk.minutes,
        held: talk.held === 1,
      })),
      evaluations: evaluations.map((evaluation) => {
        const form = plan.evaluationForms.find((candidate) => candidate.key === evaluation.form_key);
        const answers = JSON.parse(evaluation.answers) as Record<string, string | number | boolean | null>;
        return {
          form: form?.title ?? named(evaluation.form_key),
          submittedOn: evaluation.submitted_on,
          answers: Object.entries(answers).map(([key, answer]) => ({
            question: form?.questions.find((question) => question.key === key)?.text ?? named(key),
            answer,
          })),
        };
      }),
    };
  });
}

/** The export as the bytes of the chosen format, built in memory (never a temp file). */
export async function renderAccessExport(data: AccessExport, format: AccessExportFormat, language: Language): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
  if (format === 'docx') return renderAccessExportDocx(data, language);
  return renderAccessExportPdf(data, language);
}

/** Writes only to the path the researcher chose; the folder must exist. */
export function writeExportFile(target: string, bytes: Buffer): void {
  if (!fs.existsSync(path.dirname(target)) || !fs.statSync(path.dirname(target)).isDirectory()) {
    throw new GroundworkError('withdrawal.exportFolderMissing');
  }
  try {
    fs.writeFileSync(target, bytes, { mode: 0o600 });
  } catch {
    throw new GroundworkError('withdrawal.exportFailed');
  }
}

/** Counts for the audit trail: how much of each kind went out, never what. */
export function exportCounts(data: AccessExport): Record<string, number | boolean> {
  return {
    identifyingDetails: data.identifyingDetails !== null,
    attributes: data.attributes.length,
    consents: data.consents.length,
    scans: data.consents.filter((consent) => consent.scan).length,
    recordings: data.recordings.length,
    interviews: data.interviews.length,
    transcripts: data.interviews.reduce((sum, interview) => sum + interview.transcripts.length, 0),
    transcriptLines: data.interviews.reduce((sum, interview) => sum + interview.transcripts.reduce((lines, transcript) => lines + transcript.lines.length, 0), 0),
    anonymisationHits: data.interviews.reduce(
      (sum, interview) => sum + interview.transcripts.reduce((hits, transcript) => hits + transcript.anonymisationReview.length, 0),
      0,
    ),
    keyEntries: data.anonymisationKey.length,
    groups: data.groups.length,
    groupAttendance: data.groups.reduce((sum, group) => sum + group.attendance.filter((entry) => entry.status !== null).length, 0),
    groupNotes: data.groups.reduce((sum, group) => sum + group.leadersNotes.length, 0),
    groupEvaluations: data.groups.reduce((sum, group) => sum + group.evaluations.length, 0),
    requests: data.requests.length,
    withdrawal: data.withdrawal !== null,
  };
}
