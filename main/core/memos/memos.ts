import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { undoLabel } from '../../../shared/coding/contract.js';
import type { RichNode } from '../../../shared/consent/contract.js';
import type { Memo, MemoFilter, MemoSummary, MemoTarget, MemoTargetInput, MemoTargets } from '../../../shared/memos/contract.js';
import { emptyMemoBody, plainTextOf } from '../../../shared/memos/richText.js';
import { withUndoStep } from '../coding/undo.js';
import { rangesOf } from '../comparison/search.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { checkPassage, passageOf, readPassageView } from './passages.js';
import { ftsQuery } from './search.js';

/**
 * Memos (table `memo`, searched through `memo_fts`): free, or about a code, a category or a passage.
 * Creating and deleting a memo are steps of the study-wide undo; saving its text is not (the editor
 * has its own undo), and a save is refused when the memo was saved elsewhere since the editor's
 * last save, so newer text is never overwritten.
 */

interface MemoRow {
  id: number;
  title: string;
  body_text: string;
  code_id: number | null;
  code_name: string | null;
  code_level: 'initial' | 'focused' | null;
  category_id: number | null;
  category_name: string | null;
  transcript_id: number | null;
  start_line_id: string | null;
  start_offset: number | null;
  end_line_id: string | null;
  end_offset: number | null;
  created_at: string;
  updated_at: string;
}

const selectMemos = `
  SELECT m.id, m.title, m.body_text, m.code_id, c.name AS code_name, c.level AS code_level, m.category_id, g.name AS category_name,
    m.transcript_id, m.start_line_id, m.start_offset, m.end_line_id, m.end_offset, m.created_at, m.updated_at
  FROM memo m
  LEFT JOIN code c ON c.id = m.code_id
  LEFT JOIN category g ON g.id = m.category_id`;

/** How much of a memo's text a list shows. */
export const excerptLength = 240;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= excerptLength ? flat : `${flat.slice(0, excerptLength - 1).trimEnd()}…`;
}

function targetOf(reader: StudyReader, row: MemoRow): MemoTarget {
  if (row.code_id !== null) return { kind: 'code', codeId: row.code_id, name: row.code_name ?? '', level: row.code_level ?? 'initial' };
  if (row.category_id !== null) return { kind: 'category', categoryId: row.category_id, name: row.category_name ?? '' };
  if (row.transcript_id !== null) {
    return {
      kind: 'passage',
      passage: readPassageView(
        reader,
        passageOf({
          transcript_id: row.transcript_id,
          start_line_id: row.start_line_id ?? '',
          start_offset: row.start_offset ?? 0,
          end_line_id: row.end_line_id ?? '',
          end_offset: row.end_offset ?? 0,
        }),
      ),
    };
  }
  return { kind: 'free' };
}

type Marked = { text: string; ranges: [number, number][] };

/** `found`: where a search found it, its title and its text around the words found, with those words as ranges. */
function toSummary(reader: StudyReader, row: MemoRow, found?: { title: Marked; text: Marked }): MemoSummary {
  const inText = found !== undefined && found.text.ranges.length > 0;
  return {
    id: row.id,
    title: row.title,
    target: targetOf(reader, row),
    excerpt: inText ? found.text.text : excerptOf(row.body_text),
    found: found ? { title: found.title.text === row.title ? found.title.ranges : [], excerpt: inText ? found.text.ranges : [] } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The memos the filter picks, in time order (created; the id breaks ties). */
export function listMemos(reader: StudyReader, filter: MemoFilter): MemoSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  switch (filter.kind) {
    case 'free':
      where.push('m.code_id IS NULL AND m.category_id IS NULL AND m.transcript_id IS NULL');
      break;
    case 'code':
      where.push(filter.codeId === undefined ? 'm.code_id IS NOT NULL' : 'm.code_id = ?');
      if (filter.codeId !== undefined) params.push(filter.codeId);
      break;
    case 'category':
      where.push(filter.categoryId === undefined ? 'm.category_id IS NOT NULL' : 'm.category_id = ?');
      if (filter.categoryId !== undefined) params.push(filter.categoryId);
      break;
    case 'passage':
      where.push(filter.transcriptId === undefined ? 'm.transcript_id IS NOT NULL' : 'm.transcript_id = ?');
      if (filter.transcriptId !== undefined) params.push(filter.transcriptId);
      break;
    case 'all':
      break;
  }
  // Found by search: the memos FTS5 matches, each with its title and its text around the words
  // found (highlight and snippet, the words between two private-use characters, as the
  // comparison's search reads them), in the same query.
  let select = selectMemos;
  if (filter.search.trim() !== '') {
    const query = ftsQuery(filter.search);
    // Nothing to look for (only punctuation): nothing matches.
    if (query === null) return [];
    select = `${selectMemos.replace(
      'SELECT m.id,',
      "SELECT m.id, highlight(memo_fts, 0, char(57344), char(57345)) AS found_title, snippet(memo_fts, 1, char(57344), char(57345), '…', 40) AS found_text,",
    )} JOIN memo_fts ON memo_fts.rowid = m.id`;
    where.push('memo_fts MATCH ?');
    params.push(query);
  }
  const direction = filter.order === 'newest' ? 'DESC' : 'ASC';
  const sql = `${select} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.created_at ${direction}, m.id ${direction}`;
  return reader
    .query<MemoRow & { found_title?: string; found_text?: string }>(sql)
    .all(...params)
    .map((row) => toSummary(reader, row, row.found_title === undefined || row.found_text === undefined ? undefined : { title: rangesOf(row.found_title), text: rangesOf(row.found_text) }));
}

export function countMemos(reader: StudyReader): number {
  return reader.query<{ count: number }>('SELECT count(*) AS count FROM memo').get()?.count ?? 0;
}

/** What memos can be about: codes (by level, name), categories (tree order is the UI's), transcripts. */
export function readMemoTargets(reader: StudyReader): MemoTargets {
  return {
    codes: reader.query<MemoTargets['codes'][number]>("SELECT id, name, level FROM code ORDER BY level = 'initial', name COLLATE NOCASE").all(),
    categories: reader.query<MemoTargets['categories'][number]>('SELECT id, name, parent_id AS parentId FROM category ORDER BY parent_id IS NOT NULL, position, id').all(),
    transcripts: reader
      .query<MemoTargets['transcripts'][number]>(
        `SELECT t.id, p.pseudonym, i.held_at AS heldAt FROM transcript t JOIN interview i ON i.id = t.interview_id JOIN participant p ON p.id = i.participant_id
         WHERE t.id IN (SELECT transcript_id FROM memo WHERE transcript_id IS NOT NULL) ORDER BY i.held_at, p.pseudonym, t.id`,
      )
      .all(),
  };
}

export function readMemo(reader: StudyReader, id: number): Memo {
  const row = reader.query<MemoRow & { body: string }>(`${selectMemos.replace('SELECT m.id,', 'SELECT m.id, m.body,')} WHERE m.id = ?`).get(id);
  if (!row) throw new GroundworkError('memo.missing');
  let body: RichNode;
  try {
    body = row.body === '' ? emptyMemoBody : (JSON.parse(row.body) as RichNode);
  } catch {
    body = emptyMemoBody;
  }
  return { ...toSummary(reader, row), body, bodyText: row.body_text };
}

/** Creates a memo (one undo step). Answers its id. */
export function createMemo(writer: StudyWriter, title: string, target: MemoTargetInput, body: RichNode = emptyMemoBody, now = new Date()): number {
  const at = now.toISOString();
  let columns: Record<string, unknown> = {};
  switch (target.kind) {
    case 'free':
      break;
    case 'code':
      if (!writer.query('SELECT 1 FROM code WHERE id = ?').get(target.codeId)) throw new GroundworkError('memo.targetMissing');
      columns = { code_id: target.codeId };
      break;
    case 'category':
      if (!writer.query('SELECT 1 FROM category WHERE id = ?').get(target.categoryId)) throw new GroundworkError('memo.targetMissing');
      columns = { category_id: target.categoryId };
      break;
    case 'passage':
      checkPassage(writer, target.passage, { raw: 'memo.passageRaw', invalid: 'memo.passageInvalid' });
      columns = {
        transcript_id: target.passage.transcriptId,
        start_line_id: target.passage.startLineId,
        start_offset: target.passage.startOffset,
        end_line_id: target.passage.endLineId,
        end_offset: target.passage.endOffset,
      };
      break;
  }
  const names = ['guid', 'title', 'body', 'body_text', ...Object.keys(columns), 'created_at', 'updated_at'];
  const values = [randomUUID(), title.trim(), JSON.stringify(body), plainTextOf(body), ...Object.values(columns), at, at];
  return withUndoStep(writer, undoLabel('createMemo', [title.trim()]), () =>
    Number(writer.statement(`INSERT INTO memo (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values).lastInsertRowid),
  );
}

/** A time after `previous`, so every save gives a new `updatedAt` even within one millisecond. */
export function nextUpdatedAt(previous: string, now: Date): string {
  const last = Date.parse(previous);
  return new Date(Number.isNaN(last) ? now.getTime() : Math.max(now.getTime(), last + 1)).toISOString();
}

/**
 * Saves a memo's title and text, unless it was saved since `baseUpdatedAt` (`memo.stale`). Not an
 * undo step. Answers the new `updatedAt` and the text's excerpt.
 */
export function saveMemo(writer: StudyWriter, id: number, title: string, body: RichNode, baseUpdatedAt: string, now = new Date()): { updatedAt: string; excerpt: string } {
  const row = writer.query<{ updated_at: string }>('SELECT updated_at FROM memo WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('memo.missing');
  if (row.updated_at !== baseUpdatedAt) throw new GroundworkError('memo.stale');
  const updatedAt = nextUpdatedAt(row.updated_at, now);
  const text = plainTextOf(body);
  writer.statement('UPDATE memo SET title = ?, body = ?, body_text = ?, updated_at = ? WHERE id = ?').run(title.trim(), JSON.stringify(body), text, updatedAt, id);
  return { updatedAt, excerpt: excerptOf(text) };
}

/** Deletes a memo (one undo step). */
export function deleteMemo(writer: StudyWriter, id: number): void {
  const row = writer.query<{ title: string }>('SELECT title FROM memo WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('memo.missing');
  withUndoStep(writer, undoLabel('deleteMemo', [row.title]), () => writer.statement('DELETE FROM memo WHERE id = ?').run(id));
}
