import { describe, expect, it } from 'vitest';
import type { ComparedPassage, LineHit, MatrixRow, MemoHit } from '../../../shared/comparison/contract.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { matchExpression, rangesOf } from '../../../main/core/comparison/search.js';
import { addCategory, addCode, attributeId, code, codeLines, interviewWith, setAttribute, subsume } from './setup.js';

type Passages = { passages: ComparedPassage[]; participants: number };
const passages = async (study: FreshStudy, input: Record<string, unknown>) =>
  value<Passages>(await study.core.invoke('comparison.passages', { conditions: [], participantId: null, overlapping: null, ...input })).passages;
const brief = (list: ComparedPassage[]) => list.map((passage) => [passage.pseudonym, passage.fromLine, passage.toLine, passage.codeName, passage.subsumedBy?.name ?? null, passage.lines.map((line) => line.text).join(' / ')]);

/** Two anonymised interviews and a third that is raw. */
async function study3() {
  const study = await freshStudy();
  // Deltaker 10 is made first, so an order by id or by plain text would put it first.
  const ten = await interviewWith(study, 'Deltaker 10', 'I: Hvordan var gruppa?\nD: Jeg ble sett for første gang.\nD: Det var uvant.\nD: Etterpå gikk jeg hjem og gråt.');
  const two = await interviewWith(study, 'Deltaker 2', 'I: Fortell om hverdagen.\nD: Jeg står opp tidlig.\nD: Jeg ble sett av de andre i gruppa.\nD: Ingen hadde sett meg før.');
  const raw = await interviewWith(study, 'Deltaker 3', 'I: Hvem var med?\nD: Kari Nordmann fra Bodø var med.', { raw: true });
  return { study, ten, two, raw };
}

describe('passages of a code', () => {
  it('lists every passage across interviews by participant and line, with a focused code’s subsumed passages marked and the exact words', async () => {
    const { study, ten, two } = await study3();
    const beingSeen = addCode(study, 'being seen');
    const seenByOthers = addCode(study, 'seen by others');
    const feelingSeen = addCode(study, 'feeling seen', 'focused');
    subsume(study, feelingSeen, [beingSeen, seenByOthers]);
    code(study, beingSeen, ten, [2, 4], [2, 12]); // "ble sett"
    code(study, seenByOthers, two, [3, 4], [3, 40]); // "ble sett av de andre i gruppa." (40 is past the end)
    codeLines(study, feelingSeen, two, 3, 4); // both lines, whole
    code(study, beingSeen, two, [4, 6], [4, 999]); // past the end: cut at the line's end

    const focused = await passages(study, { source: { kind: 'code', id: feelingSeen } });
    expect(brief(focused)).toEqual([
      ['Deltaker 2', 3, 4, 'feeling seen', null, 'Jeg ble sett av de andre i gruppa. / Ingen hadde sett meg før.'],
      ['Deltaker 2', 3, 3, 'seen by others', 'feeling seen', 'ble sett av de andre i gruppa.'],
      ['Deltaker 2', 4, 4, 'being seen', 'feeling seen', 'hadde sett meg før.'],
      ['Deltaker 10', 2, 2, 'being seen', 'feeling seen', 'ble sett'],
    ]);
    const first = focused[1]!;
    expect(first).toMatchObject({ anonymised: true, transcriptId: two.transcript.id, participantId: two.participantId, heldAt: '2026-03-02T10:00', startLineId: two.line(3), startOffset: 4 });
    expect(first.lines).toEqual([{ lineId: two.line(3), position: 3, speaker: 'participant', text: 'ble sett av de andre i gruppa.' }]);

    // The initial code alone: only its own passages, not marked as subsumed.
    expect(brief(await passages(study, { source: { kind: 'code', id: beingSeen } }))).toEqual([
      ['Deltaker 2', 4, 4, 'being seen', null, 'hadde sett meg før.'],
      ['Deltaker 10', 2, 2, 'being seen', null, 'ble sett'],
    ]);
    // One participant (a matrix cell).
    expect(brief(await passages(study, { source: { kind: 'code', id: feelingSeen }, participantId: ten.participantId }))).toEqual([
      ['Deltaker 10', 2, 2, 'being seen', 'feeling seen', 'ble sett'],
    ]);
    expect(await study.core.invoke('comparison.passages', { source: { kind: 'code', id: 999 }, conditions: [], participantId: null, overlapping: null })).toEqual({
      ok: false,
      error: { code: 'comparison.notFound' },
    });
  });

  it('lists a category’s codes and its subcategories’ codes (with what they subsume), each coding once', async () => {
    const { study, ten, two } = await study3();
    const belonging = addCategory(study, 'Belonging');
    const seen = addCategory(study, '"Jeg ble sett"', belonging);
    const deeper = addCategory(study, 'Deeper', seen);
    const other = addCategory(study, 'Other');
    const group = addCode(study, 'finding the group', 'focused', belonging);
    const feelingSeen = addCode(study, 'feeling seen', 'focused', deeper);
    const crying = addCode(study, 'crying afterwards', 'focused', other);
    const beingSeen = addCode(study, 'being seen');
    subsume(study, feelingSeen, [beingSeen]);
    subsume(study, group, [beingSeen]); // found through two codes of the category: listed once
    codeLines(study, group, two, 3);
    code(study, beingSeen, ten, [2, 4], [2, 12]);
    codeLines(study, crying, ten, 4);

    expect(brief(await passages(study, { source: { kind: 'category', id: belonging } }))).toEqual([
      ['Deltaker 2', 3, 3, 'finding the group', null, 'Jeg ble sett av de andre i gruppa.'],
      ['Deltaker 10', 2, 2, 'being seen', 'finding the group', 'ble sett'],
    ]);
    expect(brief(await passages(study, { source: { kind: 'category', id: seen } }))).toEqual([['Deltaker 10', 2, 2, 'being seen', 'feeling seen', 'ble sett']]);
    expect(brief(await passages(study, { source: { kind: 'category', id: other } }))).toEqual([['Deltaker 10', 4, 4, 'crying afterwards', null, 'Etterpå gikk jeg hjem og gråt.']]);
    expect(await passages(study, { source: { kind: 'category', id: addCategory(study, 'Empty') } })).toEqual([]);
  });

  it('lists a raw transcript’s passages without their text, and never shows its words anywhere', async () => {
    const { study, two, raw } = await study3();
    const present = addCode(study, 'being present');
    codeLines(study, present, raw, 2);
    codeLines(study, present, two, 2);
    const list = await passages(study, { source: { kind: 'code', id: present } });
    expect(list.map((passage) => [passage.pseudonym, passage.anonymised, passage.lines])).toEqual([
      ['Deltaker 2', true, [{ lineId: two.line(2), position: 2, speaker: 'participant', text: 'Jeg står opp tidlig.' }]],
      ['Deltaker 3', false, []],
    ]);
    expect(list[1]).toMatchObject({ fromLine: 2, toLine: 2, transcriptId: raw.transcript.id });

    const context = await study.core.invoke('comparison.context', { transcriptId: raw.transcript.id, startLineId: raw.line(2), endLineId: raw.line(2), before: 5, after: 5 });
    expect(context).toEqual({ ok: false, error: { code: 'comparison.notAnonymised' } });
    const search = value<{ lines: LineHit[]; total: number }>(await study.core.invoke('comparison.search', { query: 'Kari', inTranscripts: true, inMemos: true }));
    expect(search).toEqual({ lines: [], total: 0, memos: [] });
    expect(value<{ total: number }>(await study.core.invoke('comparison.searchPassages', { query: 'med' })).total).toBe(0);

    // Nothing any comparison channel answers holds the raw transcript's words.
    const answers = [
      list,
      await study.core.invoke('comparison.matrix', { level: 'all', categoryId: null, conditions: [] }),
      await study.core.invoke('comparison.cooccurrence', { codeIds: [present], conditions: [] }),
      await study.core.invoke('comparison.options', {}),
    ];
    for (const word of ['Kari', 'Nordmann', 'Bodø', 'Hvem var med']) expect(JSON.stringify(answers)).not.toContain(word);
  });

  it('gives more context on demand: lines before and after, within the transcript', async () => {
    const { study, two } = await study3();
    const context = async (from: number, to: number, before: number, after: number) =>
      value<{ before: { position: number; text: string }[]; after: { position: number; text: string }[] }>(
        await study.core.invoke('comparison.context', { transcriptId: two.transcript.id, startLineId: two.line(from), endLineId: two.line(to), before, after }),
      );
    const around = await context(2, 3, 5, 1);
    expect(around.before.map((line) => [line.position, line.text])).toEqual([[1, 'Fortell om hverdagen.']]);
    expect(around.after.map((line) => [line.position, line.text])).toEqual([[4, 'Ingen hadde sett meg før.']]);
    expect(await context(3, 3, 1, 0)).toMatchObject({ before: [{ position: 2 }], after: [] });
    expect(await study.core.invoke('comparison.context', { transcriptId: two.transcript.id, startLineId: 'NoSuchLine01', endLineId: two.line(1), before: 1, after: 1 })).toEqual({
      ok: false,
      error: { code: 'comparison.notFound' },
    });
  });
});

describe('filtering by participant attributes', () => {
  it('keeps passages of participants whose date, number, choice and text attributes meet every condition', async () => {
    const { study, ten, two } = await study3();
    const five = await interviewWith(study, 'Deltaker 5', 'D: Jeg ble sett.');
    const seen = addCode(study, 'being seen');
    for (const interview of [ten, two, five]) codeLines(study, seen, interview, interview === five ? 1 : 2);
    setAttribute(study, ten.participantId, 'Gruppe fullført', '2024-05-01');
    setAttribute(study, two.participantId, 'Gruppe fullført', '2025-11-30');
    // Deltaker 5 has no date: a condition on it leaves her out.
    setAttribute(study, ten.participantId, 'Alder', '34');
    setAttribute(study, two.participantId, 'Alder', '52.5');
    setAttribute(study, five.participantId, 'Alder', '41');
    setAttribute(study, ten.participantId, 'Kjønn', 'Kvinne');
    setAttribute(study, two.participantId, 'Kjønn', 'Mann');
    setAttribute(study, five.participantId, 'Kjønn', 'Kvinne');
    setAttribute(study, two.participantId, 'Bosituasjon', 'Bor alene');
    setAttribute(study, five.participantId, 'Bosituasjon', 'bor ALENE ');

    const who = async (conditions: unknown[]) =>
      (await passages(study, { source: { kind: 'code', id: seen }, conditions })).map((passage) => passage.pseudonym);
    const completed = attributeId(study, 'Gruppe fullført');
    const age = attributeId(study, 'Alder');
    expect(await who([])).toEqual(['Deltaker 2', 'Deltaker 5', 'Deltaker 10']);
    // Completed the group more than a year before 2026-03-01.
    expect(await who([{ kind: 'dates', attributeId: completed, from: null, to: '2025-03-01' }])).toEqual(['Deltaker 10']);
    expect(await who([{ kind: 'dates', attributeId: completed, from: '2025-03-01', to: null }])).toEqual(['Deltaker 2']);
    expect(await who([{ kind: 'dates', attributeId: completed, from: '2024-05-01', to: '2025-11-30' }])).toEqual(['Deltaker 2', 'Deltaker 10']);
    expect(await who([{ kind: 'range', attributeId: age, min: 40, max: null }])).toEqual(['Deltaker 2', 'Deltaker 5']);
    expect(await who([{ kind: 'range', attributeId: age, min: 34, max: 41 }])).toEqual(['Deltaker 5', 'Deltaker 10']);
    expect(await who([{ kind: 'equals', attributeId: attributeId(study, 'Kjønn'), value: 'Kvinne' }])).toEqual(['Deltaker 5', 'Deltaker 10']);
    expect(await who([{ kind: 'equals', attributeId: attributeId(study, 'Bosituasjon'), value: 'bor alene' }])).toEqual(['Deltaker 2', 'Deltaker 5']);
    // Every condition must hold.
    expect(
      await who([
        { kind: 'equals', attributeId: attributeId(study, 'Kjønn'), value: 'Kvinne' },
        { kind: 'range', attributeId: age, min: 40, max: null },
      ]),
    ).toEqual(['Deltaker 5']);
    expect(await who([{ kind: 'equals', attributeId: attributeId(study, 'Kjønn'), value: 'Annet' }])).toEqual([]);
    expect(await study.core.invoke('comparison.passages', { source: { kind: 'code', id: seen }, conditions: [{ kind: 'equals', attributeId: 999, value: 'x' }], participantId: null, overlapping: null })).toEqual({
      ok: false,
      error: { code: 'attribute.notFound' },
    });
  });
});

describe('the code × participant matrix', () => {
  it('counts passages per code and participant, a focused code with what it subsumes, by level and category', async () => {
    const { study, ten, two, raw } = await study3();
    const belonging = addCategory(study, 'Belonging');
    const sub = addCategory(study, 'Sub', belonging);
    const beingSeen = addCode(study, 'being seen');
    const present = addCode(study, 'being present');
    const feelingSeen = addCode(study, 'feeling seen', 'focused', sub);
    const crying = addCode(study, 'crying', 'focused');
    subsume(study, feelingSeen, [beingSeen]);
    codeLines(study, beingSeen, ten, 2);
    codeLines(study, beingSeen, two, 3);
    codeLines(study, beingSeen, two, 4);
    codeLines(study, feelingSeen, two, 3, 4);
    codeLines(study, present, raw, 2);
    codeLines(study, crying, ten, 4);

    const matrix = async (level: string, categoryId: number | null, conditions: unknown[] = []) =>
      value<{ participants: { id: number; pseudonym: string }[]; rows: MatrixRow[] }>(await study.core.invoke('comparison.matrix', { level, categoryId, conditions }));
    const all = await matrix('all', null);
    expect(all.participants.map((participant) => participant.pseudonym)).toEqual(['Deltaker 2', 'Deltaker 3', 'Deltaker 10']);
    const counts = Object.fromEntries(all.rows.map((row) => [row.name, [...row.counts, row.total]]));
    expect(counts).toEqual({
      'being present': [0, 1, 0, 1],
      'being seen': [2, 0, 1, 3],
      'crying': [0, 0, 1, 1],
      'feeling seen': [3, 0, 1, 4],
    });
    expect((await matrix('initial', null)).rows.map((row) => row.name)).toEqual(['being present', 'being seen']);
    expect((await matrix('focused', belonging)).rows.map((row) => row.name)).toEqual(['feeling seen']);
    setAttribute(study, ten.participantId, 'Kjønn', 'Kvinne');
    const women = await matrix('focused', null, [{ kind: 'equals', attributeId: attributeId(study, 'Kjønn'), value: 'Kvinne' }]);
    expect(women.participants.map((participant) => participant.pseudonym)).toEqual(['Deltaker 10']);
    expect(women.rows.map((row) => [row.name, row.counts])).toEqual([
      ['crying', [1]],
      ['feeling seen', [1]],
    ]);

    // A cell's passages are exactly as many as its count.
    for (const row of all.rows) {
      for (const [index, participant] of all.participants.entries()) {
        expect((await passages(study, { source: { kind: 'code', id: row.codeId }, participantId: participant.id })).length, `${row.name} × ${participant.pseudonym}`).toBe(row.counts[index]);
      }
    }
  });
});

describe('code co-occurrence', () => {
  it('counts the passages of one code that overlap a passage of another, in line and offset order', async () => {
    const { study, ten, two } = await study3();
    const a = addCode(study, 'a', 'focused');
    const b = addCode(study, 'b', 'focused');
    const c = addCode(study, 'c', 'focused');
    const initial = addCode(study, 'i');
    subsume(study, c, [initial]);
    // In Deltaker 2's line 3: a covers "Jeg ble sett", b covers "sett av de" (they share "sett").
    code(study, a, two, [3, 0], [3, 12]);
    code(study, b, two, [3, 8], [3, 18]);
    // a on lines 2–3 of Deltaker 10 ending at offset 5 of line 3; b starting at that very offset: they only touch.
    code(study, a, ten, [2, 0], [3, 5]);
    code(study, b, ten, [3, 5], [4, 3]); // "ar uvant." and "Ett"
    // b across lines 3–4 of Deltaker 10 meets c's subsumed code on line 4.
    code(study, initial, ten, [4, 0], [4, 10]);
    // A passage of a in another transcript where b is not.
    codeLines(study, a, two, 1);

    const result = value<{ codes: { name: string }[]; counts: (number | null)[][] }>(await study.core.invoke('comparison.cooccurrence', { codeIds: [], conditions: [] }));
    expect(result.codes.map((code) => code.name)).toEqual(['a', 'b', 'c']);
    expect(result.counts).toEqual([
      [null, 1, 0],
      [1, null, 1],
      [0, 1, null],
    ]);
    const chosen = value<{ codes: { name: string }[]; counts: (number | null)[][] }>(await study.core.invoke('comparison.cooccurrence', { codeIds: [initial, b], conditions: [] }));
    expect(chosen.codes.map((code) => code.name)).toEqual(['i', 'b']);
    expect(chosen.counts).toEqual([
      [null, 1],
      [1, null],
    ]);
    // Click-through: a's passages that overlap b.
    expect(brief(await passages(study, { source: { kind: 'code', id: a }, overlapping: b }))).toEqual([['Deltaker 2', 3, 3, 'a', null, 'Jeg ble sett']]);
    expect(brief(await passages(study, { source: { kind: 'code', id: b }, overlapping: c }))).toEqual([['Deltaker 10', 3, 4, 'b', null, 'ar uvant. / Ett']]);
  });
});

describe('full-text search', () => {
  const search = async (study: FreshStudy, query: string, inMemos = false) =>
    value<{ lines: LineHit[]; total: number; memos: MemoHit[] }>(await study.core.invoke('comparison.search', { query, inTranscripts: true, inMemos }));
  const found = (hits: LineHit[]) => hits.map((hit) => [hit.pseudonym, hit.position, hit.ranges.map(([from, to]) => hit.text.slice(from, to)).join('|')]);

  it('finds words in any order, phrases, prefixes and words without their accents, by participant and line, marking the words', async () => {
    const { study } = await study3();
    expect(found((await search(study, 'sett ble')).lines)).toEqual([
      ['Deltaker 2', 3, 'ble|sett'],
      ['Deltaker 10', 2, 'ble|sett'],
    ]);
    expect(found((await search(study, '"sett av"')).lines)).toEqual([['Deltaker 2', 3, 'sett av']]);
    expect(found((await search(study, 'grup*')).lines)).toEqual([
      ['Deltaker 2', 3, 'gruppa'],
      ['Deltaker 10', 1, 'gruppa'],
    ]);
    expect(found((await search(study, 'etterpa')).lines)).toEqual([['Deltaker 10', 4, 'Etterpå']]);
    const hit = (await search(study, 'hjem')).lines[0]!;
    expect(hit).toMatchObject({ text: 'Etterpå gikk jeg hjem og gråt.', speaker: 'participant', position: 4, heldAt: '2026-03-02T10:00' });
    expect((await search(study, 'ingenting')).total).toBe(0);
  });

  it('marks the same words as FTS5’s own highlight() would', async () => {
    const { study } = await study3();
    await interviewWith(study, 'Deltaker 7', 'D: Ærlig talt så jeg ÅPNET døra, og «gruppa» åpnet seg.\nD: Gruppa-gruppa var gruppas greie, ikke grupper.\nD: Café og cafe er det samme her.');
    const db = study.core.session.require().db;
    for (const query of ['gruppa', 'grup*', '"ble sett"', 'apnet', 'cafe', 'ærlig døra', '"gruppa gruppa"', 'jeg ble*']) {
      for (const hit of (await search(study, query)).lines) {
        const marked = db.read((reader) =>
          reader
            .query<{ marked: string }>(
              "SELECT highlight(transcript_line_fts, 0, char(57344), char(57345)) AS marked FROM transcript_line_fts WHERE transcript_line_fts MATCH ? AND rowid = (SELECT rowid FROM transcript_line WHERE id = ?)",
            )
            .get(matchExpression(query)!, hit.lineId)!.marked,
        );
        expect(hit.ranges, `${query} in “${hit.text}”`).toEqual(rangesOf(marked, hit.text).ranges);
      }
    }
  });

  it('never fails on what is typed: search syntax, quotes, brackets and symbols are only text', async () => {
    const { study } = await study3();
    const hostile = [
      '',
      '   ',
      '"',
      '""',
      '"unterminated phrase',
      'sett"',
      '*',
      'sett*',
      '***',
      'NEAR(ble sett)',
      'ble AND',
      'OR',
      'NOT sett',
      'ble OR sett',
      '(',
      ')',
      'text:sett',
      '{text}: sett',
      '^sett',
      '-sett',
      '+',
      "'; DROP TABLE transcript_line; --",
      'sett\u0000ble',
      '\uE000sett\uE001',
      '😀 sett',
      'a'.repeat(500),
      '" OR "" "',
    ];
    for (const query of hostile) {
      const result = await study.core.invoke('comparison.search', { query, inTranscripts: true, inMemos: true });
      expect(result.ok, JSON.stringify(query)).toBe(true);
      const passagesResult = await study.core.invoke('comparison.searchPassages', { query });
      expect(passagesResult.ok, JSON.stringify(query)).toBe(true);
    }
    // Words that are search syntax are searched for as words.
    expect(found((await search(study, 'NOT sett')).lines)).toEqual([]);
    expect((await search(study, 'ble OR sett')).total).toBe(0);
    expect(found((await search(study, 'sett"')).lines)).toHaveLength(3);
    expect(found((await search(study, 'text:sett')).lines)).toEqual([]);
    // The study is whole.
    expect((await search(study, 'gruppa')).total).toBe(2);
  });

  it('finds memos with an excerpt, and every result line as a whole-line passage for coding', async () => {
    const { study, two } = await study3();
    const seen = addCode(study, 'being seen');
    study.core.session.require().db.write((writer) => {
      const now = '2026-03-04T09:00:00.000Z';
      writer
        .statement("INSERT INTO memo (guid, title, body_text, code_id, created_at, updated_at) VALUES ('m-1', 'Being seen', 'Å bli sett av andre er kjernen i gruppa.', ?, ?, ?)")
        .run(seen, now, now);
      writer
        .statement(
          "INSERT INTO memo (guid, title, body_text, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at) VALUES ('m-2', '', 'Hun sier gruppa så henne.', ?, ?, 0, ?, 5, ?, ?)",
        )
        .run(two.transcript.id, two.line(3), two.line(4), '2026-03-05T09:00:00.000Z', now);
    });
    const result = await search(study, 'gruppa', true);
    expect(result.memos.map((memo) => [memo.id > 0, memo.about.kind, memo.excerpt, memo.ranges.map(([from, to]) => memo.excerpt.slice(from, to))])).toEqual([
      [true, 'passage', 'Hun sier gruppa så henne.', ['gruppa']],
      [true, 'code', 'Å bli sett av andre er kjernen i gruppa.', ['gruppa']],
    ]);
    expect(result.memos[0]!.about).toEqual({ kind: 'passage', transcriptId: two.transcript.id, lineId: two.line(3), endLineId: two.line(4), pseudonym: 'Deltaker 2', fromLine: 3 });
    expect(result.memos[1]!.about).toEqual({ kind: 'code', id: seen, name: 'being seen' });
    expect((await search(study, 'gruppa', false)).memos).toEqual([]);

    const all = value<{ passages: unknown[]; total: number }>(await study.core.invoke('comparison.searchPassages', { query: 'gruppa' }));
    expect(all.total).toBe(2);
    expect(all.passages[0]).toEqual({ transcriptId: two.transcript.id, startLineId: two.line(3), startOffset: 0, endLineId: two.line(3), endOffset: 'Jeg ble sett av de andre i gruppa.'.length });
  });
});
