import type { AttributeCondition, ComparedPassage, PassageLine, PassageSource } from '../../../shared/comparison/contract.js';
import type { Speaker } from '../../../shared/transcripts/lines.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { StudyReader } from '../db/connection.js';
import { codesOfSource, membersOfCodes, participantsMeeting, pseudonymRanks, type Member } from './scope.js';

/**
 * A coding's place as one number per end, for comparing places: the line's position, then the
 * offset in it (offsets are at most 20,000, so a position's step of 100,000 keeps them apart).
 */
export const placeOf = (position: number, offset: number): number => position * 100_000 + offset;

interface PassageRow {
  coding_id: number;
  code_id: number;
  transcript_id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
  from_line: number;
  to_line: number;
  anonymised: 0 | 1;
  held_at: string;
  participant_id: number;
  pseudonym: string;
  line_id: string | null;
  position: number | null;
  speaker: Speaker | null;
  text: string | null;
}

/**
 * The codings of the given codes with their places and, for an anonymised transcript only, the
 * text of the lines they cover (a raw transcript's text is never read here). One query; the lines
 * are its innermost loop, so a coding's rows come together and in line order (no ORDER BY, which
 * would sort every line of every passage); the caller sorts the passages.
 */
const passagesSql = `
  SELECT c.id AS coding_id, c.code_id, c.transcript_id, c.start_line_id, c.start_offset, c.end_line_id, c.end_offset,
    s.position AS from_line, e.position AS to_line, t.state = 'anonymised' AS anonymised, i.held_at,
    p.id AS participant_id, p.pseudonym,
    l.id AS line_id, l.position, l.speaker, l.text
  FROM coding c
  JOIN transcript_line s ON s.id = c.start_line_id AND s.transcript_id = c.transcript_id
  JOIN transcript_line e ON e.id = c.end_line_id AND e.transcript_id = c.transcript_id
  JOIN transcript t ON t.id = c.transcript_id
  JOIN interview i ON i.id = t.interview_id
  JOIN participant p ON p.id = i.participant_id
  LEFT JOIN transcript_line l ON t.state = 'anonymised' AND l.transcript_id = c.transcript_id
    AND l.position BETWEEN min(s.position, e.position) AND max(s.position, e.position)
  WHERE c.code_id IN (SELECT value FROM json_each(?))
    AND (? IS NULL OR p.id IN (SELECT value FROM json_each(?)))`;

/** The part of each line a passage covers: the first line from its offset, the last up to its offset (offsets clamped to the text). */
export function cutLines(lines: readonly PassageLine[], startLineId: string, startOffset: number, endLineId: string, endOffset: number): PassageLine[] {
  return lines.map((line) => {
    const length = line.text.length;
    const from = line.lineId === startLineId ? Math.min(startOffset, length) : 0;
    const to = line.lineId === endLineId ? Math.min(endOffset, length) : length;
    return { ...line, text: to > from ? line.text.slice(from, to) : '' };
  });
}

export interface PassageQuery {
  source: PassageSource;
  conditions: readonly AttributeCondition[];
  participantId: number | null;
  overlapping: number | null;
}

/**
 * Every passage of a source (see `comparison.passages`), ordered by participant, interview, line
 * and offset. A coding found through two codes of a category is listed once.
 */
export function listPassages(reader: StudyReader, query: PassageQuery): ComparedPassage[] {
  const members = membersOfCodes(reader, codesOfSource(reader, query.source));
  let participants = participantsMeeting(reader, query.conditions);
  if (query.participantId !== null) participants = new Set(participants === null || participants.has(query.participantId) ? [query.participantId] : []);
  let passages = passagesOf(reader, members, participants);
  if (query.overlapping !== null) {
    if (!reader.query('SELECT 1 FROM code WHERE id = ?').get(query.overlapping)) throw new GroundworkError('comparison.notFound');
    const others = placesOf(reader, membersOfCodes(reader, [query.overlapping]), participants);
    passages = passages.filter((passage) => {
      const start = placeOf(passage.fromLine, passage.startOffset);
      const end = placeOf(passage.toLine, passage.endOffset);
      return (others.get(passage.transcriptId) ?? []).some((other) => other.start < end && start < other.end);
    });
  }
  return passages;
}

export function passagesOf(reader: StudyReader, members: readonly Member[], participants: Set<number> | null): ComparedPassage[] {
  if (members.length === 0 || participants?.size === 0) return [];
  const names = new Map(
    reader
      .query<{ id: number; name: string; level: 'initial' | 'focused'; colour: string }>('SELECT id, name, level, colour FROM code WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(members.flatMap((member) => (member.via === null ? [member.codeId] : [member.codeId, member.via])))]))
      .map((row) => [row.id, row]),
  );
  // A code reached both directly and through a focused code is listed as itself.
  const via = new Map<number, number | null>();
  for (const member of members) if (!via.has(member.codeId) || member.via === null) via.set(member.codeId, member.via);

  const only = participants === null ? null : JSON.stringify([...participants]);
  const rows = reader.query<PassageRow>(passagesSql).all(JSON.stringify([...via.keys()]), only, only);
  const byCoding = new Map<number, ComparedPassage & { raw: PassageLine[] }>();
  for (const row of rows) {
    let current = byCoding.get(row.coding_id);
    if (!current) {
      const code = names.get(row.code_id)!;
      const focused = via.get(row.code_id) ?? null;
      const reversed = row.from_line > row.to_line;
      current = {
        codingId: row.coding_id,
        codeId: row.code_id,
        codeName: code.name,
        codeLevel: code.level,
        codeColour: code.colour,
        subsumedBy: focused === null ? null : { id: focused, name: names.get(focused)!.name },
        transcriptId: row.transcript_id,
        participantId: row.participant_id,
        pseudonym: row.pseudonym,
        heldAt: row.held_at,
        startLineId: reversed ? row.end_line_id : row.start_line_id,
        startOffset: reversed ? row.end_offset : row.start_offset,
        endLineId: reversed ? row.start_line_id : row.end_line_id,
        endOffset: reversed ? row.start_offset : row.end_offset,
        fromLine: Math.min(row.from_line, row.to_line),
        toLine: Math.max(row.from_line, row.to_line),
        anonymised: row.anonymised === 1,
        lines: [],
        raw: [],
      };
      byCoding.set(row.coding_id, current);
    }
    if (row.anonymised === 1 && row.line_id !== null) current.raw.push({ lineId: row.line_id, position: row.position!, speaker: row.speaker!, text: row.text! });
  }
  const passages: ComparedPassage[] = [];
  for (const { raw, ...passage } of byCoding.values()) {
    raw.sort((a, b) => a.position - b.position);
    passage.lines = cutLines(raw, passage.startLineId, passage.startOffset, passage.endLineId, passage.endOffset);
    passages.push(passage);
  }
  const rank = pseudonymRanks(passages);
  return passages.sort(
    (a, b) =>
      rank.get(a.participantId)! - rank.get(b.participantId)! ||
      a.heldAt.localeCompare(b.heldAt) ||
      a.transcriptId - b.transcriptId ||
      a.fromLine - b.fromLine ||
      a.startOffset - b.startOffset ||
      a.toLine - b.toLine ||
      a.endOffset - b.endOffset ||
      a.codingId - b.codingId,
  );
}

export interface Place {
  codingId: number;
  codeId: number;
  transcriptId: number;
  participantId: number;
  start: number;
  end: number;
}

/** Each transcript's participant. */
export function participantsOfTranscripts(reader: StudyReader): Map<number, number> {
  return new Map(
    reader
      .query<{ id: number; participant_id: number }>('SELECT t.id, i.participant_id FROM transcript t JOIN interview i ON i.id = t.interview_id')
      .all()
      .map((row) => [row.id, row.participant_id]),
  );
}

/**
 * The places of the given codes' codings, by transcript (without any text). Many codings' lines are
 * found from one read of their transcripts' line numbers, rather than two lookups by line id each.
 * A coding whose line is not in its transcript has no place and is left out (as it is of the lists).
 */
export function placesOf(reader: StudyReader, members: readonly Member[], participants: Set<number> | null): Map<number, Place[]> {
  const byTranscript = new Map<number, Place[]>();
  if (members.length === 0 || participants?.size === 0) return byTranscript;
  const participantOf = participantsOfTranscripts(reader);
  type CodingRow = { id: number; code_id: number; transcript_id: number; start_line_id: string; start_offset: number; end_line_id: string; end_offset: number };
  const codeIds = new Set(members.map((member) => member.codeId));
  const columns = 'id, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset';
  // Many codes' codings are read faster in one pass over the table than through the index.
  const codings = (
    codeIds.size > 200
      ? reader.query<CodingRow>(`SELECT ${columns} FROM coding`).all().filter((coding) => codeIds.has(coding.code_id))
      : reader.query<CodingRow>(`SELECT ${columns} FROM coding WHERE code_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...codeIds]))
  ).filter((coding) => participants === null || participants.has(participantOf.get(coding.transcript_id)!));
  let positionOf: (transcriptId: number, lineId: string) => number | undefined;
  if (codings.length > 2000) {
    const positions = new Map<string, { transcriptId: number; position: number }>();
    const transcripts = [...new Set(codings.map((coding) => coding.transcript_id))];
    const rows =
      transcripts.length > 20
        ? reader.query<{ id: string; transcript_id: number; position: number }>('SELECT id, transcript_id, position FROM transcript_line').all()
        : reader
            .query<{ id: string; transcript_id: number; position: number }>('SELECT id, transcript_id, position FROM transcript_line WHERE transcript_id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(transcripts));
    for (const row of rows) positions.set(row.id, { transcriptId: row.transcript_id, position: row.position });
    positionOf = (transcriptId, lineId) => {
      const found = positions.get(lineId);
      return found?.transcriptId === transcriptId ? found.position : undefined;
    };
  } else {
    const lookup = reader.query<{ position: number }>('SELECT position FROM transcript_line WHERE id = ? AND transcript_id = ?');
    positionOf = (transcriptId, lineId) => lookup.get(lineId, transcriptId)?.position;
  }
  for (const coding of codings) {
    const from = positionOf(coding.transcript_id, coding.start_line_id);
    const to = positionOf(coding.transcript_id, coding.end_line_id);
    if (from === undefined || to === undefined) continue;
    const a = placeOf(from, coding.start_offset);
    const b = placeOf(to, coding.end_offset);
    const list = byTranscript.get(coding.transcript_id) ?? [];
    list.push({ codingId: coding.id, codeId: coding.code_id, transcriptId: coding.transcript_id, participantId: participantOf.get(coding.transcript_id)!, start: Math.min(a, b), end: Math.max(a, b) });
    byTranscript.set(coding.transcript_id, list);
  }
  return byTranscript;
}

/** Up to `before` lines before a passage and `after` lines after it, of an anonymised transcript. */
export function readContext(
  reader: StudyReader,
  input: { transcriptId: number; startLineId: string; endLineId: string; before: number; after: number },
): { before: PassageLine[]; after: PassageLine[] } {
  const transcript = reader.query<{ state: string }>('SELECT state FROM transcript WHERE id = ?').get(input.transcriptId);
  if (!transcript) throw new GroundworkError('comparison.notFound');
  if (transcript.state !== 'anonymised') throw new GroundworkError('comparison.notAnonymised');
  const position = reader.query<{ position: number }>('SELECT position FROM transcript_line WHERE id = ? AND transcript_id = ?');
  const start = position.get(input.startLineId, input.transcriptId)?.position;
  const end = position.get(input.endLineId, input.transcriptId)?.position;
  if (start === undefined || end === undefined) throw new GroundworkError('comparison.notFound');
  const line = (row: { id: string; position: number; speaker: Speaker; text: string }): PassageLine => ({ lineId: row.id, position: row.position, speaker: row.speaker, text: row.text });
  const before = reader
    .query<{ id: string; position: number; speaker: Speaker; text: string }>(
      'SELECT id, position, speaker, text FROM transcript_line WHERE transcript_id = ? AND position < ? ORDER BY position DESC LIMIT ?',
    )
    .all(input.transcriptId, Math.min(start, end), input.before)
    .reverse()
    .map(line);
  const after = reader
    .query<{ id: string; position: number; speaker: Speaker; text: string }>(
      'SELECT id, position, speaker, text FROM transcript_line WHERE transcript_id = ? AND position > ? ORDER BY position LIMIT ?',
    )
    .all(input.transcriptId, Math.max(start, end), input.after)
    .map(line);
  return { before, after };
}
