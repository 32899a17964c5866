import { describe, expect, it } from 'vitest';
import type { Category, Code } from '../../../shared/coding/contract.js';
import {
  canMoveUnder,
  categoryOptions,
  countsById,
  countsOf,
  filterAndSort,
  keyboardMove,
  noFilter,
} from '../../../renderer/src/features/codebook/model.js';

/**
 * The codebook's pure parts: the list's filters, sorts and counts (a focused code's include what it
 * subsumes), and what Alt+arrow does to a category in the tree.
 */

function code(id: number, name: string, extra: Partial<Code> = {}): Code {
  return {
    id,
    level: 'initial',
    name,
    colour: '#1d5a85',
    definition: '',
    categoryId: null,
    codings: 0,
    interviews: 0,
    linked: [],
    memos: 0,
    createdAt: `2026-11-${String(id).padStart(2, '0')}T10:00:00.000Z`,
    updatedAt: '2026-11-30T10:00:00.000Z',
    ...extra,
  };
}

function category(id: number, name: string, parentId: number | null, position: number, codeIds: number[] = []): Category {
  return { id, name, parentId, position, colour: '#6b7280', quoteId: null, codeIds };
}

// A: [A1, A2], B: [B1], C.
const tree = [
  category(1, 'A', null, 0),
  category(2, 'B', null, 1),
  category(3, 'C', null, 2),
  category(11, 'A1', 1, 0),
  category(12, 'A2', 1, 1),
  category(21, 'B1', 2, 0),
];

describe('keyboard moves in the category tree', () => {
  it('moves up and down among siblings, not past the ends', () => {
    expect(keyboardMove(tree, 2, 'up')).toEqual({ id: 2, parentId: null, position: 0 });
    expect(keyboardMove(tree, 2, 'down')).toEqual({ id: 2, parentId: null, position: 2 });
    expect(keyboardMove(tree, 1, 'up')).toBeNull();
    expect(keyboardMove(tree, 3, 'down')).toBeNull();
    expect(keyboardMove(tree, 12, 'up')).toEqual({ id: 12, parentId: 1, position: 0 });
  });

  it('goes in under the sibling above, last among its subcategories', () => {
    expect(keyboardMove(tree, 2, 'in')).toEqual({ id: 2, parentId: 1, position: 2 });
    expect(keyboardMove(tree, 3, 'in')).toEqual({ id: 3, parentId: 2, position: 1 });
    expect(keyboardMove(tree, 1, 'in')).toBeNull();
    expect(keyboardMove(tree, 11, 'in')).toBeNull();
  });

  it('goes out one level, just after its old parent; a main category cannot', () => {
    expect(keyboardMove(tree, 11, 'out')).toEqual({ id: 11, parentId: null, position: 1 });
    expect(keyboardMove(tree, 21, 'out')).toEqual({ id: 21, parentId: null, position: 2 });
    expect(keyboardMove(tree, 1, 'out')).toBeNull();
    expect(keyboardMove(tree, 99, 'up')).toBeNull();
  });

  it('never moves a category into itself or below itself', () => {
    expect(canMoveUnder(tree, 1, 11)).toBe(false);
    expect(canMoveUnder(tree, 1, 1)).toBe(false);
    expect(canMoveUnder(tree, 1, 2)).toBe(true);
    expect(canMoveUnder(tree, 11, null)).toBe(true);
  });

  it('lists the categories in tree order with their depth and path', () => {
    expect(categoryOptions(tree).map((option) => [option.path, option.depth])).toEqual([
      ['A', 0],
      ['A › A1', 1],
      ['A › A2', 1],
      ['B', 0],
      ['B › B1', 1],
      ['C', 0],
    ]);
  });
});

describe('the code list', () => {
  const codes = [
    code(1, 'feeling seen', { codings: 3, interviews: 2 }),
    code(2, 'being asked what matters', { codings: 5, interviews: 1, definition: 'What the group asked about' }),
    code(3, 'Being met', { level: 'focused', linked: [1, 2], codings: 1, interviews: 1, categoryId: 11 }),
    code(4, 'Finding a rhythm', { level: 'focused', codings: 2, interviews: 2 }),
    code(5, 'sitting by the door', { codings: 1, interviews: 1 }),
  ];

  it('counts what a focused code subsumes, and takes the core’s counts when it gives them', () => {
    const byId = new Map(codes.map((one) => [one.id, one]));
    expect(countsOf(codes[2]!, byId)).toEqual({ codings: 9, interviews: 2 });
    expect(countsOf({ ...codes[2]!, found: { codings: 8, interviews: 3 } }, byId)).toEqual({ codings: 8, interviews: 3 });
    expect(countsOf(codes[0]!, byId)).toEqual({ codings: 3, interviews: 2 });
  });

  it('sorts by name (letter case and numbers as a reader expects), codings, interviews, newest', () => {
    const counts = countsById(codes);
    const names = (sort: Parameters<typeof filterAndSort>[3]) => filterAndSort(codes, tree, noFilter, sort, counts).map((one) => one.name);
    expect(names('name')).toEqual(['being asked what matters', 'Being met', 'feeling seen', 'Finding a rhythm', 'sitting by the door']);
    expect(names('codings')).toEqual(['Being met', 'being asked what matters', 'feeling seen', 'Finding a rhythm', 'sitting by the door']);
    expect(names('interviews')[0]).toBe('Being met');
    expect(names('newest')).toEqual(['sitting by the door', 'Finding a rhythm', 'Being met', 'being asked what matters', 'feeling seen']);
  });

  it('filters by words in the name or definition, by level, by category with its subcategories, and the focused codes not placed', () => {
    const names = (filter: Partial<typeof noFilter>) => filterAndSort(codes, tree, { ...noFilter, ...filter }, 'name').map((one) => one.name);
    expect(names({ text: 'SEEN' })).toEqual(['feeling seen']);
    expect(names({ text: 'group asked' })).toEqual(['being asked what matters']);
    expect(names({ level: 'focused' })).toEqual(['Being met', 'Finding a rhythm']);
    expect(names({ category: { kind: 'category', id: 1 } })).toEqual(['Being met']);
    expect(names({ category: { kind: 'category', id: 2 } })).toEqual([]);
    expect(names({ category: { kind: 'unplaced' } })).toEqual(['Finding a rhythm']);
  });
});
