import { describe, expect, it } from 'vitest';
import { parseUndoLabel, undoLabel, type Category, type Code, type Coding, type UndoState } from '../../../shared/coding/contract.js';
import type { Transcript } from '../../../shared/transcripts/contract.js';
import type { FreshStudy } from '../../helpers/study.js';
import { undoStepsKept, withUndoStep } from '../../../main/core/coding/undo.js';
import { apply, call, codingStudy, createCode, dump, refused, span, wholeLine, type UndoAnswer } from './setup.js';

const text = 'I: Hvordan var det å komme dit?\nD: De så meg. Jeg ble sett. Ingen hadde spurt før.\nI: Og senere?\nD: Jeg gikk hver uke. Det ga rytme.';

/** A study with some of everything: codes at both levels, codings, links, categories with codes, a memo about a code. */
async function seeded(): Promise<{ study: FreshStudy; t: Transcript; seen: Code; heard: Code; rhythm: Code; place: Code; codings: Coding[]; top: Category; sub: Category }> {
  const { study, transcripts } = await codingStudy(text, text);
  const t = transcripts[0]!;
  const seen = await createCode(study, 'feeling seen');
  const heard = await createCode(study, 'being heard');
  const rhythm = await createCode(study, 'keeping a rhythm');
  const codings = [...(await apply(study, seen.id, wholeLine(t, 1), span(t, 1, 0, 3, 4))), ...(await apply(study, heard.id, wholeLine(t, 1), wholeLine(transcripts[1]!, 3)))];
  await apply(study, rhythm.id, wholeLine(t, 3));
  const place = (await call<{ code: Code }>(study, 'coding.raise', { initialCodeIds: [seen.id, heard.id], focused: { name: 'Finding a place' } })).code;
  const top = (await call<{ category: Category }>(study, 'coding.createCategory', { name: 'Belonging', parentId: null })).category;
  const sub = (await call<{ category: Category }>(study, 'coding.createCategory', { name: 'Being seen', parentId: top.id })).category;
  await call(study, 'coding.createCategory', { name: 'Rhythm', parentId: null });
  await call(study, 'coding.placeCodes', { codeIds: [place.id], categoryId: sub.id });
  study.core.session.require().db.write((writer) => {
    const at = new Date().toISOString();
    writer.statement('INSERT INTO memo (guid, title, code_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(crypto.randomUUID(), 'On being heard', heard.id, at, at);
  });
  return { study, t, seen, heard, rhythm, place, codings, top, sub };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;

const actions: { action: string; channel: string; input: (s: Seeded) => unknown }[] = [
  { action: 'apply', channel: 'coding.apply', input: (s) => ({ code: { id: s.rhythm.id }, passages: [wholeLine(s.t, 0), span(s.t, 0, 3, 2, 2)] }) },
  { action: 'apply', channel: 'coding.apply', input: (s) => ({ code: { name: 'going weekly', level: 'initial' }, passages: [wholeLine(s.t, 3)] }) },
  { action: 'adjust', channel: 'coding.adjust', input: (s) => ({ id: s.codings[0]!.id, startLineId: s.t.content[1]!.id, startOffset: 3, endLineId: s.t.content[2]!.id, endOffset: 2 }) },
  { action: 'remove', channel: 'coding.remove', input: (s) => ({ ids: [s.codings[0]!.id, s.codings[2]!.id] }) },
  { action: 'createCode', channel: 'coding.createCode', input: () => ({ level: 'initial', name: 'holding on', definition: 'Keeping going' }) },
  { action: 'updateCode', channel: 'coding.updateCode', input: (s) => ({ id: s.seen.id, name: 'being seen', colour: '#123456', definition: 'New' }) },
  { action: 'deleteCodes', channel: 'coding.deleteCodes', input: (s) => ({ ids: [s.heard.id, s.place.id] }) },
  { action: 'mergeCodes', channel: 'coding.mergeCodes', input: (s) => ({ sourceIds: [s.heard.id, s.rhythm.id], targetId: s.seen.id }) },
  { action: 'splitCode', channel: 'coding.splitCode', input: (s) => ({ id: s.seen.id, newName: 'seen by staff', codingIds: [s.codings[1]!.id] }) },
  { action: 'raise', channel: 'coding.raise', input: (s) => ({ initialCodeIds: [s.rhythm.id], focused: { id: s.place.id } }) },
  { action: 'raise', channel: 'coding.raise', input: (s) => ({ initialCodeIds: [s.rhythm.id, s.seen.id], focused: { name: 'Holding a routine' } }) },
  { action: 'unraise', channel: 'coding.unraise', input: (s) => ({ focusedCodeId: s.place.id, initialCodeIds: [s.heard.id] }) },
  { action: 'createCategory', channel: 'coding.createCategory', input: (s) => ({ name: 'Seen at home', parentId: s.sub.id }) },
  { action: 'updateCategory', channel: 'coding.updateCategory', input: (s) => ({ id: s.top.id, name: 'Belonging somewhere', colour: '#654321', quoteId: null }) },
  { action: 'moveCategory', channel: 'coding.moveCategory', input: (s) => ({ id: s.sub.id, parentId: null, position: 0 }) },
  { action: 'deleteCategory', channel: 'coding.deleteCategory', input: (s) => ({ id: s.top.id }) },
  { action: 'placeCodes', channel: 'coding.placeCodes', input: (s) => ({ codeIds: [s.rhythm.id, s.place.id], categoryId: s.top.id, position: 0 }) },
];

const state = async (study: FreshStudy) => (await call<{ undo: UndoState }>(study, 'coding.codebook', {})).undo;

describe('undo and redo', () => {
  it.each(actions.map((entry, index) => ({ ...entry, name: `${entry.action} #${index}` })))(
    'of $name restore exactly the rows before, and after',
    async ({ action, channel, input }) => {
      const s = await seeded();
      const before = dump(s.study);
      const answer = await call<{ undo: UndoState }>(s.study, channel, input(s));
      const after = dump(s.study);
      expect(after).not.toEqual(before);
      expect(parseUndoLabel(answer.undo.undo!.label)?.action).toBe(action);
      expect(answer.undo.redo).toBeNull();

      const undone = await call<UndoAnswer>(s.study, 'coding.undo', {});
      expect(dump(s.study)).toEqual(before);
      expect(undone.label).toBe(answer.undo.undo!.label);
      expect(undone.undo.redo!.label).toBe(answer.undo.undo!.label);

      const redone = await call<UndoAnswer>(s.study, 'coding.redo', {});
      expect(dump(s.study)).toEqual(after);
      expect(redone.label).toBe(answer.undo.undo!.label);
      expect(redone.undo).toEqual({ undo: { label: answer.undo.undo!.label }, redo: null });

      // And back again, as often as the researcher likes.
      await call(s.study, 'coding.undo', {});
      expect(dump(s.study)).toEqual(before);
      await call(s.study, 'coding.redo', {});
      expect(dump(s.study)).toEqual(after);
    },
  );

  it('walk back through the whole seeded history to an empty analysis, and forward again', async () => {
    const s = await seeded();
    const full = dump(s.study);
    const memoFree = { ...full, memo: [] };
    // The memo was written outside any coding action: undo leaves it alone.
    let undone: UndoAnswer;
    let steps = 0;
    do {
      undone = await call<UndoAnswer>(s.study, 'coding.undo', {});
      if (undone.label !== null) steps += 1;
    } while (undone.label !== null);
    expect(steps).toBe(11);
    const empty = dump(s.study);
    for (const table of ['code', 'code_history', 'code_subsumes', 'category', 'coding']) expect(empty[table], table).toEqual([]);
    for (let step = 0; step < steps; step += 1) await call(s.study, 'coding.redo', {});
    expect({ ...dump(s.study), memo: [] }).toEqual(memoFree);
    expect((await call<UndoAnswer>(s.study, 'coding.redo', {})).label).toBeNull();
  });

  it('name the action and what it concerned, for the Edit menu', async () => {
    const s = await seeded();
    const answer = await call<{ undo: UndoState }>(s.study, 'coding.apply', { code: { id: s.seen.id }, passages: [wholeLine(s.t, 0), wholeLine(s.t, 2)] });
    expect(parseUndoLabel(answer.undo.undo!.label)).toEqual({ action: 'apply', names: ['feeling seen'], count: 2 });
    const renamed = await call<{ undo: UndoState }>(s.study, 'coding.updateCode', { id: s.seen.id, name: 'being seen', colour: s.seen.colour, definition: '' });
    expect(parseUndoLabel(renamed.undo.undo!.label)).toEqual({ action: 'updateCode', names: ['feeling seen', 'being seen'], count: 2 });
    expect(parseUndoLabel('Undo something')).toBeNull();
  });

  it('a new action clears what could be redone', async () => {
    const s = await seeded();
    await call(s.study, 'coding.createCode', { level: 'initial', name: 'holding on' });
    await call(s.study, 'coding.undo', {});
    expect((await state(s.study)).redo).not.toBeNull();
    await call(s.study, 'coding.createCode', { level: 'initial', name: 'letting go' });
    const now = await state(s.study);
    expect(now.redo).toBeNull();
    expect(parseUndoLabel(now.undo!.label)).toMatchObject({ action: 'createCode', names: ['letting go'] });
    expect((await call<UndoAnswer>(s.study, 'coding.redo', {})).label).toBeNull();
  });

  it('a refused action leaves no step, and an action that changed nothing neither (what could be redone stays)', async () => {
    const s = await seeded();
    await call(s.study, 'coding.createCode', { level: 'initial', name: 'holding on' });
    await call(s.study, 'coding.undo', {});
    const before = await state(s.study);
    expect(await refused(s.study, 'coding.createCode', { level: 'initial', name: 'Feeling seen' })).toBe('code.nameTaken');
    expect(await state(s.study)).toEqual(before);
    // The same passage again, the same name and colour again: nothing changes.
    await call(s.study, 'coding.apply', { code: { id: s.seen.id }, passages: [wholeLine(s.t, 1)] });
    await call(s.study, 'coding.updateCode', { id: s.seen.id, name: s.seen.name, colour: s.seen.colour, definition: s.seen.definition });
    expect(await state(s.study)).toEqual(before);
  });

  it('with nothing to undo or redo answers no label and changes nothing', async () => {
    const { study } = await codingStudy(text);
    expect(await call<UndoAnswer>(study, 'coding.undo', {})).toEqual({ label: null, undo: { undo: null, redo: null } });
    expect(await call<UndoAnswer>(study, 'coding.redo', {})).toEqual({ label: null, undo: { undo: null, redo: null } });
  });

  it(`keeps the last ${undoStepsKept} steps`, async () => {
    const { study } = await codingStudy(text);
    const db = study.core.session.require().db;
    for (let index = 0; index < undoStepsKept + 5; index += 1) await createCode(study, `code ${index}`);
    const steps = db.read((reader) => reader.query<{ n: number; oldest: string }>("SELECT count(*) AS n, min(id) AS oldest FROM coding_undo_step WHERE stack = 'undo'").get()!);
    expect(steps.n).toBe(undoStepsKept);
    const orphans = db.read((reader) => reader.query<{ n: number }>('SELECT count(*) AS n FROM coding_undo_sql WHERE step_id NOT IN (SELECT id FROM coding_undo_step)').get()!);
    expect(orphans.n).toBe(0);
  });

  it('has nothing to undo once the transcript a step concerned is deleted (the deletion empties the history)', async () => {
    const s = await seeded();
    await call(s.study, 'coding.remove', { ids: [s.codings[0]!.id] });
    expect((await state(s.study)).undo).not.toBeNull();
    await call(s.study, 'transcripts.delete', { id: s.t.id });
    expect(await state(s.study)).toEqual({ undo: null, redo: null });
    const before = dump(s.study);
    expect(await call<{ label: string | null }>(s.study, 'coding.undo', {})).toMatchObject({ label: null });
    expect(dump(s.study)).toEqual(before);
  });
});

describe('undo after the transcript was edited', () => {
  it('refuses to bring back a coding on a line that is gone, and forgets the history', async () => {
    const s = await seeded();
    await call(s.study, 'coding.remove', { ids: [s.codings[0]!.id] });
    // The line the removed coding was on is deleted from the transcript (outside any coding action).
    const transcript = await call<Transcript>(s.study, 'transcripts.get', { id: s.t.id });
    const order = transcript.content.filter((line) => line.id !== s.t.content[1]!.id).map((line) => line.id);
    await call(s.study, 'transcripts.save', { id: s.t.id, baseRevision: transcript.revision, order, lines: [] });
    const before = dump(s.study);
    expect(await refused(s.study, 'coding.undo', {})).toBe('coding.undoUnavailable');
    expect(dump(s.study)).toEqual(before);
    expect(await state(s.study)).toEqual({ undo: null, redo: null });
  });
});

describe('withUndoStep, as other features use it', () => {
  it('makes one step of nested work, labels it from the result, and leaves none when the work throws', async () => {
    const { study } = await codingStudy(text);
    const db = study.core.session.require().db;
    const insert = (writer: Parameters<Parameters<typeof db.write>[0]>[0], name: string) =>
      writer
        .statement("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES (?, 'initial', ?, '#2f6fb0', 'x', 'x')")
        .run(crypto.randomUUID(), name);
    db.write((writer) =>
      withUndoStep(
        writer,
        (names: string[]) => undoLabel('createCode', names),
        () => {
          insert(writer, 'one');
          withUndoStep(writer, undoLabel('createCode', ['two']), () => insert(writer, 'two'));
          return ['one', 'two'];
        },
      ),
    );
    expect(() =>
      db.write((writer) =>
        withUndoStep(writer, undoLabel('createCode', ['three']), () => {
          insert(writer, 'three');
          throw new Error('refused');
        }),
      ),
    ).toThrow('refused');
    const steps = db.read((reader) => reader.query<{ label: string }>('SELECT label FROM coding_undo_step').all());
    expect(steps.map((step) => parseUndoLabel(step.label))).toEqual([{ action: 'createCode', names: ['one', 'two'], count: 2 }]);
    expect(db.read((reader) => reader.query<{ step_id: number | null }>('SELECT step_id FROM coding_undo_state').get())).toEqual({ step_id: null });
    await call(study, 'coding.undo', {});
    expect(dump(study)['code']).toEqual([]);
  });

  it('runs the undo log’s statements without keeping them in the connection’s statement cache', async () => {
    const s = await seeded();
    const db = s.study.core.session.require().db as unknown as { statements: Map<string, unknown> };
    await call(s.study, 'coding.deleteCodes', { ids: [s.seen.id, s.heard.id, s.rhythm.id] });
    await call(s.study, 'coding.undo', {});
    await call(s.study, 'coding.redo', {});
    const cached = db.statements.size;
    await call(s.study, 'coding.undo', {});
    await call(s.study, 'coding.redo', {});
    expect(db.statements.size).toBe(cached);
    expect([...db.statements.keys()].some((sql) => /WHERE rowid = \d+$/.test(sql))).toBe(false);
  });
});
