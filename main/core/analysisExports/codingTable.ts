import type { CodingTableRow, CodingTableSelection, ExportLanguage } from '../../../shared/analysisExports/contract.js';
import { analysisExportTexts } from '../../../shared/analysisExports/texts.js';
import type { StudyReader } from '../db/connection.js';
import { collator, readAnalysis, withSubcategories, type Analysis } from './analysis.js';

/**
 * The thesis's coding table: one row per coded passage, excerpt → initial codes → focused codes →
 * category.
 *
 * - A row is the passage of an initial code's coding; codings of several initial codes on exactly
 *   the same passage make one row. A focused code applied directly to a passage that no initial
 *   coding overlaps gets a row of its own (no initial codes), so no focused code loses its evidence.
 * - A row's focused codes: those that subsume any of its initial codes, and those applied directly
 *   to a passage that overlaps it. Its categories: those of its focused codes, as paths.
 * - An initial code placed directly under a category (the codebook allows it) gives its rows that
 *   category too.
 * - The selection limits the focused codes (and so the categories) to those chosen: all; those
 *   placed under chosen categories or their subcategories (and initial codes placed there); or
 *   chosen focused codes. With a choice, a row appears only if it has one of the chosen codes, and
 *   shows only those focused codes and their categories. With all, a passage whose codes are not
 *   raised yet is in the table too, last, with empty focused codes.
 * - Order: by category (the researcher's tree order), then focused code (its place in the category),
 *   then participant, interview and line.
 * - Only an anonymised transcript's text is exported: a passage of a raw transcript is counted in
 *   `rawLeftOut`, and its text is never read.
 */

export interface CodingTable {
  /** In order; with a `limit`, only the first rows (`total` says how many there are). */
  rows: CodingTableRow[];
  total: number;
  /** Interviews the rows come from. */
  interviews: number;
  rawLeftOut: { passages: number; transcripts: number };
}

interface CodingRead {
  code_id: number;
  transcript_id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
  start_position: number | null;
  end_position: number | null;
}

interface TranscriptRead {
  id: number;
  interview_id: number;
  state: 'raw' | 'anonymised';
  pseudonym: string;
  /** The transcript's place among its participant's transcripts (by interview date), from 1. */
  ordinal: number;
  of: number;
}

interface Passage {
  transcriptId: number;
  startLineId: string;
  startOffset: number;
  endLineId: string;
  endOffset: number;
  startPosition: number;
  endPosition: number;
  /** Comparable places: position and offset in one number (offsets are below 2^20). */
  from: number;
  to: number;
  initial: Set<number>;
  focused: Set<number>;
  /** Its place in the table's order (set once the passages are complete). */
  rank: number;
}

const place = (position: number, offset: number) => position * 1_048_576 + offset;

/** The table; with `limit`, only its first rows are made (their text read), for a preview. */
export function buildCodingTable(reader: StudyReader, selection: CodingTableSelection, language: ExportLanguage, limit = Number.POSITIVE_INFINITY): CodingTable {
  const analysis = readAnalysis(reader);
  const texts = analysisExportTexts[language].codingTable;
  const scope = focusedScope(analysis, selection);
  const placedInitial = placedInitialScope(analysis, selection);

  const transcripts = new Map(
    reader
      .query<TranscriptRead>(
        `SELECT t.id, t.interview_id, t.state, p.pseudonym,
                row_number() OVER (PARTITION BY p.id ORDER BY i.held_at, t.id) AS ordinal,
                count(*) OVER (PARTITION BY p.id) AS "of"
           FROM transcript t JOIN interview i ON i.id = t.interview_id JOIN participant p ON p.id = i.participant_id`,
      )
      .all()
      .map((transcript) => [transcript.id, transcript]),
  );

  // Every coding with its lines' positions (text is read later, and only for anonymised transcripts).
  const codings = reader
    .query<CodingRead>(
      `SELECT c.code_id, c.transcript_id, c.start_line_id, c.start_offset, c.end_line_id, c.end_offset,
              s.position AS start_position, e.position AS end_position
         FROM coding c
         LEFT JOIN transcript_line s ON s.id = c.start_line_id AND s.transcript_id = c.transcript_id
         LEFT JOIN transcript_line e ON e.id = c.end_line_id AND e.transcript_id = c.transcript_id`,
    )
    .all();

  const passagesByTranscript = new Map<number, Map<string, Passage>>();
  const directFocused = new Map<number, { codeId: number; from: number; to: number; passage: Omit<Passage, 'initial' | 'focused' | 'rank'> }[]>();
  for (const coding of codings) {
    const code = analysis.codeById.get(coding.code_id);
    // A passage that cannot be placed on the lines as they are is left out (see clampAnchor in
    // coding/anchors.ts: the undo log can restore a coding onto lines edited since).
    if (!code || coding.start_position === null || coding.end_position === null || !transcripts.has(coding.transcript_id)) continue;
    if (coding.start_position > coding.end_position || (coding.start_position === coding.end_position && coding.start_offset > coding.end_offset)) continue;
    const base = {
      transcriptId: coding.transcript_id,
      startLineId: coding.start_line_id,
      startOffset: coding.start_offset,
      endLineId: coding.end_line_id,
      endOffset: coding.end_offset,
      startPosition: coding.start_position,
      endPosition: coding.end_position,
      from: place(coding.start_position, coding.start_offset),
      to: place(coding.end_position, coding.end_offset),
    };
    if (code.level === 'initial') {
      const key = `${coding.start_line_id}:${coding.start_offset}:${coding.end_line_id}:${coding.end_offset}`;
      const passages = passagesByTranscript.get(coding.transcript_id) ?? new Map<string, Passage>();
      passagesByTranscript.set(coding.transcript_id, passages);
      let passage = passages.get(key);
      if (!passage) {
        passage = Object.assign(base, { initial: new Set<number>(), focused: new Set<number>(), rank: 0 });
        passages.set(key, passage);
      }
      passage.initial.add(code.id);
      for (const focusedId of analysis.subsumedBy.get(code.id) ?? []) if (scope.has(focusedId)) passage.focused.add(focusedId);
    } else if (scope.has(code.id)) {
      const list = directFocused.get(coding.transcript_id) ?? [];
      list.push({ codeId: code.id, from: base.from, to: base.to, passage: base });
      directFocused.set(coding.transcript_id, list);
    }
  }

  // A focused code applied directly joins every initial-coded passage it overlaps; one that overlaps none is a row of its own.
  for (const [transcriptId, focusedCodings] of directFocused) {
    const passages = passagesByTranscript.get(transcriptId) ?? new Map<string, Passage>();
    passagesByTranscript.set(transcriptId, passages);
    const initialPassages = [...passages.values()].sort((a, b) => a.from - b.from);
    for (const focused of focusedCodings) {
      let overlapped = false;
      for (const passage of initialPassages) {
        if (passage.from > focused.to) break;
        if (overlaps(passage, focused)) {
          passage.focused.add(focused.codeId);
          overlapped = true;
        }
      }
      if (!overlapped) {
        const key = `focused:${focused.passage.startLineId}:${focused.passage.startOffset}:${focused.passage.endLineId}:${focused.passage.endOffset}`;
        const own = passages.get(key) ?? { ...focused.passage, initial: new Set<number>(), focused: new Set<number>(), rank: 0 };
        own.focused.add(focused.codeId);
        passages.set(key, own);
      }
    }
  }

  // Order of the placed codes and so of rows.
  const rank = new Map(analysis.placedInOrder.map((code, index) => [code.id, index]));
  const placedOf = (passage: Passage) => (placedInitial.size === 0 ? [] : [...passage.initial].filter((id) => placedInitial.has(id)));
  const rankOf = (passage: Passage) => {
    let best = Number.MAX_SAFE_INTEGER;
    for (const id of passage.focused) best = Math.min(best, rank.get(id)!);
    for (const id of placedOf(passage)) best = Math.min(best, rank.get(id)!);
    return best;
  };

  const kept: Passage[] = [];
  const rawTranscripts = new Set<number>();
  let rawPassages = 0;
  for (const [transcriptId, passages] of passagesByTranscript) {
    const transcript = transcripts.get(transcriptId)!;
    for (const passage of passages.values()) {
      if (selection.kind !== 'all' && passage.focused.size === 0 && placedOf(passage).length === 0) continue;
      if (transcript.state !== 'anonymised') {
        rawPassages += 1;
        rawTranscripts.add(transcriptId);
        continue;
      }
      passage.rank = rankOf(passage);
      kept.push(passage);
    }
  }
  // Participants by pseudonym, then their interviews in time: ranked once, so the sort compares numbers.
  const transcriptRank = new Map(
    [...transcripts.values()]
      .sort((a, b) => collator.compare(a.pseudonym, b.pseudonym) || a.ordinal - b.ordinal || a.id - b.id)
      .map((transcript, index) => [transcript.id, index]),
  );
  kept.sort((a, b) => a.rank - b.rank || transcriptRank.get(a.transcriptId)! - transcriptRank.get(b.transcriptId)! || a.from - b.from || a.to - b.to);

  // The text, read per transcript, only for the anonymised ones the rows need.
  const lineStatement = reader.query<{ position: number; text: string }>('SELECT position, text FROM transcript_line WHERE transcript_id = ? ORDER BY position');
  const linesOf = new Map<number, Map<number, string>>();
  const lines = (transcriptId: number) => {
    let found = linesOf.get(transcriptId);
    if (!found) {
      const all = lineStatement.all(transcriptId);
      found = new Map(all.map((line) => [line.position, line.text]));
      linesOf.set(transcriptId, found);
    }
    return found;
  };

  const interviews = new Set(kept.map((passage) => transcripts.get(passage.transcriptId)!.interview_id));
  const rows = kept.slice(0, limit).map((passage): CodingTableRow => {
    const transcript = transcripts.get(passage.transcriptId)!;
    const { excerpt, lastPosition } = excerptOf(lines(passage.transcriptId), passage);
    const lineText = lastPosition > passage.startPosition ? `${passage.startPosition}–${lastPosition}` : String(passage.startPosition);
    const who = transcript.of > 1 ? `${transcript.pseudonym}, ${texts.interview(transcript.ordinal)}` : transcript.pseudonym;
    const focused = [...passage.focused].sort((a, b) => rank.get(a)! - rank.get(b)!).map((id) => analysis.codeById.get(id)!);
    const placed = [...focused, ...placedOf(passage).map((id) => analysis.codeById.get(id)!)];
    const categories = [...new Set(placed.flatMap((code) => (code.categoryId === null ? [] : [code.categoryId])))]
      .sort((a, b) => analysis.categoryById.get(a)!.order - analysis.categoryById.get(b)!.order)
      .map((id) => analysis.categoryById.get(id)!.path);
    return {
      excerpt,
      source: `${who}, ${lineText}`,
      initialCodes: [...passage.initial].map((id) => analysis.codeById.get(id)!.name).sort(collator.compare),
      focusedCodes: focused.map((code) => code.name),
      categories,
    };
  });
  return { rows, total: kept.length, interviews: interviews.size, rawLeftOut: { passages: rawPassages, transcripts: rawTranscripts.size } };
}

/** The focused codes a selection takes in. */
function focusedScope(analysis: Analysis, selection: CodingTableSelection): Set<number> {
  const focused = analysis.focusedInOrder;
  switch (selection.kind) {
    case 'all':
      return new Set(focused.map((code) => code.id));
    case 'categories': {
      const categories = withSubcategories(analysis, selection.ids);
      return new Set(focused.filter((code) => code.categoryId !== null && categories.has(code.categoryId)).map((code) => code.id));
    }
    case 'focusedCodes': {
      const chosen = new Set(selection.ids);
      return new Set(focused.filter((code) => chosen.has(code.id)).map((code) => code.id));
    }
  }
}

/** The initial codes placed directly under a category that a selection takes in. */
function placedInitialScope(analysis: Analysis, selection: CodingTableSelection): Set<number> {
  const placed = analysis.placedInOrder.filter((code) => code.level === 'initial');
  switch (selection.kind) {
    case 'all':
      return new Set(placed.map((code) => code.id));
    case 'categories': {
      const categories = withSubcategories(analysis, selection.ids);
      return new Set(placed.filter((code) => categories.has(code.categoryId!)).map((code) => code.id));
    }
    case 'focusedCodes':
      return new Set();
  }
}

/** Whether two passages share text (an empty passage shares its place). */
function overlaps(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  if (a.from === a.to || b.from === b.to) return a.from <= b.to && b.from <= a.to;
  return a.from < b.to && b.from < a.to;
}

/**
 * The passage's text exactly as the transcript has it, its lines joined by a line break. A passage
 * ending at the very start of a line ends with the line before (it is cited so).
 */
function excerptOf(
  byPosition: Map<number, string>,
  passage: Passage,
): { excerpt: string; lastPosition: number } {
  const start = passage.startPosition;
  let end = passage.endPosition;
  let endOffset = passage.endOffset;
  if (end > start && endOffset === 0) {
    end -= 1;
    endOffset = (byPosition.get(end) ?? '').length;
  }
  if (end === start) return { excerpt: (byPosition.get(start) ?? '').slice(passage.startOffset, endOffset), lastPosition: end };
  const parts: string[] = [(byPosition.get(start) ?? '').slice(passage.startOffset)];
  for (let position = start + 1; position < end; position += 1) {
    const text = byPosition.get(position);
    if (text !== undefined) parts.push(text);
  }
  parts.push((byPosition.get(end) ?? '').slice(0, endOffset));
  return { excerpt: parts.join('\n'), lastPosition: end };
}
