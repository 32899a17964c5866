import type { Category, Code, CodeLevel } from '../../../../shared/coding/contract.js';

/**
 * The codebook's pure parts: sorting and filtering the code list, the category tree, and what a
 * keyboard move of a category means as a `coding.moveCategory` input. Kept apart from React so the
 * list of 2,000 codes is sorted and filtered once per change, never per row.
 */

export type SortKey = 'name' | 'codings' | 'interviews' | 'newest';
export const sortKeys: readonly SortKey[] = ['name', 'codings', 'interviews', 'newest'];

/** The category filter: any, focused codes not placed under a category, or one category (with its subcategories). */
export type CategoryFilter = { kind: 'any' } | { kind: 'unplaced' } | { kind: 'category'; id: number };

export interface CodeFilter {
  text: string;
  level: CodeLevel | 'any';
  category: CategoryFilter;
}

export const noFilter: CodeFilter = { text: '', level: 'any', category: { kind: 'any' } };

const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

/**
 * The counts the codebook shows: a code's own codings and interviews; for a focused code, what is
 * found under it (its own with those of the initial codes it subsumes). Until the core answers
 * `found`, the subsumed codings are added here (exact: each coding is one passage) and the
 * interviews are the most any of them has (a lower bound).
 */
export interface Counts {
  codings: number;
  interviews: number;
}

export function countsOf(code: Code, byId: ReadonlyMap<number, Code>): Counts {
  if (code.level !== 'focused') return { codings: code.codings, interviews: code.interviews };
  if (code.found) return code.found;
  let codings = code.codings;
  let interviews = code.interviews;
  for (const id of code.linked) {
    const initial = byId.get(id);
    if (!initial) continue;
    codings += initial.codings;
    interviews = Math.max(interviews, initial.interviews);
  }
  return { codings, interviews };
}

export function countsById(codes: readonly Code[]): Map<number, Counts> {
  const byId = new Map(codes.map((code) => [code.id, code]));
  return new Map(codes.map((code) => [code.id, countsOf(code, byId)]));
}

const none: Counts = { codings: 0, interviews: 0 };

export function compareCodes(a: Code, b: Code, key: SortKey, counts?: ReadonlyMap<number, Counts>): number {
  const byName = collator.compare(a.name, b.name) || a.id - b.id;
  const ca = counts?.get(a.id) ?? (counts ? none : a);
  const cb = counts?.get(b.id) ?? (counts ? none : b);
  if (key === 'codings') return cb.codings - ca.codings || byName;
  if (key === 'interviews') return cb.interviews - ca.interviews || cb.codings - ca.codings || byName;
  if (key === 'newest') return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
  return byName;
}

/** The ids of a category and everything below it. */
export function subtreeIds(categories: readonly Category[], rootId: number): Set<number> {
  const children = childrenByParent(categories);
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const child of children.get(id) ?? []) stack.push(child.id);
  }
  return ids;
}

export function filterAndSort(codes: readonly Code[], categories: readonly Category[], filter: CodeFilter, sort: SortKey, counts?: ReadonlyMap<number, Counts>): Code[] {
  const needle = filter.text.trim().toLocaleLowerCase();
  const within = filter.category.kind === 'category' ? subtreeIds(categories, filter.category.id) : null;
  const shown = codes.filter((code) => {
    if (filter.level !== 'any' && code.level !== filter.level) return false;
    if (filter.category.kind === 'unplaced' && (code.level !== 'focused' || code.categoryId !== null)) return false;
    if (within && (code.categoryId === null || !within.has(code.categoryId))) return false;
    if (needle && !code.name.toLocaleLowerCase().includes(needle) && !code.definition.toLocaleLowerCase().includes(needle)) return false;
    return true;
  });
  return shown.sort((a, b) => compareCodes(a, b, sort, counts));
}

/** Children of each parent (null: the main categories), in the researcher's order. */
export function childrenByParent(categories: readonly Category[]): Map<number | null, Category[]> {
  const map = new Map<number | null, Category[]>();
  for (const category of categories) {
    const list = map.get(category.parentId);
    if (list) list.push(category);
    else map.set(category.parentId, [category]);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  return map;
}

/** Each category's path for a select ("Finding a place › Being seen"), in tree order, with its depth. */
export function categoryOptions(categories: readonly Category[]): { id: number; depth: number; path: string; name: string }[] {
  const children = childrenByParent(categories);
  const options: { id: number; depth: number; path: string; name: string }[] = [];
  const walk = (parentId: number | null, depth: number, prefix: string) => {
    for (const category of children.get(parentId) ?? []) {
      const path = prefix ? `${prefix} › ${category.name}` : category.name;
      options.push({ id: category.id, depth, path, name: category.name });
      if (depth < 20) walk(category.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return options;
}

export type MoveKey = 'up' | 'down' | 'in' | 'out';

/**
 * What Alt+Arrow does to a category: up/down among its siblings, in (a subcategory of the sibling
 * before it, last among that one's subcategories), out (one level up, just after its old parent).
 * Null when the move is not possible (the first sibling cannot move up, a main category cannot go out).
 */
export function keyboardMove(categories: readonly Category[], id: number, key: MoveKey): { id: number; parentId: number | null; position: number } | null {
  const category = categories.find((candidate) => candidate.id === id);
  if (!category) return null;
  const children = childrenByParent(categories);
  const siblings = children.get(category.parentId) ?? [];
  const index = siblings.findIndex((sibling) => sibling.id === id);
  if (key === 'up') return index > 0 ? { id, parentId: category.parentId, position: index - 1 } : null;
  if (key === 'down') return index < siblings.length - 1 ? { id, parentId: category.parentId, position: index + 1 } : null;
  if (key === 'in') {
    const previous = siblings[index - 1];
    if (!previous) return null;
    return { id, parentId: previous.id, position: (children.get(previous.id) ?? []).length };
  }
  if (category.parentId === null) return null;
  const parent = categories.find((candidate) => candidate.id === category.parentId);
  if (!parent) return null;
  const parentSiblings = children.get(parent.parentId) ?? [];
  return { id, parentId: parent.parentId, position: parentSiblings.findIndex((sibling) => sibling.id === parent.id) + 1 };
}

/** Whether `id` may be moved under `parentId` (not into itself or its own subtree). */
export function canMoveUnder(categories: readonly Category[], id: number, parentId: number | null): boolean {
  return parentId === null || !subtreeIds(categories, id).has(parentId);
}

/** The next colour for a new code: a calm palette, chosen in turn. */
export const palette = ['#1d5a85', '#2f7d4f', '#9a5b13', '#8a3b6e', '#4b5a9b', '#a8261d', '#3c7a7a', '#6b5e2e', '#6b727b', '#7a4fb0'] as const;
