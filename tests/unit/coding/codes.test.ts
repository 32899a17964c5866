import { describe, expect, it } from 'vitest';
import type { Code, CodeHistoryEntry, Coding } from '../../../shared/coding/contract.js';
import { palette } from '../../../main/core/coding/codes.js';
import type { FreshStudy } from '../../helpers/study.js';
import { apply, call, codingStudy, createCode, dump, refused, span, wholeLine } from './setup.js';

const text = 'I: Hvordan var det å komme dit?\nD: De så meg. Jeg ble sett. Ingen hadde spurt før.\nI: Og senere?\nD: Jeg gikk hver uke. Det ga rytme.';
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function codebook(study: FreshStudy): Promise<Code[]> {
  return (await call<{ codes: Code[] }>(study, 'coding.codebook', {})).codes;
}

async function history(study: FreshStudy, id: number): Promise<CodeHistoryEntry[]> {
  return (await call<{ history: CodeHistoryEntry[] }>(study, 'coding.code', { id })).history;
}

function guids(study: FreshStudy, table: 'code' | 'coding' | 'category'): string[] {
  return study.core.session.require().db.read((reader) => reader.query<{ guid: string }>(`SELECT guid FROM ${table} ORDER BY id`).all().map((row) => row.guid));
}

function addMemo(study: FreshStudy, codeId: number, title: string): number {
  return study.core.session.require().db.write((writer) => {
    const at = new Date().toISOString();
    return Number(
      writer
        .statement('INSERT INTO memo (guid, title, code_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(crypto.randomUUID(), title, codeId, at, at).lastInsertRowid,
    );
  });
}

describe('codes', () => {
  it('are made with a GUID, a colour of the palette, an empty definition and a "created" history', async () => {
    const { study } = await codingStudy(text);
    const first = await createCode(study, 'feeling seen');
    const second = await createCode(study, 'keeping a rhythm');
    expect(first).toMatchObject({ level: 'initial', name: 'feeling seen', definition: '', codings: 0, interviews: 0, linked: [], memos: 0, categoryId: null });
    expect(first.colour).toBe(palette[0]);
    // The least used colour comes next, so codes made one after another differ.
    expect(second.colour).toBe(palette[1]);
    const chosen = (await call<{ code: Code }>(study, 'coding.createCode', { level: 'focused', name: 'Finding a place', colour: '#123abc', definition: 'Where one belongs' })).code;
    expect(chosen).toMatchObject({ colour: '#123abc', definition: 'Where one belongs', level: 'focused' });
    expect(guids(study, 'code')).toHaveLength(3);
    for (const guid of guids(study, 'code')) expect(guid).toMatch(uuidV4);
    expect(new Set(guids(study, 'code')).size).toBe(3);
    expect(await history(study, first.id)).toEqual([{ kind: 'created', names: [], at: first.createdAt }]);
  });

  it('refuses a name already used at the same level, whatever its letter case, and allows it at the other level', async () => {
    const { study } = await codingStudy(text);
    const code = await createCode(study, 'feeling seen');
    const before = dump(study);
    expect(await refused(study, 'coding.createCode', { level: 'initial', name: 'Feeling Seen' })).toBe('code.nameTaken');
    expect(await refused(study, 'coding.createCode', { level: 'initial', name: '  feeling seen ' })).toBe('code.nameTaken');
    expect(dump(study)).toEqual(before);
    await createCode(study, 'Feeling seen', 'focused');
    const other = await createCode(study, 'being heard');
    expect(await refused(study, 'coding.updateCode', { id: other.id, name: 'FEELING SEEN', colour: other.colour, definition: '' })).toBe('code.nameTaken');
    // Its own name in another case is a rename, not a clash.
    const renamed = (await call<{ code: Code }>(study, 'coding.updateCode', { id: code.id, name: 'Feeling seen', colour: code.colour, definition: '' })).code;
    expect(renamed.name).toBe('Feeling seen');
  });

  it('keep a rename in the history, with the old name', async () => {
    const { study } = await codingStudy(text);
    const code = await createCode(study, 'feeling seen');
    await call(study, 'coding.updateCode', { id: code.id, name: 'being seen', colour: '#3a8a4f', definition: 'Noticed by the group' });
    await call(study, 'coding.updateCode', { id: code.id, name: 'being seen', colour: '#3a8a4f', definition: 'Noticed by the group leader' });
    const updated = (await call<{ code: Code }>(study, 'coding.code', { id: code.id })).code;
    expect(updated).toMatchObject({ name: 'being seen', colour: '#3a8a4f', definition: 'Noticed by the group leader' });
    expect((await history(study, code.id)).map((entry) => [entry.kind, entry.names])).toEqual([
      ['created', []],
      ['renamed', ['feeling seen']],
    ]);
  });

  it('count their codings, interviews, memos and links in the codebook', async () => {
    const { study, transcripts } = await codingStudy(text, text);
    const [a, b] = transcripts as [(typeof transcripts)[0], (typeof transcripts)[0]];
    const seen = await createCode(study, 'feeling seen');
    const rhythm = await createCode(study, 'keeping a rhythm');
    await apply(study, seen.id, wholeLine(a, 1), wholeLine(a, 2), wholeLine(b, 1));
    await apply(study, rhythm.id, span(a, 4, 0, 5, 5));
    addMemo(study, seen.id, 'About being seen');
    addMemo(study, seen.id, 'More');
    const focused = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [seen.id, rhythm.id], focused: { name: 'Finding a place' } })).code;
    const codes = await codebook(study);
    const byName = new Map(codes.map((code) => [code.name, code]));
    expect(byName.get('feeling seen')).toMatchObject({ codings: 3, interviews: 2, memos: 2, linked: [focused.id] });
    expect(byName.get('keeping a rhythm')).toMatchObject({ codings: 1, interviews: 1, memos: 0, linked: [focused.id] });
    expect(byName.get('Finding a place')).toMatchObject({ level: 'focused', codings: 0, interviews: 0, linked: [seen.id, rhythm.id] });
    // What is found under the focused code: the subsumed codes' codings, and the interviews they are in.
    expect(byName.get('Finding a place')!.found).toEqual({ codings: 4, interviews: 2 });
    expect(byName.get('feeling seen')!.found).toBeUndefined();
    // Its own coding counts too, in the list and for the code alone.
    await apply(study, focused.id, wholeLine(b, 2));
    expect((await codebook(study)).find((code) => code.id === focused.id)!.found).toEqual({ codings: 5, interviews: 2 });
    expect((await call<{ code: Code }>(study, 'coding.code', { id: focused.id })).code).toMatchObject({ codings: 1, interviews: 1, found: { codings: 5, interviews: 2 } });
  });

  it('are deleted with their codings; their memos become free memos', async () => {
    const { study, transcripts } = await codingStudy(text);
    const seen = await createCode(study, 'feeling seen');
    await apply(study, seen.id, wholeLine(transcripts[0]!, 1));
    const memo = addMemo(study, seen.id, 'About being seen');
    await call(study, 'coding.deleteCodes', { ids: [seen.id] });
    expect(await codebook(study)).toEqual([]);
    expect(dump(study)['coding']).toEqual([]);
    expect(study.core.session.require().db.read((reader) => reader.query<{ code_id: number | null }>('SELECT code_id FROM memo WHERE id = ?').get(memo))).toEqual({ code_id: null });
    expect(await refused(study, 'coding.deleteCodes', { ids: [seen.id] })).toBe('code.missing');
  });
});

describe('merging codes', () => {
  it('moves codings (one of each passage), links and memos to the target, deletes the sources and says so in its history', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const seen = await createCode(study, 'feeling seen');
    const noticed = await createCode(study, 'being noticed');
    const heard = await createCode(study, 'being heard');
    await apply(study, seen.id, wholeLine(t, 1));
    await apply(study, noticed.id, wholeLine(t, 1), wholeLine(t, 2));
    await apply(study, heard.id, wholeLine(t, 3));
    const memo = addMemo(study, noticed.id, 'Noticed');
    const focused = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [heard.id], focused: { name: 'Finding a place' } })).code;
    const merged = (await call<{ code: Code }>(study, 'coding.mergeCodes', { sourceIds: [noticed.id, heard.id], targetId: seen.id })).code;
    expect(merged).toMatchObject({ id: seen.id, name: 'feeling seen', codings: 3, interviews: 1, memos: 1, linked: [focused.id] });
    const codings = (await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings;
    expect(codings.map((coding) => [coding.codeId, coding.startLineId])).toEqual([
      [seen.id, t.content[1]!.id],
      [seen.id, t.content[2]!.id],
      [seen.id, t.content[3]!.id],
    ]);
    expect((await codebook(study)).map((code) => code.name).sort()).toEqual(['Finding a place', 'feeling seen']);
    const entries = await history(study, seen.id);
    expect(entries.map((entry) => [entry.kind, entry.names])).toEqual([
      ['created', []],
      ['mergedFrom', ['being noticed', 'being heard']],
    ]);
    // The sources' own histories are kept in the merge's entry.
    const detail = study.core.session
      .require()
      .db.read((reader) => reader.query<{ detail: string }>("SELECT detail FROM code_history WHERE code_id = ? AND kind = 'mergedFrom'").get(seen.id)!);
    expect(JSON.parse(detail.detail)).toMatchObject({
      names: ['being noticed', 'being heard'],
      ids: [noticed.id, heard.id],
      sources: [
        { id: noticed.id, name: 'being noticed', history: [{ kind: 'created' }] },
        { id: heard.id, name: 'being heard', history: [{ kind: 'created' }, { kind: 'raisedInto', names: ['Finding a place'] }] },
      ],
    });
    expect(study.core.session.require().db.read((reader) => reader.query<{ code_id: number }>('SELECT code_id FROM memo WHERE id = ?').get(memo))).toEqual({ code_id: seen.id });
    expect((await call<{ code: Code }>(study, 'coding.code', { id: focused.id })).code.linked).toEqual([seen.id]);
  });

  it('refuses a target among the sources, or a missing code, changing nothing', async () => {
    const { study } = await codingStudy(text);
    const seen = await createCode(study, 'feeling seen');
    const before = dump(study);
    expect(await refused(study, 'coding.mergeCodes', { sourceIds: [seen.id], targetId: seen.id })).toBe('input.invalid');
    expect(await refused(study, 'coding.mergeCodes', { sourceIds: [seen.id + 10], targetId: seen.id })).toBe('code.missing');
    expect(await refused(study, 'coding.mergeCodes', { sourceIds: [seen.id], targetId: seen.id + 10 })).toBe('code.missing');
    expect(dump(study)).toEqual(before);
  });
});

describe('splitting a code', () => {
  it('moves the codings listed to a new code of the same level, linked and placed as the code is, with history on both', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const seen = await createCode(study, 'feeling seen');
    const [first, second, third] = await apply(study, seen.id, wholeLine(t, 1), wholeLine(t, 2), wholeLine(t, 3));
    const focused = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [seen.id], focused: { name: 'Finding a place' } })).code;
    const { kept, created } = await call<{ kept: Code; created: Code }>(study, 'coding.splitCode', {
      id: seen.id,
      newName: 'being seen by staff',
      codingIds: [second!.id, third!.id],
    });
    expect(kept).toMatchObject({ id: seen.id, codings: 1, linked: [focused.id] });
    expect(created).toMatchObject({ name: 'being seen by staff', level: 'initial', codings: 2, linked: [focused.id] });
    expect(created.id).not.toBe(seen.id);
    const codings = (await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings;
    expect(codings.map((coding) => [coding.id, coding.codeId])).toEqual([
      [first!.id, seen.id],
      [second!.id, created.id],
      [third!.id, created.id],
    ]);
    expect((await history(study, seen.id)).map((entry) => [entry.kind, entry.names])).toEqual([
      ['created', []],
      ['raisedInto', ['Finding a place']],
      ['splitInto', ['being seen by staff']],
    ]);
    expect((await history(study, created.id)).map((entry) => [entry.kind, entry.names])).toEqual([['splitFrom', ['feeling seen']]]);
  });

  it('refuses codings of another code and a name taken, changing nothing', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const seen = await createCode(study, 'feeling seen');
    const other = await createCode(study, 'keeping a rhythm');
    const [mine] = await apply(study, seen.id, wholeLine(t, 1));
    const [theirs] = await apply(study, other.id, wholeLine(t, 3));
    const before = dump(study);
    expect(await refused(study, 'coding.splitCode', { id: seen.id, newName: 'x', codingIds: [theirs!.id] })).toBe('coding.missing');
    expect(await refused(study, 'coding.splitCode', { id: seen.id, newName: 'Keeping a rhythm', codingIds: [mine!.id] })).toBe('code.nameTaken');
    expect(dump(study)).toEqual(before);
  });
});

describe('raising initial codes', () => {
  it('links them under a new or existing focused code, keeping them, with history on both sides', async () => {
    const { study } = await codingStudy(text);
    const seen = await createCode(study, 'feeling seen');
    const heard = await createCode(study, 'being heard');
    const made = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [seen.id], focused: { name: 'Finding a place' } })).code;
    expect(made).toMatchObject({ level: 'focused', name: 'Finding a place', linked: [seen.id] });
    // By name again: the same focused code, whatever the letter case.
    const again = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [heard.id, seen.id], focused: { name: 'finding a place' } })).code;
    expect(again).toMatchObject({ id: made.id, linked: [seen.id, heard.id] });
    expect((await codebook(study)).filter((code) => code.level === 'initial')).toHaveLength(2);
    expect((await history(study, made.id)).map((entry) => [entry.kind, entry.names])).toEqual([
      ['created', []],
      ['raisedFrom', ['feeling seen']],
      ['raisedFrom', ['being heard']],
    ]);
    expect((await history(study, heard.id)).map((entry) => [entry.kind, entry.names])).toEqual([
      ['created', []],
      ['raisedInto', ['Finding a place']],
    ]);
    await call(study, 'coding.unraise', { focusedCodeId: made.id, initialCodeIds: [seen.id] });
    expect((await call<{ code: Code }>(study, 'coding.code', { id: made.id })).code.linked).toEqual([heard.id]);
  });

  it('refuses a focused code as one to raise, or an initial code to raise into', async () => {
    const { study } = await codingStudy(text);
    const seen = await createCode(study, 'feeling seen');
    const focused = await createCode(study, 'Finding a place', 'focused');
    const before = dump(study);
    expect(await refused(study, 'coding.raise', { initialCodeIds: [focused.id], focused: { name: 'Other' } })).toBe('code.wrongLevel');
    expect(await refused(study, 'coding.raise', { initialCodeIds: [seen.id], focused: { id: seen.id } })).toBe('code.wrongLevel');
    expect(dump(study)).toEqual(before);
  });
});
