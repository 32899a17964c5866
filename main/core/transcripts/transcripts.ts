import { randomBytes } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { LineChanges, TranscriptInterview, Transcript, TranscriptSource, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { countWords, lineIdFrom, type LineDraft, type TranscriptLine } from '../../../shared/transcripts/lines.js';
import type { DetectorLine } from '../../../shared/anonymisation/detector.js';
import { unreviewedProposals } from '../anonymisation/edits.js';
import { mapAnchorsThroughEdit } from '../coding/anchors.js';
import { clearUndoHistory } from '../coding/undo.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { listInterviews } from '../interviews/interviews.js';
import { requireActiveParticipant } from '../participants/participants.js';
import { markTranscribed } from '../recordings/register.js';

/**
 * Transcripts: a sequence of lines per interview. The lines are rows (`transcript_line`) with a
 * stable id and a position; the editor saves what changed since its last save, from the revision
 * that save made, and a save from an older revision is refused, so two writers never silently
 * overwrite each other.
 */

export function newLineId(): string {
  return lineIdFrom(randomBytes(12));
}

interface SummaryRow {
  id: number;
  interview_id: number;
  participant_id: number;
  pseudonym: string;
  held_at: string;
  title: string;
  state: 'raw' | 'anonymised';
  anonymised_at: string | null;
  completed_at: string | null;
  interviewer_label: string;
  participant_label: string;
  source: TranscriptSource;
  revision: number;
  updated_at: string;
}

const selectSummaries = `
  SELECT t.id, t.interview_id, i.participant_id, p.pseudonym, i.held_at, t.title, t.state, t.anonymised_at, t.completed_at,
    t.interviewer_label, t.participant_label, t.source, t.revision, t.updated_at
  FROM transcript t
  JOIN interview i ON i.id = t.interview_id
  JOIN participant p ON p.id = i.participant_id`;

interface LineRow {
  id: string;
  speaker: TranscriptLine['speaker'];
  timestamp_ms: number | null;
  text: string;
}

function toSummary(row: SummaryRow, counts: { lines: number; words: number }): TranscriptSummary {
  return {
    id: row.id,
    interviewId: row.interview_id,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    heldAt: row.held_at,
    title: row.title,
    state: row.state,
    anonymisedAt: row.anonymised_at,
    completedOn: row.completed_at,
    interviewerLabel: row.interviewer_label,
    participantLabel: row.participant_label,
    source: row.source,
    revision: row.revision,
    updatedAt: row.updated_at,
    ...counts,
  };
}

/** Lines and words of every transcript, counted as the editor counts them. */
function countsByTranscript(reader: StudyReader, transcriptId?: number): Map<number, { lines: number; words: number }> {
  const counts = new Map<number, { lines: number; words: number }>();
  const rows =
    transcriptId === undefined
      ? reader.query<{ transcript_id: number; text: string }>('SELECT transcript_id, text FROM transcript_line').iterate()
      : reader.query<{ transcript_id: number; text: string }>('SELECT transcript_id, text FROM transcript_line WHERE transcript_id = ?').iterate(transcriptId);
  for (const row of rows) {
    const entry = counts.get(row.transcript_id) ?? { lines: 0, words: 0 };
    entry.lines += 1;
    entry.words += countWords(row.text);
    counts.set(row.transcript_id, entry);
  }
  return counts;
}

/** Every transcript, by interview date, then participant. */
export function listTranscripts(reader: StudyReader): TranscriptSummary[] {
  const counts = countsByTranscript(reader);
  return reader
    .query<SummaryRow>(`${selectSummaries} ORDER BY i.held_at, p.pseudonym, t.id`)
    .all()
    .map((row) => toSummary(row, counts.get(row.id) ?? { lines: 0, words: 0 }));
}

export function readTranscriptSummary(reader: StudyReader, id: number): TranscriptSummary {
  const row = reader.query<SummaryRow>(`${selectSummaries} WHERE t.id = ?`).get(id);
  if (!row) throw new GroundworkError('transcript.missing');
  return toSummary(row, countsByTranscript(reader, id).get(id) ?? { lines: 0, words: 0 });
}

export function readLines(reader: StudyReader, transcriptId: number): TranscriptLine[] {
  return reader
    .query<LineRow>('SELECT id, speaker, timestamp_ms, text FROM transcript_line WHERE transcript_id = ? ORDER BY position')
    .all(transcriptId)
    .map((row) => ({ id: row.id, speaker: row.speaker, timestampMs: row.timestamp_ms, text: row.text }));
}

export function readTranscript(reader: StudyReader, id: number): Transcript {
  return { ...readTranscriptSummary(reader, id), content: readLines(reader, id) };
}

/** The interviews a transcript can be made for (newest first), each with how many it has. */
export function listTranscriptInterviews(reader: StudyReader): TranscriptInterview[] {
  const counts = new Map(
    reader
      .query<{ interview_id: number; count: number }>('SELECT interview_id, count(*) AS count FROM transcript GROUP BY interview_id')
      .all()
      .map((row) => [row.interview_id, row.count]),
  );
  return listInterviews(reader).map((interview) => ({
    id: interview.id,
    pseudonym: interview.pseudonym,
    heldAt: interview.heldAt,
    transcripts: counts.get(interview.id) ?? 0,
  }));
}

function requireInterview(reader: StudyReader, interviewId: number): void {
  const interview = reader.query<{ participant_id: number }>('SELECT participant_id FROM interview WHERE id = ?').get(interviewId);
  if (!interview) throw new GroundworkError('transcript.interviewMissing');
  requireActiveParticipant(reader, interview.participant_id);
}

/**
 * Stores a new transcript with its lines, each given its id here. With no lines (a transcript to
 * be typed) it starts with one empty line, since the editor always has at least one.
 */
export function createTranscript(writer: StudyWriter, interviewId: number, source: TranscriptSource, drafts: readonly LineDraft[], now = new Date()): number {
  requireInterview(writer, interviewId);
  const at = now.toISOString();
  const id = Number(
    writer
      .statement('INSERT INTO transcript (interview_id, source, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(interviewId, source, at, at).lastInsertRowid,
  );
  const insert = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, ?, ?)');
  const lines = drafts.length > 0 ? drafts : [{ speaker: 'interviewer' as const, timestampMs: null, text: '' }];
  lines.forEach((line, index) => insert.run(newLineId(), id, index + 1, line.speaker, line.timestampMs, line.text));
  recordAudit(writer, source === 'typed' || source === 'pasted' ? 'transcript.created' : 'transcript.imported', {
    transcriptId: id,
    interviewId,
    format: source,
    lines: lines.length,
  });
  return id;
}

function requireTranscript(reader: StudyReader, id: number): { revision: number; interview_id: number; state: 'raw' | 'anonymised' } {
  const row = reader.query<{ revision: number; interview_id: number; state: 'raw' | 'anonymised' }>('SELECT revision, interview_id, state FROM transcript WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('transcript.missing');
  return row;
}

/** What a save did: the new revision, and whether it sent an anonymised transcript back to its review. */
export interface SavedLines {
  revision: number;
  state: 'raw' | 'anonymised';
  /** Set when this save made an anonymised transcript raw again: how many things the detector proposed. */
  reviewAgain: { proposals: number } | null;
}

/**
 * Writes what the editor changed since its last save, in the caller's transaction: the lines sent
 * (new or changed) are inserted or updated, and when an order comes, lines not in it are deleted
 * and the others moved to their place in it. Refused, changing nothing, when `baseRevision` is not
 * the stored revision (someone saved in between: transcript.staleRevision), or when the change
 * does not fit this transcript (transcript.linesInvalid): an id repeated, an order naming a line
 * that is neither stored here nor sent, a line sent but not in the order, a new line without an
 * order, or an id another transcript uses. Only the lines sent and the lines that move are written.
 *
 * An anonymised transcript stays anonymised only while edits add nothing identifying: the detector
 * runs over the lines written (new, or with changed text), and if it proposes anything the review
 * has not already seen (`unreviewedProposals`), the transcript goes back to raw in the same
 * transaction, which the audit trail records, so its review must be run again before coding and
 * export.
 *
 * Every coding, quote and passage memo anchored on a line the save changed, removed or moved is
 * mapped through the edit in the same transaction (`coding/anchors.ts`).
 */
export function saveLines(writer: StudyWriter, id: number, baseRevision: number, changes: LineChanges, now = new Date()): SavedLines {
  const transcript = requireTranscript(writer, id);
  if (transcript.revision !== baseRevision) throw new GroundworkError('transcript.staleRevision');
  const { order, lines } = changes;
  const sent = new Map(lines.map((line) => [line.id, line]));
  if (sent.size !== lines.length) throw new GroundworkError('transcript.linesInvalid');

  const positions = new Map<string, number>();
  for (const row of writer.query<{ id: string; position: number }>('SELECT id, position FROM transcript_line WHERE transcript_id = ?').iterate(id)) {
    positions.set(row.id, row.position);
  }
  // Everything is checked before anything is written, so a refused save changes nothing.
  const owner = writer.query<{ transcript_id: number }>('SELECT transcript_id FROM transcript_line WHERE id = ?');
  for (const line of lines) {
    // A new line needs its place in an order; an id another transcript uses is never ours to write.
    if (!positions.has(line.id) && (order === null || owner.get(line.id))) throw new GroundworkError('transcript.linesInvalid');
  }
  // Each line's place in the order, from 1.
  const placed = order === null ? null : new Map(order.map((lineId, index) => [lineId, index + 1]));
  if (order !== null && placed !== null) {
    if (placed.size !== order.length) throw new GroundworkError('transcript.linesInvalid');
    if (order.some((lineId) => !positions.has(lineId) && !sent.has(lineId))) throw new GroundworkError('transcript.linesInvalid');
    if (lines.some((line) => !placed.has(line.id))) throw new GroundworkError('transcript.linesInvalid');
  }

  // The text the edit replaced (changed and removed lines) and the text it wrote (new and changed lines).
  const before: DetectorLine[] = [];
  const written: DetectorLine[] = [];
  const storedLine = writer.query<LineRow>('SELECT id, speaker, timestamp_ms, text FROM transcript_line WHERE id = ?');
  if (placed !== null) {
    const remove = writer.statement('DELETE FROM transcript_line WHERE id = ?');
    for (const storedId of positions.keys()) {
      if (placed.has(storedId)) continue;
      before.push({ id: storedId, text: storedLine.get(storedId)!.text });
      remove.run(storedId);
    }
  }
  const insert = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, ?, ?)');
  const update = writer.statement('UPDATE transcript_line SET speaker = ?, timestamp_ms = ?, text = ? WHERE id = ?');
  for (const line of lines) {
    const stored = positions.get(line.id);
    if (stored === undefined) {
      // Checked above: a new line has its place in the order.
      insert.run(line.id, id, placed?.get(line.id) ?? 0, line.speaker, line.timestampMs, line.text);
      written.push(line);
      continue;
    }
    const previous = storedLine.get(line.id)!;
    if (previous.speaker === line.speaker && previous.timestamp_ms === line.timestampMs && previous.text === line.text) continue;
    update.run(line.speaker, line.timestampMs, line.text, line.id);
    if (previous.text !== line.text) {
      before.push({ id: line.id, text: previous.text });
      written.push(line);
    }
  }
  if (placed !== null) {
    const move = writer.statement('UPDATE transcript_line SET position = ? WHERE id = ?');
    for (const [lineId, place] of placed) {
      const stored = positions.get(lineId);
      if (stored !== undefined && stored !== place) move.run(place, lineId);
    }
  }
  // Codings, quotes and passage memos on the lines changed, split, joined, removed or moved follow the text.
  if (before.length > 0 || written.length > 0 || placed !== null) {
    mapAnchorsThroughEdit(writer, id, {
      orderBefore: placed === null ? [] : [...positions].sort((a, b) => a[1] - b[1]).map(([lineId]) => lineId),
      orderAfter: order,
      textBefore: new Map(before.map((line) => [line.id, line.text])),
      textAfter: new Map(written.map((line) => [line.id, line.text])),
    });
  }

  let reviewAgain: SavedLines['reviewAgain'] = null;
  if (transcript.state === 'anonymised') {
    const proposals = unreviewedProposals(writer, id, before, written);
    if (proposals > 0) {
      writer.statement("UPDATE transcript SET state = 'raw', anonymised_at = NULL WHERE id = ?").run(id);
      recordAudit(writer, 'anonymisation.reopened', { transcriptId: id, changedLines: written.length, proposals }, now);
      reviewAgain = { proposals };
    }
  }
  const revision = baseRevision + 1;
  writer.statement('UPDATE transcript SET revision = ?, updated_at = ? WHERE id = ?').run(revision, now.toISOString(), id);
  return { revision, state: reviewAgain ? 'raw' : transcript.state, reviewAgain };
}

export function renameTranscript(writer: StudyWriter, id: number, title: string, interviewerLabel: string, participantLabel: string, now = new Date()): void {
  requireTranscript(writer, id);
  writer
    .statement('UPDATE transcript SET title = ?, interviewer_label = ?, participant_label = ?, updated_at = ? WHERE id = ?')
    .run(title.trim(), interviewerLabel.trim(), participantLabel.trim(), now.toISOString(), id);
}

/**
 * Marks the transcript complete on `completedOn` and every recording of its interview that is
 * kept and not yet transcribed as transcribed that day, which starts its deletion clock by the
 * study page's rule. Returns the recordings it marked.
 */
export function completeTranscript(writer: StudyWriter, id: number, completedOn: string): number[] {
  const transcript = requireTranscript(writer, id);
  const recordings = writer
    .query<{ id: number }>('SELECT id FROM recording WHERE interview_id = ? AND deleted_on IS NULL AND transcribed_on IS NULL ORDER BY id')
    .all(transcript.interview_id)
    .map((row) => row.id);
  for (const recording of recordings) markTranscribed(writer, recording, completedOn);
  writer.statement('UPDATE transcript SET completed_at = ? WHERE id = ?').run(completedOn, id);
  recordAudit(writer, 'transcript.completed', { transcriptId: id, recordings: recordings.length });
  return recordings;
}

export function deleteTranscript(writer: StudyWriter, id: number): void {
  requireTranscript(writer, id);
  const lines = writer.query<{ count: number }>('SELECT count(*) AS count FROM transcript_line WHERE transcript_id = ?').get(id)?.count ?? 0;
  writer.statement('DELETE FROM transcript WHERE id = ?').run(id);
  // The coding undo log may hold the transcript's codings, quotes and memos as SQL text (a quote's
  // wording, a memo's words): deleted means deleted, so the history goes with it, for the study.
  clearUndoHistory(writer);
  recordAudit(writer, 'transcript.deleted', { transcriptId: id, lines });
}

const spellcheckKey = 'transcripts.spellcheck';

export function readSpellcheck(reader: StudyReader): boolean {
  const row = reader.query<{ value: string }>('SELECT value FROM setting WHERE key = ?').get(spellcheckKey);
  return row ? JSON.parse(row.value) === true : true;
}

export function writeSpellcheck(writer: StudyWriter, spellcheck: boolean): void {
  writer
    .statement('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(spellcheckKey, JSON.stringify(spellcheck));
}
