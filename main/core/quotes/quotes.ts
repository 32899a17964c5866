import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { undoLabel, type Passage } from '../../../shared/coding/contract.js';
import type { PassageView } from '../../../shared/memos/passage.js';
import type { Quote, QuoteCategory } from '../../../shared/quotes/contract.js';
import { withUndoStep } from '../coding/undo.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { nextUpdatedAt } from '../memos/memos.js';
import { checkPassage, passageOf, readPassageView, type StoredPassage } from '../memos/passages.js';

/**
 * Quotes (table `quote`): a passage of an anonymised transcript marked for the write-up, with its
 * wording for publication kept apart from the source lines. The source text is read afresh every
 * time, so it is always the transcript's current (anonymised) text. Marking and unmarking are steps
 * of the study-wide undo; writing the wording is not, and a save is refused when the quote was saved
 * elsewhere since the form opened.
 */

interface QuoteRow extends StoredPassage {
  id: number;
  wording: string;
  note: string;
  category_id: number | null;
  created_at: string;
  updated_at: string;
}

const selectQuotes = 'SELECT id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, wording, note, category_id, created_at, updated_at FROM quote';

function toQuote(reader: StudyReader, row: QuoteRow): Quote {
  return {
    id: row.id,
    source: readPassageView(reader, passageOf(row)),
    passage: passageOf(row),
    wording: row.wording,
    note: row.note,
    categoryId: row.category_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every category in tree order (main categories in their order, each followed by its subcategories), with its path of names. */
export function readQuoteCategories(reader: StudyReader): QuoteCategory[] {
  const rows = reader.query<{ id: number; parent_id: number | null; name: string }>('SELECT id, parent_id, name FROM category ORDER BY position, id').all();
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: QuoteCategory[] = [];
  const visit = (parentId: number | null, path: string[]) => {
    for (const row of children.get(parentId) ?? []) {
      const own = [...path, row.name];
      ordered.push({ id: row.id, parentId: row.parent_id, name: row.name, path: own });
      visit(row.id, own);
    }
  };
  visit(null, []);
  return ordered;
}

const byParticipant = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

/** Every quote: by category in tree order (unplaced last), then by participant, line and when marked. */
export function listQuotes(reader: StudyReader): { quotes: Quote[]; categories: QuoteCategory[] } {
  const categories = readQuoteCategories(reader);
  const rank = new Map(categories.map((category, index) => [category.id, index]));
  const quotes = reader
    .query<QuoteRow>(selectQuotes)
    .all()
    .map((row) => toQuote(reader, row));
  const categoryRank = (quote: Quote) => (quote.categoryId === null ? categories.length : (rank.get(quote.categoryId) ?? categories.length));
  quotes.sort(
    (a, b) =>
      categoryRank(a) - categoryRank(b) ||
      byParticipant.compare(a.source.pseudonym, b.source.pseudonym) ||
      a.source.transcriptId - b.source.transcriptId ||
      a.source.startNumber - b.source.startNumber ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id - b.id,
  );
  return { quotes, categories };
}

export function readQuote(reader: StudyReader, id: number): Quote {
  const row = reader.query<QuoteRow>(`${selectQuotes} WHERE id = ?`).get(id);
  if (!row) throw new GroundworkError('quote.missing');
  return toQuote(reader, row);
}

function requireCategory(reader: StudyReader, categoryId: number | null): void {
  if (categoryId !== null && !reader.query('SELECT 1 FROM category WHERE id = ?').get(categoryId)) throw new GroundworkError('quote.categoryMissing');
}

/** Marks a passage as a quote (one undo step). Answers its id. */
export function createQuote(writer: StudyWriter, passage: Passage, wording = '', categoryId: number | null = null, now = new Date()): number {
  checkPassage(writer, passage, { raw: 'quote.passageRaw', invalid: 'quote.passageInvalid' });
  requireCategory(writer, categoryId);
  const at = now.toISOString();
  const reference = shortReference(readPassageView(writer, passage));
  return withQuoteStep(writer, 'createQuote', reference, () =>
    Number(
      writer
        .statement(
          `INSERT INTO quote (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, wording, category_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(randomUUID(), passage.transcriptId, passage.startLineId, passage.startOffset, passage.endLineId, passage.endOffset, wording.trim(), categoryId, at, at)
        .lastInsertRowid,
    ),
  );
}

/** Its wording, note and category, unless it was saved since `baseUpdatedAt` (`quote.stale`). Not an undo step. */
export function updateQuote(
  writer: StudyWriter,
  id: number,
  changes: { wording: string; note: string; categoryId: number | null },
  baseUpdatedAt: string,
  now = new Date(),
): void {
  const row = writer.query<{ updated_at: string }>('SELECT updated_at FROM quote WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('quote.missing');
  if (row.updated_at !== baseUpdatedAt) throw new GroundworkError('quote.stale');
  requireCategory(writer, changes.categoryId);
  writer
    .statement('UPDATE quote SET wording = ?, note = ?, category_id = ?, updated_at = ? WHERE id = ?')
    .run(changes.wording.trim(), changes.note.trim(), changes.categoryId, nextUpdatedAt(row.updated_at, now), id);
}

/** Unmarks a quote (one undo step); a category named by it loses that name (the schema sets it to null). */
export function deleteQuote(writer: StudyWriter, id: number): void {
  const quote = readQuote(writer, id);
  withQuoteStep(writer, 'deleteQuote', shortReference(quote.source), () => writer.statement('DELETE FROM quote WHERE id = ?').run(id));
}

function withQuoteStep<T>(writer: StudyWriter, action: 'createQuote' | 'deleteQuote', reference: string, work: () => T): T {
  return withUndoStep(writer, undoLabel(action, [reference]), work);
}

/** "Deltaker 3, 120–124": the quote as the Edit menu's "Undo mark quote …" names it, in either language. */
function shortReference(view: PassageView): string {
  return view.startNumber === view.endNumber ? `${view.pseudonym}, ${view.startNumber}` : `${view.pseudonym}, ${view.startNumber}–${view.endNumber}`;
}
