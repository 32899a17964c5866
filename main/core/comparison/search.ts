import { searchCodeAllLimit, searchListLimit, type LineHit, type MemoHit } from '../../../shared/comparison/contract.js';
import type { Passage } from '../../../shared/coding/contract.js';
import type { Speaker } from '../../../shared/transcripts/lines.js';
import type { StudyReader } from '../db/connection.js';
import { pseudonymRanks } from './scope.js';

/**
 * Full-text search with SQLite FTS5 over the anonymised transcripts' lines and the memos.
 *
 * What the researcher types is never read as FTS5 syntax: each word and each "quoted phrase"
 * becomes an FTS5 string (double quotes doubled), joined by AND; a word ending in * is a prefix.
 * Terms with no letter or digit are dropped (the tokenizer would find nothing in them), so any
 * input gives an expression FTS5 accepts, or none at all (then nothing is found).
 */
export function matchExpression(query: string): string | null {
  const terms = searchTerms(query);
  return terms.length === 0 ? null : terms.map((term) => (term.prefix ? `${quote(term.text)} *` : quote(term.text))).join(' AND ');
}

/** What the researcher typed, as terms: each word, and each "quoted phrase"; a word ending in * is a prefix. */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|([^\s"]+)/gu)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (/[\p{L}\p{N}]/u.test(phrase)) terms.push({ text: phrase, prefix: false });
    } else if (word !== undefined) {
      const text = word.replace(/\*+$/u, '');
      if (/[\p{L}\p{N}]/u.test(text)) terms.push({ text, prefix: /[\p{L}\p{N}]\*+$/u.test(word) });
    }
  }
  return terms;
}

function quote(text: string): string {
  // Control characters are no part of any word; FTS5 strings may hold anything else.
  return `"${text.replace(/\p{Cc}/gu, ' ').replaceAll('"', '""')}"`;
}

/**
 * Words as the FTS5 tokenizer of the schema (`unicode61 remove_diacritics 2`) sees them: runs of
 * letters and digits, lower case, accents removed (å is a, ø stays ø), with their place in the text.
 */
export function tokens(text: string): { token: string; start: number; end: number }[] {
  const found: { token: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu)) {
    found.push({ token: fold(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Where the terms occur in a line FTS5 found, as `[start, end)` ranges in order (a phrase is one
 * range from its first word to its last). Computed here for the lines shown, rather than with
 * `highlight()`, which with a rowid filter runs the whole search again for every line.
 */
export function termRanges(text: string, terms: readonly SearchTerm[]): [number, number][] {
  const words = tokens(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const wanted = tokens(term.text).map((word) => word.token);
    if (wanted.length === 0) continue;
    for (let at = 0; at + wanted.length <= words.length; at += 1) {
      const matches = wanted.every((token, index) => {
        const word = words[at + index]!.token;
        return term.prefix && index === wanted.length - 1 ? word.startsWith(token) : word === token;
      });
      if (matches) ranges.push([words[at]!.start, words[at + wanted.length - 1]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Marks that `highlight()` and `snippet()` put around matches: private-use characters no transcript holds. */
const open = '\uE000';
const close = '\uE001';

/**
 * The text without the marks and the marked ranges. When the text itself holds a mark character
 * (so the marks cannot be told apart), `expected` is given back with no ranges.
 */
export function rangesOf(marked: string, expected?: string): { text: string; ranges: [number, number][] } {
  let text = '';
  const ranges: [number, number][] = [];
  let from: number | null = null;
  for (const character of marked) {
    if (character === open) from = text.length;
    else if (character === close) {
      if (from !== null && text.length > from) ranges.push([from, text.length]);
      from = null;
    } else text += character;
  }
  if (expected !== undefined && text !== expected) return { text: expected, ranges: [] };
  return { text, ranges };
}

interface HitRow {
  rowid: number;
  transcript_id: number;
  participant_id: number;
  pseudonym: string;
  held_at: string;
  line_id: string;
  position: number;
  speaker: Speaker;
  text: string;
}

/** Every anonymised line matching, in participant, interview and line order (without text). */
function matchingLines(reader: StudyReader, expression: string): HitRow[] {
  const rows = reader
    .query<HitRow>(
      `SELECT l.rowid, l.transcript_id, p.id AS participant_id, p.pseudonym, i.held_at, l.id AS line_id, l.position, l.speaker, l.text
       FROM transcript_line_fts
       JOIN transcript_line l ON l.rowid = transcript_line_fts.rowid
       JOIN transcript t ON t.id = l.transcript_id
       JOIN interview i ON i.id = t.interview_id
       JOIN participant p ON p.id = i.participant_id
       WHERE transcript_line_fts MATCH ? AND t.state = 'anonymised'`,
    )
    .all(expression);
  const rank = pseudonymRanks(rows.map((row) => ({ participantId: row.participant_id, pseudonym: row.pseudonym })));
  return rows.sort(
    (a, b) =>
      rank.get(a.participant_id)! - rank.get(b.participant_id)! ||
      a.held_at.localeCompare(b.held_at) ||
      a.transcript_id - b.transcript_id ||
      a.position - b.position,
  );
}

export function searchLines(reader: StudyReader, query: string, limit = searchListLimit): { lines: LineHit[]; total: number } {
  const terms = searchTerms(query);
  const expression = matchExpression(query);
  if (expression === null) return { lines: [], total: 0 };
  const all = matchingLines(reader, expression);
  return {
    total: all.length,
    lines: all.slice(0, limit).map((row) => ({
      transcriptId: row.transcript_id,
      participantId: row.participant_id,
      pseudonym: row.pseudonym,
      heldAt: row.held_at,
      lineId: row.line_id,
      position: row.position,
      speaker: row.speaker,
      text: row.text,
      ranges: termRanges(row.text, terms),
    })),
  };
}

/** Every matching line (up to the limit of one `coding.apply`) as a whole-line passage; empty lines are left out. */
export function searchPassages(reader: StudyReader, query: string): { passages: Passage[]; total: number } {
  const expression = matchExpression(query);
  if (expression === null) return { passages: [], total: 0 };
  const all = matchingLines(reader, expression).filter((row) => row.text.length > 0);
  return {
    total: all.length,
    passages: all.slice(0, searchCodeAllLimit).map((row) => ({
      transcriptId: row.transcript_id,
      startLineId: row.line_id,
      startOffset: 0,
      endLineId: row.line_id,
      endOffset: row.text.length,
    })),
  };
}

interface MemoRow {
  id: number;
  title: string;
  marked: string;
  created_at: string;
  code_id: number | null;
  code_name: string | null;
  category_id: number | null;
  category_name: string | null;
  transcript_id: number | null;
  start_line_id: string | null;
  end_line_id: string | null;
  pseudonym: string | null;
  position: number | null;
}

/** Memos matching, newest first (at most 200), each with an excerpt around its matches. */
export function searchMemos(reader: StudyReader, query: string): MemoHit[] {
  const expression = matchExpression(query);
  if (expression === null) return [];
  return reader
    .query<MemoRow>(
      `SELECT m.id, m.title, snippet(memo_fts, -1, char(57344), char(57345), '…', 40) AS marked, m.created_at,
         m.code_id, k.name AS code_name, m.category_id, g.name AS category_name,
         m.transcript_id, m.start_line_id, m.end_line_id, p.pseudonym, l.position
       FROM memo_fts
       JOIN memo m ON m.id = memo_fts.rowid
       LEFT JOIN code k ON k.id = m.code_id
       LEFT JOIN category g ON g.id = m.category_id
       LEFT JOIN transcript t ON t.id = m.transcript_id
       LEFT JOIN interview i ON i.id = t.interview_id
       LEFT JOIN participant p ON p.id = i.participant_id
       LEFT JOIN transcript_line l ON l.id = m.start_line_id
       WHERE memo_fts MATCH ?
       ORDER BY m.created_at DESC, m.id DESC
       LIMIT 200`,
    )
    .all(expression)
    .map((row) => {
      const { text, ranges } = rangesOf(row.marked);
      return { id: row.id, title: row.title, excerpt: text, ranges, createdAt: row.created_at, about: aboutOf(row) };
    });
}

function aboutOf(row: MemoRow): MemoHit['about'] {
  if (row.code_id !== null && row.code_name !== null) return { kind: 'code', id: row.code_id, name: row.code_name };
  if (row.category_id !== null && row.category_name !== null) return { kind: 'category', id: row.category_id, name: row.category_name };
  if (row.transcript_id !== null && row.start_line_id !== null && row.end_line_id !== null && row.pseudonym !== null)
    return { kind: 'passage', transcriptId: row.transcript_id, lineId: row.start_line_id, endLineId: row.end_line_id, pseudonym: row.pseudonym, fromLine: row.position ?? 0 };
  return { kind: 'free' };
}
