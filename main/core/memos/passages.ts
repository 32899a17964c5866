import { GroundworkError, type ErrorCode } from '../../../shared/contract/errors.js';
import type { Passage } from '../../../shared/coding/contract.js';
import type { PassageLine, PassageView } from '../../../shared/memos/passage.js';
import type { Speaker } from '../../../shared/transcripts/lines.js';
import type { StudyReader } from '../db/connection.js';

/**
 * Passages as memos and quotes show them: the lines between the anchors, read now, so what is
 * shown is always the transcript's current text. And the check a new memo or quote on a passage
 * passes: the transcript exists and is anonymised, both lines are its own and in order, and the
 * offsets lie within the lines' text.
 */

interface TranscriptRow {
  id: number;
  participant_id: number;
  pseudonym: string;
  held_at: string;
  state: 'raw' | 'anonymised';
  interviewer_label: string;
  participant_label: string;
}

interface LineRow {
  id: string;
  position: number;
  speaker: Speaker;
  text: string;
}

function transcriptRow(reader: StudyReader, transcriptId: number): TranscriptRow | undefined {
  return reader
    .query<TranscriptRow>(
      `SELECT t.id, i.participant_id, p.pseudonym, i.held_at, t.state, t.interviewer_label, t.participant_label
       FROM transcript t JOIN interview i ON i.id = t.interview_id JOIN participant p ON p.id = i.participant_id
       WHERE t.id = ?`,
    )
    .get(transcriptId);
}

function anchorLine(reader: StudyReader, transcriptId: number, lineId: string): LineRow | undefined {
  return reader.query<LineRow>('SELECT id, position, speaker, text FROM transcript_line WHERE transcript_id = ? AND id = ?').get(transcriptId, lineId);
}

/** The passage's lines, the first and last cut at the offsets. */
function linesBetween(reader: StudyReader, transcriptId: number, start: LineRow, startOffset: number, end: LineRow, endOffset: number): PassageLine[] {
  const rows = reader
    .query<LineRow>('SELECT id, position, speaker, text FROM transcript_line WHERE transcript_id = ? AND position BETWEEN ? AND ? ORDER BY position')
    .all(transcriptId, start.position, end.position);
  return rows.map((row) => {
    const from = row.id === start.id ? Math.min(startOffset, row.text.length) : 0;
    const to = row.id === end.id ? Math.min(endOffset, row.text.length) : row.text.length;
    return { lineId: row.id, number: row.position, speaker: row.speaker, text: row.text.slice(from, Math.max(from, to)) };
  });
}

export interface StoredPassage {
  transcript_id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
}

/** A stored anchor as the contract's passage. */
export function passageOf(row: StoredPassage): Passage {
  return {
    transcriptId: row.transcript_id,
    startLineId: row.start_line_id,
    startOffset: row.start_offset,
    endLineId: row.end_line_id,
    endOffset: row.end_offset,
  };
}

/** The passage as it reads now. Its transcript must exist (memos and quotes go with their transcript). */
export function readPassageView(reader: StudyReader, passage: Passage): PassageView {
  const transcript = transcriptRow(reader, passage.transcriptId);
  if (!transcript) throw new GroundworkError('transcript.missing');
  const start = anchorLine(reader, passage.transcriptId, passage.startLineId);
  const end = anchorLine(reader, passage.transcriptId, passage.endLineId);
  const found = start !== undefined && end !== undefined && start.position <= end.position;
  return {
    transcriptId: transcript.id,
    participantId: transcript.participant_id,
    pseudonym: transcript.pseudonym,
    heldAt: transcript.held_at,
    state: transcript.state,
    interviewerLabel: transcript.interviewer_label,
    participantLabel: transcript.participant_label,
    found,
    startLineId: passage.startLineId,
    endLineId: passage.endLineId,
    startNumber: found ? start.position : 0,
    endNumber: found ? end.position : 0,
    lines: found ? linesBetween(reader, passage.transcriptId, start, passage.startOffset, end, passage.endOffset) : [],
  };
}

/**
 * Checks a new anchor: the transcript exists (`transcript.missing`) and is anonymised (`raw`),
 * both lines belong to it, the end is not before the start and the offsets lie within the lines'
 * text (`invalid`).
 */
export function checkPassage(reader: StudyReader, passage: Passage, codes: { raw: ErrorCode; invalid: ErrorCode }): void {
  const transcript = transcriptRow(reader, passage.transcriptId);
  if (!transcript) throw new GroundworkError('transcript.missing');
  if (transcript.state !== 'anonymised') throw new GroundworkError(codes.raw);
  const start = anchorLine(reader, passage.transcriptId, passage.startLineId);
  const end = anchorLine(reader, passage.transcriptId, passage.endLineId);
  if (!start || !end) throw new GroundworkError(codes.invalid);
  if (passage.startOffset > start.text.length || passage.endOffset > end.text.length) throw new GroundworkError(codes.invalid);
  if (start.position > end.position || (start.id === end.id && passage.startOffset > passage.endOffset)) throw new GroundworkError(codes.invalid);
}
