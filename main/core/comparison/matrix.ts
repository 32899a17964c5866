import type { AttributeCondition, ComparisonCode, ComparisonParticipant, MatrixRow } from '../../../shared/comparison/contract.js';
import type { CodeLevel } from '../../../shared/coding/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { StudyReader } from '../db/connection.js';
import { participantsOfTranscripts, placesOf, type Place } from './passages.js';
import { categorySubtree, listCodes, listComparedParticipants, participantsMeeting } from './scope.js';

/**
 * Codes × participants: how many passages of each code each participant has. A focused code
 * counts its own passages and those of the initial codes it subsumes, as its passage list shows
 * them. Every coding counts (its anchor is on a line of its transcript: saves map anchors through
 * every edit), so a cell's count is the length of its passage list.
 */
export function codeMatrix(
  reader: StudyReader,
  input: { level: CodeLevel | 'all'; categoryId: number | null; conditions: readonly AttributeCondition[] },
): { participants: ComparisonParticipant[]; rows: MatrixRow[] } {
  const meeting = participantsMeeting(reader, input.conditions);
  const participants = listComparedParticipants(reader).filter((participant) => meeting === null || meeting.has(participant.id));
  const column = new Map(participants.map((participant, index) => [participant.id, index]));
  const categories = input.categoryId === null ? null : new Set(categorySubtree(reader, input.categoryId));
  const codes = listCodes(reader).filter((code) => (input.level === 'all' || code.level === input.level) && (categories === null || (code.categoryId !== null && categories.has(code.categoryId))));
  const rows = new Map<number, MatrixRow>(
    codes.map((code) => [code.id, { codeId: code.id, name: code.name, level: code.level, colour: code.colour, counts: participants.map(() => 0), total: 0 }]),
  );
  if (rows.size > 0 && participants.length > 0) {
    // Which rows each code's codings count in: its own, and a focused code's for those it subsumes.
    const countsIn = new Map<number, number[]>();
    const add = (member: number, row: number) => countsIn.set(member, [...(countsIn.get(member) ?? []), row]);
    for (const code of codes) {
      add(code.id, code.id);
      if (code.level === 'focused') for (const initial of code.subsumes) add(initial, code.id);
    }
    // Counted per code and transcript from the index alone, then summed per participant.
    const participantOf = participantsOfTranscripts(reader);
    const counted = reader
      .query<{ code_id: number; transcript_id: number; n: number }>(
        'SELECT code_id, transcript_id, count(*) AS n FROM coding WHERE code_id IN (SELECT value FROM json_each(?)) GROUP BY code_id, transcript_id',
      )
      .all(JSON.stringify([...countsIn.keys()]));
    for (const row of counted) {
      const at = column.get(participantOf.get(row.transcript_id) ?? 0);
      if (at === undefined) continue;
      for (const codeId of countsIn.get(row.code_id) ?? []) {
        const matrixRow = rows.get(codeId)!;
        matrixRow.counts[at] = (matrixRow.counts[at] ?? 0) + row.n;
        matrixRow.total += row.n;
      }
    }
  }
  return { participants, rows: [...rows.values()] };
}

/**
 * For the codes given (or every focused code): how many passages of code a overlap at least one
 * passage of code b (same transcript; the ranges share at least one character, compared by line
 * position then offset). A passage found under both codes (a focused code and one it subsumes,
 * say) overlaps itself. The diagonal is null.
 */
export function coOccurrence(
  reader: StudyReader,
  input: { codeIds: readonly number[]; conditions: readonly AttributeCondition[] },
): { codes: ComparisonCode[]; counts: (number | null)[][] } {
  const all = listCodes(reader);
  const byId = new Map(all.map((code) => [code.id, code]));
  let codes: ComparisonCode[];
  if (input.codeIds.length > 0) {
    codes = [...new Set(input.codeIds)].map((id) => {
      const code = byId.get(id);
      if (!code) throw new GroundworkError('comparison.notFound');
      return code;
    });
  } else {
    codes = all.filter((code) => code.level === 'focused');
  }
  const participants = participantsMeeting(reader, input.conditions);
  // Which of the chosen codes (by index) each code's codings belong to.
  const owners = new Map<number, number[]>();
  codes.forEach((code, index) => {
    for (const member of [code.id, ...(code.level === 'focused' ? code.subsumes : [])]) {
      const list = owners.get(member) ?? [];
      if (!list.includes(index)) list.push(index);
      owners.set(member, list);
    }
  });
  const counts: (number | null)[][] = codes.map((_, a) => codes.map((__, b) => (a === b ? null : 0)));
  const places = placesOf(
    reader,
    [...owners.keys()].map((codeId) => ({ codeId, via: null })),
    participants,
  );
  for (const list of places.values()) countOverlaps(list, owners, counts);
  return { codes, counts };
}

/** Sweeps one transcript's codings in place order, adding to `counts[a][b]` once per coding of a that meets b. */
function countOverlaps(places: Place[], owners: Map<number, number[]>, counts: (number | null)[][]): void {
  places.sort((x, y) => x.start - y.start || x.end - y.end);
  const meets = places.map((place) => new Set<number>(owners.get(place.codeId) ?? []));
  let active: number[] = [];
  places.forEach((place, index) => {
    active = active.filter((other) => places[other]!.end > place.start);
    for (const other of active) {
      if (place.start >= place.end || places[other]!.start >= places[other]!.end) continue;
      for (const owner of owners.get(places[other]!.codeId) ?? []) meets[index]!.add(owner);
      for (const owner of owners.get(place.codeId) ?? []) meets[other]!.add(owner);
    }
    active.push(index);
  });
  places.forEach((place, index) => {
    for (const a of owners.get(place.codeId) ?? []) {
      for (const b of meets[index]!) {
        if (a !== b) counts[a]![b]! += 1;
      }
    }
  });
}
