import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Category } from '../../../shared/coding/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { nextColour, requireCodes } from './codes.js';

/**
 * Categories and subcategories: a tree by `parent_id`, siblings in the researcher's order
 * (`position`, 0, 1, 2… kept contiguous), with codes placed under them (`code.category_id`,
 * `code.category_position`, also contiguous). The UI places focused codes; the core accepts an
 * initial code too (a researcher may want an initial code that stands on its own in a category).
 */

interface CategoryRow {
  id: number;
  parent_id: number | null;
  name: string;
  colour: string;
  position: number;
  quote_id: number | null;
}

/** Every category, parents before children and siblings in order (a flat list; `parentId` gives the tree). */
export function listCategories(reader: StudyReader): Category[] {
  const rows = reader.query<CategoryRow>('SELECT id, parent_id, name, colour, position, quote_id FROM category ORDER BY position, id').all();
  const codes = new Map<number, number[]>();
  for (const row of reader
    .query<{ id: number; category_id: number }>('SELECT id, category_id FROM code WHERE category_id IS NOT NULL ORDER BY category_id, category_position, id')
    .iterate()) {
    const list = codes.get(row.category_id);
    if (list) list.push(row.id);
    else codes.set(row.category_id, [row.id]);
  }
  const children = new Map<number | null, CategoryRow[]>();
  for (const row of rows) {
    const list = children.get(row.parent_id);
    if (list) list.push(row);
    else children.set(row.parent_id, [row]);
  }
  const ordered: Category[] = [];
  const walk = (parent: number | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push({ id: row.id, parentId: row.parent_id, name: row.name, colour: row.colour, position: row.position, quoteId: row.quote_id, codeIds: codes.get(row.id) ?? [] });
      walk(row.id);
    }
  };
  walk(null);
  return ordered;
}

export function readCategory(reader: StudyReader, id: number): Category {
  const category = listCategories(reader).find((candidate) => candidate.id === id);
  if (!category) throw new GroundworkError('category.missing');
  return category;
}

function requireCategory(reader: StudyReader, id: number): CategoryRow {
  const row = reader.query<CategoryRow>('SELECT id, parent_id, name, colour, position, quote_id FROM category WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('category.missing');
  return row;
}

function requireQuote(reader: StudyReader, quoteId: number | null): void {
  if (quoteId !== null && !reader.query<{ id: number }>('SELECT id FROM quote WHERE id = ?').get(quoteId)) throw new GroundworkError('category.quoteMissing');
}

/** Sibling ids under `parentId`, in order. */
function siblings(reader: StudyReader, parentId: number | null): number[] {
  return reader
    .query<{ id: number }>('SELECT id FROM category WHERE parent_id IS ? ORDER BY position, id')
    .all(parentId)
    .map((row) => row.id);
}

/** Writes positions 0, 1, 2… for `ids` under `parentId`, touching only rows that change. */
function renumber(writer: StudyWriter, parentId: number | null, ids: readonly number[]): void {
  const current = writer.query<{ parent_id: number | null; position: number }>('SELECT parent_id, position FROM category WHERE id = ?');
  const set = writer.statement('UPDATE category SET parent_id = ?, position = ? WHERE id = ?');
  ids.forEach((id, position) => {
    const row = current.get(id);
    if (row && (row.parent_id !== parentId || row.position !== position)) set.run(parentId, position, id);
  });
}

/**
 * Two categories in one place (the same parent, or both main categories) may not share a name
 * (letter case aside): the codebook, its exports and the coding table would not tell them apart.
 * The same name under different parents is fine.
 */
function requireFreeName(reader: StudyReader, parentId: number | null, name: string, except?: number): void {
  // Folded in JavaScript: SQLite's NOCASE folds only A–Z, and "Å bli sett" is "å bli sett".
  const folded = name.toLocaleLowerCase('nb');
  const siblings = reader.query<{ id: number; name: string }>('SELECT id, name FROM category WHERE parent_id IS ?').all(parentId);
  if (siblings.some((row) => row.id !== except && row.name.toLocaleLowerCase('nb') === folded)) throw new GroundworkError('category.nameTaken');
}

export function createCategory(writer: StudyWriter, name: string, parentId: number | null, colour?: string, at = new Date().toISOString()): number {
  if (parentId !== null) requireCategory(writer, parentId);
  requireFreeName(writer, parentId, name.trim());
  const position = siblings(writer, parentId).length;
  return Number(
    writer
      .statement('INSERT INTO category (guid, parent_id, name, position, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), parentId, name.trim(), position, colour ?? nextColour(writer, 'category'), at, at).lastInsertRowid,
  );
}

export function updateCategory(writer: StudyWriter, id: number, change: { name: string; colour: string; quoteId: number | null }, at = new Date().toISOString()): void {
  const row = requireCategory(writer, id);
  requireQuote(writer, change.quoteId);
  const name = change.name.trim();
  if (row.name === name && row.colour === change.colour && row.quote_id === change.quoteId) return;
  if (name !== row.name) requireFreeName(writer, row.parent_id, name, id);
  writer.statement('UPDATE category SET name = ?, colour = ?, quote_id = ?, updated_at = ? WHERE id = ?').run(name, change.colour, change.quoteId, at, id);
}

/** Moves a category (with its subtree) under `parentId` at `position` among its new siblings; into its own subtree is refused (`category.cycle`). */
export function moveCategory(writer: StudyWriter, id: number, parentId: number | null, position: number): string {
  const row = requireCategory(writer, id);
  for (let ancestor = parentId; ancestor !== null; ancestor = requireCategory(writer, ancestor).parent_id) {
    if (ancestor === id) throw new GroundworkError('category.cycle');
  }
  if (parentId !== row.parent_id) requireFreeName(writer, parentId, row.name, id);
  const old = siblings(writer, row.parent_id).filter((sibling) => sibling !== id);
  const next = row.parent_id === parentId ? old : siblings(writer, parentId);
  next.splice(Math.min(position, next.length), 0, id);
  if (row.parent_id !== parentId) renumber(writer, row.parent_id, old);
  renumber(writer, parentId, next);
  return row.name;
}

/** Deletes a category and its subcategories; codes placed under them stay, unplaced. */
export function deleteCategory(writer: StudyWriter, id: number): string {
  const row = requireCategory(writer, id);
  const subtree = writer
    .query<{ id: number }>(
      'WITH RECURSIVE below (id) AS (SELECT ? UNION ALL SELECT category.id FROM category JOIN below ON category.parent_id = below.id) SELECT id FROM below',
    )
    .all(id)
    .map((category) => category.id);
  const unplace = writer.statement('UPDATE code SET category_id = NULL, category_position = 0 WHERE category_id = ?');
  for (const category of subtree) unplace.run(category);
  // Children first, so each row's deletion is its own logged statement (no cascade needed).
  const remove = writer.statement('DELETE FROM category WHERE id = ?');
  for (const category of subtree.reverse()) remove.run(category);
  renumber(writer, row.parent_id, siblings(writer, row.parent_id));
  return row.name;
}

/**
 * Places codes under a category at `position` among its codes (at the end without one), in the
 * order given, or takes them out of their categories (`categoryId` null). Answers the codes' names.
 */
export function placeCodes(writer: StudyWriter, codeIds: readonly number[], categoryId: number | null, position?: number): string[] {
  const codes = requireCodes(writer, codeIds);
  if (categoryId !== null) requireCategory(writer, categoryId);
  const moving = new Set(codes.map((code) => code.id));
  const placed = (category: number) =>
    writer
      .query<{ id: number }>('SELECT id FROM code WHERE category_id = ? ORDER BY category_position, id')
      .all(category)
      .map((row) => row.id)
      .filter((id) => !moving.has(id));
  const current = writer.query<{ category_id: number | null; category_position: number }>('SELECT category_id, category_position FROM code WHERE id = ?');
  const set = writer.statement('UPDATE code SET category_id = ?, category_position = ? WHERE id = ?');
  const write = (category: number | null, ids: readonly number[]) =>
    ids.forEach((id, index) => {
      const row = current.get(id)!;
      const at = category === null ? 0 : index;
      if (row.category_id !== category || row.category_position !== at) set.run(category, at, id);
    });
  const left = new Set(codes.flatMap((code) => (code.category_id !== null && code.category_id !== categoryId ? [code.category_id] : [])));
  if (categoryId === null) {
    write(null, [...moving]);
  } else {
    const list = placed(categoryId);
    list.splice(Math.min(position ?? list.length, list.length), 0, ...moving);
    write(categoryId, list);
  }
  for (const category of left) write(category, placed(category));
  return codes.map((code) => code.name);
}
