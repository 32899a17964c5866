import { describe, expect, it } from 'vitest';
import type { Code, Coding, Passage } from '../../../shared/coding/contract.js';
import { apply, call, codingStudy, createCode, dump, refused, span, wholeLine } from './setup.js';

const text = 'I: Hvordan var det å komme dit?\nD: De så meg. Jeg ble sett. Ingen hadde spurt før.\nI: Og senere?\nD: Jeg gikk hver uke. Det ga rytme.';
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('applying a code', () => {
  it('makes a coding of each passage, within or across lines, with a GUID, and answers them', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const code = await createCode(study, 'feeling seen');
    const passages = [wholeLine(t, 1), span(t, 2, 4, 4, 10), span(t, 3, 0, 3, 3)];
    const codings = await apply(study, code.id, ...passages);
    expect(codings.map(({ id: _id, ...rest }) => rest)).toEqual(passages.map((passage) => ({ ...passage, codeId: code.id })));
    expect((await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings).toEqual(codings);
    const guids = study.core.session.require().db.read((reader) => reader.query<{ guid: string }>('SELECT guid FROM coding').all());
    for (const { guid } of guids) expect(guid).toMatch(uuidV4);
  });

  it('does not code the same passage twice with the same code', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const code = await createCode(study, 'feeling seen');
    const [first] = await apply(study, code.id, wholeLine(t, 1));
    const again = await apply(study, code.id, wholeLine(t, 1), wholeLine(t, 1), wholeLine(t, 2));
    expect(again[0]!.id).toBe(first!.id);
    expect(again).toHaveLength(2);
    expect((await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings).toHaveLength(2);
    // Another code on the same passage is a coding of its own: codes overlap.
    const other = await createCode(study, 'being noticed');
    await apply(study, other.id, wholeLine(t, 1));
    expect((await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings).toHaveLength(3);
  });

  it('makes a new code by name in the same step, or uses the one of that level and name', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const made = await call<{ code: Code; codings: Coding[] }>(study, 'coding.apply', { code: { name: 'feeling seen', level: 'initial' }, passages: [wholeLine(t, 1)] });
    expect(made.code).toMatchObject({ name: 'feeling seen', level: 'initial', codings: 1, interviews: 1 });
    const reused = await call<{ code: Code }>(study, 'coding.apply', { code: { name: 'Feeling seen', level: 'initial' }, passages: [wholeLine(t, 3)] });
    expect(reused.code).toMatchObject({ id: made.code.id, codings: 2 });
    // One undo takes back the coding and the code made with it.
    await call(study, 'coding.undo', {});
    await call(study, 'coding.undo', {});
    expect((await call<{ codes: Code[] }>(study, 'coding.codebook', {})).codes).toEqual([]);
  });

  it('refuses a passage that does not fit its transcript, changing nothing', async () => {
    const { study, transcripts } = await codingStudy(text, 'D: En annen samtale.');
    const [t, other] = transcripts as [(typeof transcripts)[0], (typeof transcripts)[0]];
    const code = await createCode(study, 'feeling seen');
    await apply(study, code.id, wholeLine(t, 0));
    const before = dump(study);
    const line = t.content[1]!;
    const bad: Passage[] = [
      { ...wholeLine(t, 1), startLineId: 'NoSuchLine01' },
      { ...wholeLine(t, 1), endLineId: other.content[0]!.id },
      { ...wholeLine(other, 0), transcriptId: t.id },
      span(t, 3, 0, 1, 2),
      span(t, 1, 5, 1, 5),
      span(t, 1, 6, 1, 2),
      { ...wholeLine(t, 1), endOffset: line.text.length + 1 },
      { ...span(t, 1, 0, 2, 1), startOffset: line.text.length + 1 },
    ];
    for (const passage of bad) {
      // The whole action is refused, the valid passage beside the bad one included.
      expect(await refused(study, 'coding.apply', { code: { id: code.id }, passages: [wholeLine(t, 2), passage] }), JSON.stringify(passage)).toBe('coding.passageInvalid');
    }
    expect(await refused(study, 'coding.apply', { code: { id: code.id }, passages: [{ ...wholeLine(t, 1), transcriptId: 999 }] })).toBe('transcript.missing');
    expect(await refused(study, 'coding.apply', { code: { id: code.id + 50 }, passages: [wholeLine(t, 1)] })).toBe('code.missing');
    expect(dump(study)).toEqual(before);
  });

  it('codes only anonymised transcripts', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    study.core.session.require().db.write((writer) => writer.statement("UPDATE transcript SET state = 'raw', anonymised_at = NULL WHERE id = ?").run(t.id));
    const code = await createCode(study, 'feeling seen');
    const before = dump(study);
    expect(await refused(study, 'coding.apply', { code: { id: code.id }, passages: [wholeLine(t, 1)] })).toBe('coding.transcriptNotAnonymised');
    expect(await refused(study, 'coding.apply', { code: { name: 'new code', level: 'initial' }, passages: [wholeLine(t, 1)] })).toBe('coding.transcriptNotAnonymised');
    expect(dump(study)).toEqual(before);
  });
});

describe('adjusting and removing codings', () => {
  it('changes a coding’s extent within its transcript, checked as a new passage is', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const code = await createCode(study, 'feeling seen');
    const [coding] = await apply(study, code.id, wholeLine(t, 1));
    const extent = { startLineId: t.content[1]!.id, startOffset: 7, endLineId: t.content[3]!.id, endOffset: 4 };
    const adjusted = (await call<{ coding: Coding }>(study, 'coding.adjust', { id: coding!.id, ...extent })).coding;
    expect(adjusted).toEqual({ id: coding!.id, codeId: code.id, transcriptId: t.id, ...extent });
    const before = dump(study);
    expect(await refused(study, 'coding.adjust', { id: coding!.id, ...extent, endLineId: t.content[0]!.id })).toBe('coding.passageInvalid');
    expect(await refused(study, 'coding.adjust', { id: coding!.id + 9, ...extent })).toBe('coding.missing');
    expect(dump(study)).toEqual(before);
  });

  it('joins a coding adjusted onto a passage its code already has', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const code = await createCode(study, 'feeling seen');
    const [first, second] = await apply(study, code.id, wholeLine(t, 1), wholeLine(t, 2));
    const whole = wholeLine(t, 1);
    const adjusted = (await call<{ coding: Coding }>(study, 'coding.adjust', { id: second!.id, startLineId: whole.startLineId, startOffset: 0, endLineId: whole.endLineId, endOffset: whole.endOffset })).coding;
    expect(adjusted.id).toBe(first!.id);
    expect((await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings).toEqual([first]);
  });

  it('removes codings, refusing ids that are not codings', async () => {
    const { study, transcripts } = await codingStudy(text);
    const t = transcripts[0]!;
    const code = await createCode(study, 'feeling seen');
    const [first, second] = await apply(study, code.id, wholeLine(t, 1), wholeLine(t, 2));
    const before = dump(study);
    expect(await refused(study, 'coding.remove', { ids: [first!.id, 999] })).toBe('coding.missing');
    expect(dump(study)).toEqual(before);
    await call(study, 'coding.remove', { ids: [first!.id] });
    expect((await call<{ codings: Coding[] }>(study, 'coding.transcriptCodings', { transcriptId: t.id })).codings).toEqual([second]);
    expect(await refused(study, 'coding.transcriptCodings', { transcriptId: 999 })).toBe('transcript.missing');
  });
});
