import { describe, expect, it } from 'vitest';
import { categoryTree, interviewDay, yearAgo } from '../../../renderer/src/features/comparison/format.js';

describe('the compare section’s helpers', () => {
  it('gives the day a year before, with 29 February becoming 28 February', () => {
    expect(yearAgo(new Date(2026, 10, 30))).toBe('2025-11-30');
    expect(yearAgo(new Date(2028, 1, 29))).toBe('2027-02-28');
    expect(yearAgo(new Date(2026, 0, 1))).toBe('2025-01-01');
  });

  it('orders categories as a tree, each under its parent in the researcher’s order', () => {
    const tree = categoryTree([
      { id: 3, parentId: 1, name: 'Sub b', position: 1 },
      { id: 1, parentId: null, name: 'Main', position: 0 },
      { id: 2, parentId: 1, name: 'Sub a', position: 0 },
      { id: 4, parentId: null, name: 'Second', position: 1 },
      { id: 5, parentId: 2, name: 'Deep', position: 0 },
    ]);
    expect(tree.map(({ category, depth }) => [category.name, depth])).toEqual([
      ['Main', 0],
      ['Sub a', 1],
      ['Deep', 2],
      ['Sub b', 1],
      ['Second', 0],
    ]);
  });

  it('shows the interview’s own day, whatever the computer’s zone', () => {
    expect(interviewDay('2026-03-02T23:30', 'en-GB')).toBe('2 Mar 2026');
    expect(interviewDay('2026-03-02T00:15', 'nb-NO')).toBe('2. mars 2026');
  });
});
