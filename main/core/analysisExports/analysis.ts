import { categoryPathSeparator } from '../../../shared/analysisExports/texts.js';
import type { StudyReader } from '../db/connection.js';

/**
 * The analysis as the exports read it: categories in the researcher's tree order, codes, and which
 * initial codes each focused code subsumes. Read straight from the schema (0006-coding.ts), in one
 * read transaction, so an export is one consistent picture.
 */

export interface CategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  depth: number;
  /** "Category › Subcategory". */
  path: string;
  /** Place in a depth-first walk of the tree (siblings by position). */
  order: number;
}

export interface CodeRow {
  id: number;
  level: 'initial' | 'focused';
  name: string;
  definition: string;
  categoryId: number | null;
  categoryPosition: number;
}

export interface Analysis {
  /** In tree order. */
  categories: CategoryNode[];
  categoryById: Map<number, CategoryNode>;
  codeById: Map<number, CodeRow>;
  /** Focused codes in the order the exports list them: by category (tree order), then their place in it, then name. Unplaced last. */
  focusedInOrder: CodeRow[];
  /**
   * Every code placed under a category, of either level (the researcher may place an initial code
   * that stands on its own), then the focused codes not placed: the order of the table's rows.
   */
  placedInOrder: CodeRow[];
  /** Focused code → the initial codes it subsumes. */
  subsumes: Map<number, number[]>;
  /** Initial code → the focused codes subsuming it. */
  subsumedBy: Map<number, number[]>;
}

export const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

export function readAnalysis(reader: StudyReader): Analysis {
  const rawCategories = reader
    .query<{ id: number; parent_id: number | null; name: string; position: number }>('SELECT id, parent_id, name, position FROM category')
    .all();
  const children = new Map<number | null, typeof rawCategories>();
  for (const category of rawCategories) {
    const siblings = children.get(category.parent_id) ?? [];
    siblings.push(category);
    children.set(category.parent_id, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.position - b.position || collator.compare(a.name, b.name) || a.id - b.id);
  const categories: CategoryNode[] = [];
  const walk = (parentId: number | null, depth: number, prefix: string) => {
    for (const category of children.get(parentId) ?? []) {
      const path = prefix ? `${prefix}${categoryPathSeparator}${category.name}` : category.name;
      categories.push({ id: category.id, parentId: category.parent_id, name: category.name, depth, path, order: categories.length });
      walk(category.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  const categoryById = new Map(categories.map((category) => [category.id, category]));

  const codes = reader
    .query<{ id: number; level: 'initial' | 'focused'; name: string; definition: string; category_id: number | null; category_position: number }>(
      'SELECT id, level, name, definition, category_id, category_position FROM code',
    )
    .all()
    .map(
      (code): CodeRow => ({
        id: code.id,
        level: code.level,
        name: code.name,
        definition: code.definition,
        // A category id that is not in the tree (it cannot be, but a file is a file) counts as unplaced.
        categoryId: code.category_id !== null && categoryById.has(code.category_id) ? code.category_id : null,
        categoryPosition: code.category_position,
      }),
    );
  const codeById = new Map(codes.map((code) => [code.id, code]));
  const categoryOrder = (code: CodeRow) => (code.categoryId === null ? Number.MAX_SAFE_INTEGER : categoryById.get(code.categoryId)!.order);
  const inOrder = (a: CodeRow, b: CodeRow) =>
    categoryOrder(a) - categoryOrder(b) || a.categoryPosition - b.categoryPosition || collator.compare(a.name, b.name) || a.id - b.id;
  const focusedInOrder = codes.filter((code) => code.level === 'focused').sort(inOrder);
  const placedInOrder = codes.filter((code) => code.level === 'focused' || code.categoryId !== null).sort(inOrder);

  const subsumes = new Map<number, number[]>();
  const subsumedBy = new Map<number, number[]>();
  for (const link of reader.query<{ focused_code_id: number; initial_code_id: number }>('SELECT focused_code_id, initial_code_id FROM code_subsumes').all()) {
    if (codeById.get(link.focused_code_id)?.level !== 'focused' || codeById.get(link.initial_code_id)?.level !== 'initial') continue;
    subsumes.set(link.focused_code_id, [...(subsumes.get(link.focused_code_id) ?? []), link.initial_code_id]);
    subsumedBy.set(link.initial_code_id, [...(subsumedBy.get(link.initial_code_id) ?? []), link.focused_code_id]);
  }
  return { categories, categoryById, codeById, focusedInOrder, placedInOrder, subsumes, subsumedBy };
}

/** The ids of these categories and every category below them. */
export function withSubcategories(analysis: Analysis, ids: readonly number[]): Set<number> {
  const chosen = new Set<number>();
  const wanted = new Set(ids);
  // Tree order puts a category before its subcategories, so one pass finds every descendant.
  for (const category of analysis.categories) {
    if (wanted.has(category.id) || (category.parentId !== null && chosen.has(category.parentId))) chosen.add(category.id);
  }
  return chosen;
}
