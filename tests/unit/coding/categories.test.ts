import { describe, expect, it } from 'vitest';
import type { Category, Code } from '../../../shared/coding/contract.js';
import type { FreshStudy } from '../../helpers/study.js';
import { call, codingStudy, createCode, dump, refused } from './setup.js';

async function category(study: FreshStudy, name: string, parentId: number | null = null): Promise<Category> {
  return (await call<{ category: Category }>(study, 'coding.createCategory', { name, parentId })).category;
}

async function tree(study: FreshStudy): Promise<[string, string | null, number][]> {
  const { categories } = await call<{ categories: Category[] }>(study, 'coding.codebook', {});
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return categories.map((c) => [c.name, c.parentId === null ? null : names.get(c.parentId)!, c.position]);
}

describe('categories', () => {
  it('form a tree, each last among its siblings when made, with a GUID and a colour', async () => {
    const { study } = await codingStudy('D: Hei.');
    const place = await category(study, 'Finding a place');
    const rhythm = await category(study, 'Keeping a rhythm');
    await category(study, 'Being seen', place.id);
    await category(study, 'Belonging', place.id);
    expect(place).toMatchObject({ parentId: null, position: 0, quoteId: null, codeIds: [] });
    expect(rhythm.position).toBe(1);
    expect(rhythm.colour).not.toBe(place.colour);
    expect(await tree(study)).toEqual([
      ['Finding a place', null, 0],
      ['Being seen', 'Finding a place', 0],
      ['Belonging', 'Finding a place', 1],
      ['Keeping a rhythm', null, 1],
    ]);
    const guids = study.core.session.require().db.read((reader) => reader.query<{ guid: string }>('SELECT guid FROM category').all());
    expect(new Set(guids.map((row) => row.guid)).size).toBe(4);
    expect(await refused(study, 'coding.createCategory', { name: 'x', parentId: 999 })).toBe('category.missing');
  });

  it('move under another or among siblings, never into their own subtree', async () => {
    const { study } = await codingStudy('D: Hei.');
    const place = await category(study, 'Finding a place');
    const seen = await category(study, 'Being seen', place.id);
    const deeper = await category(study, 'Seen by staff', seen.id);
    const rhythm = await category(study, 'Keeping a rhythm');
    await call(study, 'coding.moveCategory', { id: rhythm.id, parentId: null, position: 0 });
    expect(await tree(study)).toEqual([
      ['Keeping a rhythm', null, 0],
      ['Finding a place', null, 1],
      ['Being seen', 'Finding a place', 0],
      ['Seen by staff', 'Being seen', 0],
    ]);
    const moved = (await call<{ categories: Category[] }>(study, 'coding.moveCategory', { id: seen.id, parentId: rhythm.id, position: 5 })).categories;
    expect(moved.find((c) => c.id === seen.id)).toMatchObject({ parentId: rhythm.id, position: 0 });
    const before = dump(study);
    expect(await refused(study, 'coding.moveCategory', { id: seen.id, parentId: deeper.id, position: 0 })).toBe('category.cycle');
    expect(await refused(study, 'coding.moveCategory', { id: seen.id, parentId: seen.id, position: 0 })).toBe('category.cycle');
    expect(await refused(study, 'coding.moveCategory', { id: seen.id, parentId: 999, position: 0 })).toBe('category.missing');
    expect(dump(study)).toEqual(before);
  });

  it('may not share a name with another in the same place, letter case aside; under another parent they may', async () => {
    const { study } = await codingStudy('D: Hei.');
    const place = await category(study, 'Finding a place');
    const rhythm = await category(study, 'Keeping a rhythm');
    const seen = await category(study, 'Being seen', place.id);
    expect(await refused(study, 'coding.createCategory', { name: ' finding a PLACE ', parentId: null })).toBe('category.nameTaken');
    expect(await refused(study, 'coding.createCategory', { name: 'Being seen', parentId: place.id })).toBe('category.nameTaken');
    // Norwegian letters too (SQLite's own case folding knows only A–Z).
    await category(study, 'Å bli sett', place.id);
    expect(await refused(study, 'coding.createCategory', { name: 'å BLI SETT', parentId: place.id })).toBe('category.nameTaken');
    // The same name under another parent is another category.
    const seenToo = await category(study, 'Being seen', rhythm.id);
    // Renamed to a sibling's name: refused; to its own name in other letters: fine.
    expect(await refused(study, 'coding.updateCategory', { id: rhythm.id, name: 'Finding a place', colour: rhythm.colour, quoteId: null })).toBe('category.nameTaken');
    await call(study, 'coding.updateCategory', { id: rhythm.id, name: 'keeping a rhythm', colour: rhythm.colour, quoteId: null });
    // Moved where a sibling has its name: refused, and nothing moved.
    const before = await tree(study);
    expect(await refused(study, 'coding.moveCategory', { id: seenToo.id, parentId: place.id, position: 0 })).toBe('category.nameTaken');
    expect(await tree(study)).toEqual(before);
    await call(study, 'coding.moveCategory', { id: seen.id, parentId: place.id, position: 0 });
  });

  it('are renamed, recoloured and named by a quote', async () => {
    const { study } = await codingStudy('D: Hei.');
    const place = await category(study, 'Finding a place');
    const updated = (await call<{ category: Category }>(study, 'coding.updateCategory', { id: place.id, name: 'Finding a footing', colour: '#3a8a4f', quoteId: null })).category;
    expect(updated).toMatchObject({ name: 'Finding a footing', colour: '#3a8a4f', quoteId: null });
    expect(await refused(study, 'coding.updateCategory', { id: place.id, name: 'x', colour: '#3a8a4f', quoteId: 99 })).toBe('category.quoteMissing');
  });

  it('hold codes in order; deleting one takes its subcategories and leaves their codes unplaced', async () => {
    const { study } = await codingStudy('D: Hei.');
    const place = await category(study, 'Finding a place');
    const seen = await category(study, 'Being seen', place.id);
    const rhythm = await category(study, 'Keeping a rhythm');
    const a = await createCode(study, 'Being noticed', 'focused');
    const b = await createCode(study, 'Being heard', 'focused');
    const c = await createCode(study, 'Going weekly', 'focused');
    await call(study, 'coding.placeCodes', { codeIds: [a.id, b.id], categoryId: seen.id });
    let categories = (await call<{ categories: Category[] }>(study, 'coding.placeCodes', { codeIds: [c.id], categoryId: seen.id, position: 1 })).categories;
    expect(categories.find((x) => x.id === seen.id)!.codeIds).toEqual([a.id, c.id, b.id]);
    categories = (await call<{ categories: Category[] }>(study, 'coding.placeCodes', { codeIds: [a.id], categoryId: rhythm.id })).categories;
    expect(categories.find((x) => x.id === seen.id)!.codeIds).toEqual([c.id, b.id]);
    expect(categories.find((x) => x.id === rhythm.id)!.codeIds).toEqual([a.id]);
    expect((await call<{ code: Code }>(study, 'coding.code', { id: a.id })).code.categoryId).toBe(rhythm.id);
    await call(study, 'coding.placeCodes', { codeIds: [a.id], categoryId: null });
    expect((await call<{ code: Code }>(study, 'coding.code', { id: a.id })).code.categoryId).toBeNull();

    await call(study, 'coding.deleteCategory', { id: place.id });
    expect(await tree(study)).toEqual([['Keeping a rhythm', null, 0]]);
    const { codes } = await call<{ codes: Code[] }>(study, 'coding.codebook', {});
    expect(codes.map((code) => code.categoryId)).toEqual([null, null, null]);
    expect(await refused(study, 'coding.deleteCategory', { id: place.id })).toBe('category.missing');
    expect(await refused(study, 'coding.placeCodes', { codeIds: [a.id], categoryId: place.id })).toBe('category.missing');
  });
});
