import { GroundworkError } from '../../../shared/contract/errors.js';
import { guideQuestions } from '../../../shared/guide/contract.js';
import type {
  Interview,
  InterviewCandidate,
  InterviewRecording,
  InterviewSummary,
  RegisterInterview,
  UpdateInterview,
} from '../../../shared/interviews/contract.js';
import { recordAudit } from '../audit/audit.js';
import { currentConsent } from '../consent/validity.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { freezeGuideVersion, readGuideVersion } from '../guide/guide.js';
import { requireActiveParticipant, setParticipantStatus } from '../participants/participants.js';

/**
 * Interviews: who, when, how long, where, with which guide version, the interviewer's notes, the
 * recordings from the register, and the checklist of the guide's questions covered. Other features
 * (transcripts) read them through `listInterviews` and `readInterview`.
 */

interface InterviewRow {
  id: number;
  participant_id: number;
  pseudonym: string;
  held_at: string;
  length_minutes: number | null;
  setting: InterviewSummary['setting'];
  setting_other: string;
  guide_version_id: number | null;
  guide_version: number | null;
  notes: string;
  recordings: number;
}

const selectInterviews = `
  SELECT i.id, i.participant_id, p.pseudonym, i.held_at, i.length_minutes, i.setting, i.setting_other,
    i.guide_version_id, g.version AS guide_version, i.notes,
    (SELECT count(*) FROM recording r WHERE r.interview_id = i.id) AS recordings
  FROM interview i
  JOIN participant p ON p.id = i.participant_id
  LEFT JOIN guide_version g ON g.id = i.guide_version_id`;

/** The question keys of a guide version, read once per version however many interviews use it. */
function questionKeysReader(reader: StudyReader): (versionId: number | null) => string[] {
  const cache = new Map<number, string[]>();
  return (versionId) => {
    if (versionId === null) return [];
    let keys = cache.get(versionId);
    if (!keys) {
      keys = guideQuestions(readGuideVersion(reader, versionId).content).map(({ question }) => question.key);
      cache.set(versionId, keys);
    }
    return keys;
  };
}

function coveredKeysOf(reader: StudyReader, interviewId: number): string[] {
  return reader
    .query<{ question_key: string }>('SELECT question_key FROM interview_question WHERE interview_id = ? ORDER BY covered_at, question_key')
    .all(interviewId)
    .map((row) => row.question_key);
}

function toSummary(row: InterviewRow, questionKeys: string[], coveredKeys: string[]): InterviewSummary {
  const asked = new Set(questionKeys);
  return {
    id: row.id,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    heldAt: row.held_at,
    lengthMinutes: row.length_minutes,
    setting: row.setting,
    settingOther: row.setting_other,
    guideVersionId: row.guide_version_id,
    guideVersion: row.guide_version,
    recordings: row.recordings,
    covered: coveredKeys.filter((key) => asked.has(key)).length,
    questions: questionKeys.length,
  };
}

/** Every interview, the most recent first. */
export function listInterviews(reader: StudyReader): InterviewSummary[] {
  const keysOf = questionKeysReader(reader);
  const covered = new Map<number, string[]>();
  for (const row of reader.query<{ interview_id: number; question_key: string }>('SELECT interview_id, question_key FROM interview_question').all()) {
    covered.set(row.interview_id, [...(covered.get(row.interview_id) ?? []), row.question_key]);
  }
  return reader
    .query<InterviewRow>(`${selectInterviews} ORDER BY i.held_at DESC, i.id DESC`)
    .all()
    .map((row) => toSummary(row, keysOf(row.guide_version_id), covered.get(row.id) ?? []));
}

const selectRecordings = 'SELECT id, made_at, format, length_seconds, deleted_on, interview_id FROM recording';

function toRecording(row: {
  id: number;
  made_at: string;
  format: string;
  length_seconds: number | null;
  deleted_on: string | null;
  interview_id: number | null;
}): InterviewRecording {
  return {
    id: row.id,
    madeOn: row.made_at,
    format: row.format,
    lengthSeconds: row.length_seconds,
    deletedOn: row.deleted_on,
    interviewId: row.interview_id,
  };
}

export function readInterview(reader: StudyReader, id: number): Interview {
  const row = reader.query<InterviewRow>(`${selectInterviews} WHERE i.id = ?`).get(id);
  if (!row) throw new GroundworkError('interview.missing');
  const coveredKeys = coveredKeysOf(reader, id);
  return {
    ...toSummary(row, questionKeysReader(reader)(row.guide_version_id), coveredKeys),
    notes: row.notes,
    linkedRecordings: reader
      .query<Parameters<typeof toRecording>[0]>(`${selectRecordings} WHERE interview_id = ? ORDER BY made_at, id`)
      .all(id)
      .map(toRecording),
    coveredKeys,
  };
}

/** Participants, each with whether an interview may be registered with them, and their recordings. */
export function listInterviewCandidates(reader: StudyReader): InterviewCandidate[] {
  const recordings = new Map<number, InterviewRecording[]>();
  for (const row of reader.query<Parameters<typeof toRecording>[0] & { participant_id: number }>(
    `SELECT participant_id, id, made_at, format, length_seconds, deleted_on, interview_id FROM recording ORDER BY made_at, id`,
  ).all()) {
    recordings.set(row.participant_id, [...(recordings.get(row.participant_id) ?? []), toRecording(row)]);
  }
  return reader
    .query<{ id: number; pseudonym: string; status: string }>('SELECT id, pseudonym, status FROM participant ORDER BY id')
    .all()
    .map((participant) => {
      const consent = currentConsent(reader, participant.id);
      const state = participant.status === 'withdrawn' ? 'withdrawn' : consent ? 'valid' : 'consentMissing';
      return {
        id: participant.id,
        pseudonym: participant.pseudonym,
        state,
        consentSignedOn: consent?.signedOn ?? null,
        recordings: state === 'withdrawn' ? [] : (recordings.get(participant.id) ?? []),
      };
    });
}

type InterviewFields = Omit<RegisterInterview, 'participantId'>;

/** The checks every save makes, before anything is written. */
function checkFields(writer: StudyWriter, participantId: number, interviewId: number | null, fields: InterviewFields): void {
  requireActiveParticipant(writer, participantId);
  const consent = currentConsent(writer, participantId);
  if (!consent) throw new GroundworkError('consent.missing');
  if (fields.heldAt.slice(0, 10) < consent.signedOn) throw new GroundworkError('interview.beforeConsent');
  if (fields.guideVersionId !== null) readGuideVersion(writer, fields.guideVersionId);
  for (const recordingId of new Set(fields.recordingIds)) {
    const recording = writer
      .query<{ participant_id: number; interview_id: number | null }>('SELECT participant_id, interview_id FROM recording WHERE id = ?')
      .get(recordingId);
    if (!recording) throw new GroundworkError('recording.missing');
    if (recording.participant_id !== participantId) throw new GroundworkError('interview.recordingNotTheirs');
    if (recording.interview_id !== null && recording.interview_id !== interviewId) throw new GroundworkError('interview.recordingTaken');
  }
}

/** Links exactly `recordingIds` to the interview; the register keeps every recording either way. */
function linkRecordings(writer: StudyWriter, interviewId: number, recordingIds: number[]): void {
  const chosen = new Set(recordingIds);
  for (const { id } of writer.query<{ id: number }>('SELECT id FROM recording WHERE interview_id = ?').all(interviewId)) {
    if (!chosen.has(id)) writer.statement('UPDATE recording SET interview_id = NULL WHERE id = ?').run(id);
  }
  for (const id of chosen) writer.statement('UPDATE recording SET interview_id = ? WHERE id = ?').run(interviewId, id);
}

function settingOther(fields: InterviewFields): string {
  return fields.setting === 'other' ? fields.settingOther.trim() : '';
}

/**
 * Registers an interview. Refused without a valid consent, for a withdrawn participant, before the
 * consent was signed, and with another participant's recordings. The guide version used is frozen;
 * the first interview moves a consented participant to interviewed, dated the day it was held.
 */
export function registerInterview(writer: StudyWriter, input: RegisterInterview, now = new Date()): number {
  checkFields(writer, input.participantId, null, input);
  const { lastInsertRowid } = writer
    .statement(
      `INSERT INTO interview (participant_id, guide_version_id, held_at, length_minutes, setting, setting_other, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.participantId, input.guideVersionId, input.heldAt, input.lengthMinutes, input.setting, settingOther(input), input.notes, now.toISOString());
  const id = Number(lastInsertRowid);
  linkRecordings(writer, id, input.recordingIds);
  if (input.guideVersionId !== null) freezeGuideVersion(writer, input.guideVersionId, now);
  recordAudit(
    writer,
    'interview.registered',
    { interviewId: id, participantId: input.participantId, guideVersionId: input.guideVersionId, recordings: new Set(input.recordingIds).size },
    now,
  );
  const status = writer.query<{ status: string }>('SELECT status FROM participant WHERE id = ?').get(input.participantId);
  if (status?.status === 'consented') {
    setParticipantStatus(writer, input.participantId, 'interviewed', input.heldAt.slice(0, 10));
    recordAudit(writer, 'participant.statusChanged', { participant: input.participantId, status: 'interviewed' }, now);
  }
  return id;
}

/** Changes an interview's details; a new guide version is frozen, and ticks it does not ask are dropped. */
export function updateInterview(writer: StudyWriter, input: UpdateInterview, now = new Date()): void {
  const before = readInterview(writer, input.id);
  checkFields(writer, before.participantId, input.id, input);
  writer
    .statement(
      `UPDATE interview SET guide_version_id = ?, held_at = ?, length_minutes = ?, setting = ?, setting_other = ?, notes = ? WHERE id = ?`,
    )
    .run(input.guideVersionId, input.heldAt, input.lengthMinutes, input.setting, settingOther(input), input.notes, input.id);
  linkRecordings(writer, input.id, input.recordingIds);
  if (input.guideVersionId !== before.guideVersionId) {
    if (input.guideVersionId !== null) freezeGuideVersion(writer, input.guideVersionId, now);
    const asked = new Set(questionKeysReader(writer)(input.guideVersionId));
    for (const key of before.coveredKeys) {
      if (!asked.has(key)) writer.statement('DELETE FROM interview_question WHERE interview_id = ? AND question_key = ?').run(input.id, key);
    }
  }
  const after = readInterview(writer, input.id);
  const fields = ['heldAt', 'lengthMinutes', 'setting', 'settingOther', 'guideVersionId', 'notes'] as const;
  const changed: string[] = fields.filter((field) => before[field] !== after[field]);
  const linked = (recordings: Interview['linkedRecordings']) => recordings.map((recording) => recording.id).join(',');
  if (linked(before.linkedRecordings) !== linked(after.linkedRecordings)) changed.push('recordings');
  if (changed.length > 0) recordAudit(writer, 'interview.changed', { interviewId: input.id, fields: changed.join(',') }, now);
}

/**
 * Deletes an interview registered by mistake. Its checklist goes with it, its recordings stay in the
 * register, unlinked. Refused once a transcript belongs to it: that is months of work, and goes only
 * with the transcript itself or a withdrawal. The participant's status and the guide version's
 * freeze stay as they are (the researcher corrects a status on the participant).
 */
export function deleteInterview(writer: StudyWriter, id: number, now = new Date()): void {
  const interview = readInterview(writer, id);
  const transcripts = writer.query<{ n: number }>('SELECT count(*) AS n FROM transcript WHERE interview_id = ?').get(id)?.n ?? 0;
  if (transcripts > 0) throw new GroundworkError('interview.hasTranscript');
  writer.statement('DELETE FROM interview WHERE id = ?').run(id);
  recordAudit(writer, 'interview.deleted', { interviewId: id, participantId: interview.participantId, recordings: interview.recordings }, now);
}

/** Ticks (or unticks) one of the guide's questions as covered in the interview. */
export function setQuestionCovered(writer: StudyWriter, id: number, questionKey: string, covered: boolean, now = new Date()): void {
  const interview = readInterview(writer, id);
  if (interview.guideVersionId === null) throw new GroundworkError('interview.noGuide');
  if (!questionKeysReader(writer)(interview.guideVersionId).includes(questionKey)) throw new GroundworkError('interview.questionUnknown');
  if (covered) {
    writer.statement('INSERT OR IGNORE INTO interview_question (interview_id, question_key, covered_at) VALUES (?, ?, ?)').run(id, questionKey, now.toISOString());
  } else {
    writer.statement('DELETE FROM interview_question WHERE interview_id = ? AND question_key = ?').run(id, questionKey);
  }
}
