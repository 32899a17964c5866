import { describe, expect, it } from 'vitest';
import {
  clampAnchor,
  LineRun,
  mapPosition,
  mapThroughRun,
  passageText,
  replacementHunks,
  textHunks,
  type Anchor,
  type Hunk,
  type Side,
} from '../../../main/core/coding/anchors.js';
import type { Review } from '../../../shared/anonymisation/contract.js';
import type { Transcript } from '../../../shared/transcripts/contract.js';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import { freshStudy, queryPlan, value, type FreshStudy } from '../../helpers/study.js';
import { seedTranscript } from '../anonymisation/seed.js';

// ── The pure mapping ────────────────────────────────────────────────────────────────────────

/** Applies hunks to a text (to check that they describe the edit). */
function apply(before: string, after: string, hunks: readonly Hunk[]): string {
  let text = '';
  let at = 0;
  for (const hunk of hunks) {
    text += before.slice(at, hunk.oldStart) + after.slice(hunk.newStart, hunk.newEnd);
    at = hunk.oldEnd;
  }
  return text + before.slice(at);
}

/** A passage [start, end) of one line through an edit of that line: the text it covers after. */
function through(before: string, after: string, start: number, end: number): string | null {
  const old = new LineRun([{ id: 'line00', text: before }]);
  const now = new LineRun([{ id: 'line00', text: after }]);
  const hunks = textHunks(before, after);
  const map = (offset: number, side: Side) => mapThroughRun(old, now, hunks, { lineId: 'line00', offset }, side)!.offset;
  const [s, e] = [map(start, 'start'), map(end, 'end')];
  return s >= e ? null : after.slice(s, e);
}

/** The same with the passage given by its words: `[` and `]` mark it in `marked`. */
function coded(marked: string, after: string): string | null {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return through(marked.replace('[', '').replace(']', ''), after, start, end);
}

describe('anchors: positions through a change of one line', () => {
  it('finds hunks that rebuild the new text, each change apart', () => {
    const cases: [string, string][] = [
      ['I felt seen', 'I felt seen'],
      ['I fellt seen', 'I felt seen'],
      ['I felt seen', 'Yes, I really felt seen today'],
      ['Ola sa hei', '[NAVN 1] sa hei'],
      ['Hello world', ''],
      ['', 'Hello world'],
      ['a b c d e f', 'a X c d Y f'],
      ['Jeg følte meg sett 😊 av henne', 'Jeg følte meg sett 😀 av ho'],
      ['the the the', 'the the'],
    ];
    for (const [before, after] of cases) {
      const hunks = textHunks(before, after);
      expect(apply(before, after, hunks), `${before} → ${after}`).toBe(after);
      for (const [index, hunk] of hunks.entries()) {
        expect(hunk.oldStart).toBeLessThanOrEqual(hunk.oldEnd);
        if (index > 0) expect(hunk.oldStart, 'hunks never touch').toBeGreaterThan(hunks[index - 1]!.oldEnd);
      }
    }
    // A changed emoji is replaced whole: no half of a surrogate pair is kept.
    const emoji = textHunks('sett 😊 av', 'sett 😀 av');
    expect(emoji).toEqual([{ oldStart: 5, oldEnd: 7, newStart: 5, newEnd: 7 }]);
    // Two edits far apart in one save are two hunks, so what lies between does not move.
    expect(textHunks('a b c d e f', 'a X c d Y f')).toHaveLength(2);
  });

  it('keeps a passage on its words through a typo before, inside and after it', () => {
    expect(coded('I fellt [really seen] by her', 'I felt really seen by her')).toBe('really seen');
    expect(coded('I felt [really seen] by her', 'Oh, I felt really seen by her')).toBe('really seen');
    expect(coded('I felt [realy seen] by her', 'I felt really seen by her')).toBe('really seen');
    expect(coded('I felt [really seen] by her', 'I felt [really sen by her'.replace('[', ''))).toBe('really sen');
    expect(coded('I felt [really seen] by her', 'I felt really seen by hre')).toBe('really seen');
    // Text typed exactly at a passage's edge (inside the line) stays outside it.
    expect(coded('I felt [seen] by her', 'I felt truly seen by her')).toBe('seen');
    expect(coded('I felt [seen] by her', 'I felt seen, truly, by her')).toBe('seen');
  });

  it('keeps a whole line whole when words are added at either end; a part ending at the line end keeps reaching it', () => {
    expect(coded('[I felt seen]', 'I felt seen by her')).toBe('I felt seen by her');
    expect(coded('[I felt seen]', 'Yes, I felt seen')).toBe('Yes, I felt seen');
    expect(coded('I felt [seen]', 'I felt seen at last')).toBe('seen at last');
    expect(coded('[I felt] seen', 'Oh I felt seen')).toBe('Oh I felt');
  });

  it('keeps replaced words inside a passage that covered them, and drops a passage only when all its words are deleted', () => {
    expect(coded('[Ola] sa hei', '[NAVN 1] sa hei')).toBe('[NAVN 1]');
    expect(coded('Da sa [Ola hei]', 'Da sa Kari hei')).toBe('Kari hei');
    expect(coded('I felt [really] seen', 'I felt seen')).toBeNull();
    expect(coded('I felt [really seen]', 'I felt')).toBeNull();
    expect(coded('I [felt really] seen', 'I seen')).toBeNull();
    // Part of it left: kept, on what is left (which of the two spaces went cannot be told).
    expect(['felt', 'felt ']).toContain(coded('I [felt really] seen', 'I felt seen'));
    expect(coded('[I felt really seen]', '')).toBeNull();
  });

  it('maps a split and a join through lines joined by a break', () => {
    const split = (before: string, parts: [string, string], start: number, end: number) => {
      const old = new LineRun([{ id: 'lineAA', text: before }]);
      const now = new LineRun([
        { id: 'lineAA', text: parts[0] },
        { id: 'lineBB', text: parts[1] },
      ]);
      const hunks = textHunks(old.text, now.text);
      return [mapThroughRun(old, now, hunks, { lineId: 'lineAA', offset: start }, 'start'), mapThroughRun(old, now, hunks, { lineId: 'lineAA', offset: end }, 'end')];
    };
    // "Hello world, this is me": split after "world, ".
    expect(split('Hello world, this is me', ['Hello world, ', 'this is me'], 6, 17)).toEqual([
      { lineId: 'lineAA', offset: 6 },
      { lineId: 'lineBB', offset: 4 },
    ]);
    expect(split('Hello world, this is me', ['Hello world, ', 'this is me'], 13, 17)).toEqual([
      { lineId: 'lineBB', offset: 0 },
      { lineId: 'lineBB', offset: 4 },
    ]);
    expect(split('Hello world, this is me', ['Hello world,', 'this is me'], 0, 23)).toEqual([
      { lineId: 'lineAA', offset: 0 },
      { lineId: 'lineBB', offset: 10 },
    ]);
    // A join, with or without a space between.
    for (const glue of ['', ' ']) {
      const old = new LineRun([
        { id: 'lineAA', text: 'Hello' },
        { id: 'lineBB', text: 'world' },
      ]);
      const now = new LineRun([{ id: 'lineAA', text: `Hello${glue}world` }]);
      const hunks = textHunks(old.text, now.text);
      expect(mapThroughRun(old, now, hunks, { lineId: 'lineBB', offset: 0 }, 'start')).toEqual({ lineId: 'lineAA', offset: 5 + glue.length });
      expect(mapThroughRun(old, now, hunks, { lineId: 'lineBB', offset: 5 }, 'end')).toEqual({ lineId: 'lineAA', offset: 10 + glue.length });
      expect(mapThroughRun(old, now, hunks, { lineId: 'lineAA', offset: 5 }, 'end')).toEqual({ lineId: 'lineAA', offset: 5 });
    }
  });

  it('maps through the review’s replacements as given, touching ones as one', () => {
    const hunks = replacementHunks([
      { start: 21, end: 25, replacement: '[STED 1]' },
      { start: 10, end: 23 - 10, replacement: '[NAVN 1]' },
    ]);
    expect(hunks).toEqual([
      { oldStart: 10, oldEnd: 13, newStart: 10, newEnd: 18 },
      { oldStart: 21, oldEnd: 25, newStart: 26, newEnd: 34 },
    ]);
    expect(replacementHunks([
      { start: 0, end: 3, replacement: 'X' },
      { start: 3, end: 5, replacement: 'YY' },
    ])).toEqual([{ oldStart: 0, oldEnd: 5, newStart: 0, newEnd: 3 }]);
    expect(mapPosition(hunks, 10, 'start')).toBe(10);
    expect(mapPosition(hunks, 13, 'end')).toBe(18);
    expect(mapPosition(hunks, 14, 'start')).toBe(19);
    expect(mapPosition(hunks, 30, 'end')).toBe(39);
  });

  it('on many random edits of one line: a passage the edit does not touch keeps its words, one it falls inside takes the edit, none is ever inverted', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const words = ['jeg', 'følte', 'meg', 'sett', 'av', 'henne', 'og', 'det', 'var', 'godt', ',', '.', 'ikke'];
    const sentence = (n: number) => Array.from({ length: n }, () => words[random(words.length)]).join(' ');
    for (let round = 0; round < 3000; round += 1) {
      const before = sentence(3 + random(12));
      const start = random(before.length);
      const end = start + 1 + random(before.length - start);
      const from = random(before.length + 1);
      const to = from + random(Math.min(6, before.length - from) + 1);
      // Typed text is marked and shares no word with the line, so where it went cannot be mistaken;
      // a deletion's place can be (which "og" of two), so for deletions only the length is checked.
      const insert = random(3) === 0 ? '' : `#${['ny', 'ord', 'her', 'ikkje'][random(4)]}#`;
      const after = before.slice(0, from) + insert + before.slice(to);
      const result = through(before, after, start, end);
      const label = `${JSON.stringify(before)} [${start},${end}) edit [${from},${to}) → ${JSON.stringify(insert)}`;
      if (result === null) {
        // Gone only if every character of it was deleted and nothing replaced them.
        expect(insert, label).toBe('');
        expect(to - from, label).toBeGreaterThanOrEqual(end - start);
      } else if (insert !== '' && (to < start || from > end)) {
        // Not touching the passage (a character between): the same words.
        expect(result, label).toBe(before.slice(start, end));
      } else if (insert !== '' && from > start && to < end) {
        // Inside it: the passage is the edited words.
        expect(result, label).toBe(before.slice(start, from) + insert + before.slice(to, end));
      } else if (insert !== '' && from <= start && to >= end) {
        // All of it replaced: the replacement.
        expect(result, label).toBe(insert);
      } else {
        expect(after.includes(result), label).toBe(true);
        if (insert === '' && (to < start || from > end)) expect(result.length, label).toBe(end - start);
      }
    }
  });
});

describe('anchors: made safe to show', () => {
  const lines = [
    { id: 'lineAA', text: 'Hello' },
    { id: 'lineBB', text: 'world' },
  ];
  it('clamps offsets past a line’s end and refuses a passage on a line that is gone or turned round', () => {
    const anchor = (startLineId: string, startOffset: number, endLineId: string, endOffset: number): Anchor => ({ startLineId, startOffset, endLineId, endOffset });
    expect(clampAnchor(lines, anchor('lineAA', 2, 'lineBB', 40))).toEqual(anchor('lineAA', 2, 'lineBB', 5));
    expect(passageText(lines, anchor('lineAA', 2, 'lineBB', 40))).toBe('llo\nworld');
    expect(passageText(lines, anchor('lineAA', 9, 'lineAA', 12))).toBe('');
    expect(clampAnchor(lines, anchor('lineAA', 0, 'goneXX', 3))).toBeNull();
    expect(clampAnchor(lines, anchor('lineBB', 0, 'lineAA', 3))).toBeNull();
    expect(clampAnchor(lines, anchor('lineAA', 4, 'lineAA', 2))).toBeNull();
  });
});

// ── Through the core: saves, the review, in a real encrypted study ────────────────────────

const tables = ['coding', 'quote', 'memo'] as const;
type Table = (typeof tables)[number];

function db(study: FreshStudy) {
  return study.core.session.require().db.connection;
}

/** Stores a coding (with its code), a quote or a passage memo straight into the study. */
function anchor(study: FreshStudy, table: Table, transcriptId: number, passage: Anchor, tag = 'x'): number {
  const connection = db(study);
  const now = '2026-04-01T10:00:00.000Z';
  const values = [transcriptId, passage.startLineId, passage.startOffset, passage.endLineId, passage.endOffset, now];
  const guid = `${table}-${tag}-${Math.random()}`;
  if (table === 'coding') {
    let codeId = connection.prepare("SELECT id FROM code WHERE name = 'feeling seen'").pluck().get() as number | undefined;
    codeId ??= Number(
      connection.prepare("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES ('c1', 'initial', 'feeling seen', '#336699', ?, ?)").run(now, now)
        .lastInsertRowid,
    );
    return Number(
      connection
        .prepare('INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(guid, codeId, ...values).lastInsertRowid,
    );
  }
  if (table === 'quote') {
    return Number(
      connection
        .prepare('INSERT INTO quote (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at, wording) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(guid, ...values, now, 'Jeg følte meg sett').lastInsertRowid,
    );
  }
  return Number(
    connection
      .prepare(
        "INSERT INTO memo (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at, title, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Om dette', 'Notat')",
      )
      .run(guid, ...values, now).lastInsertRowid,
  );
}

function stored(study: FreshStudy, table: Table, id: number): Anchor | null {
  const row = db(study)
    .prepare(`SELECT start_line_id AS startLineId, start_offset AS startOffset, end_line_id AS endLineId, end_offset AS endOffset FROM ${table} WHERE id = ?`)
    .get(id) as Anchor | undefined;
  return row ?? null;
}

async function transcript(study: FreshStudy, id: number): Promise<Transcript> {
  return value<Transcript>(await study.core.invoke('transcripts.get', { id }));
}

/** The words a stored passage covers now (null: the row is gone). */
async function words(study: FreshStudy, table: Table, transcriptId: number, id: number): Promise<string | null> {
  const row = stored(study, table, id);
  if (!row) return null;
  const lines = (await transcript(study, transcriptId)).content;
  expect(clampAnchor(lines, row), `${table} ${id} is valid as stored`).toEqual(row);
  return passageText(lines, row);
}

/**
 * Saves `content` as the editor does: only the lines new or changed since the stored text, and the
 * order only when a line came, went or moved. New lines are `{ id, text }` with a fresh id.
 */
async function save(study: FreshStudy, transcriptId: number, content: { id: string; text: string }[]): Promise<void> {
  const current = await transcript(study, transcriptId);
  const stored = new Map(current.content.map((line) => [line.id, line]));
  const lines: TranscriptLine[] = content
    .filter((line) => stored.get(line.id)?.text !== line.text)
    .map((line) => ({ id: line.id, text: line.text, speaker: stored.get(line.id)?.speaker ?? 'participant', timestampMs: null }));
  const sameOrder = content.length === current.content.length && content.every((line, index) => current.content[index]!.id === line.id);
  value(
    await study.core.invoke('transcripts.save', {
      id: transcriptId,
      baseRevision: current.revision,
      order: sameOrder ? null : content.map((line) => line.id),
      lines,
    }),
  );
}

function at(startLineId: string, startOffset: number, endLineId: string, endOffset: number): Anchor {
  return { startLineId, startOffset, endLineId, endOffset };
}

describe('anchors through the editor’s saves', () => {
  for (const table of tables) {
    it(`${table}: a typo fixed before, inside and after a passage; words added to a whole line`, async () => {
      const study = await freshStudy();
      const { transcriptId, lineIds } = seedTranscript(study, ['Hvordan var det?', 'Jeg følte meg virkelig sett av henne.', 'Det var godt.']);
      const [, line2, line3] = lineIds as [string, string, string];
      const seen = anchor(study, table, transcriptId, at(line2, 14, line2, 27)); // "virkelig sett"
      const whole = anchor(study, table, transcriptId, at(line3, 0, line3, 13)); // "Det var godt."
      const across = anchor(study, table, transcriptId, at(line2, 28, line3, 3)); // "av henne.\nDet"
      expect(await words(study, table, transcriptId, seen)).toBe('virkelig sett');
      expect(await words(study, table, transcriptId, across)).toBe('av henne.\nDet');

      const lines = (texts: string[]) => lineIds.map((id, index) => ({ id, text: texts[index]! }));
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkelig sett av henne.', 'Det var godt.']));
      expect(await words(study, table, transcriptId, seen)).toBe('virkelig sett');
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkeli sett av henne.', 'Det var godt.']));
      expect(await words(study, table, transcriptId, seen)).toBe('virkeli sett');
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkelig sett av henne.', 'Det var godt.']));
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkelig sett av hene.', 'Det var godt.']));
      expect(await words(study, table, transcriptId, seen)).toBe('virkelig sett');
      expect(await words(study, table, transcriptId, across)).toBe('av hene.\nDet');
      // Words added at the end and the start of a whole coded line: still the whole line.
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkelig sett av hene.', 'Det var godt, egentlig.']));
      await save(study, transcriptId, lines(['Hvordan var det?', 'Jeg følte meg meg virkelig sett av hene.', 'Ja. Det var godt, egentlig.']));
      expect(await words(study, table, transcriptId, whole)).toBe('Ja. Det var godt, egentlig.');
      expect(await words(study, table, transcriptId, across)).toBe('av hene.\nJa. Det');
    });
  }

  it('a split across a coding makes it span both lines; one beside it moves to the new line or stays', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, ['Jeg følte meg sett, og så gikk jeg hjem.', 'Ja.']);
    const [line1, line2] = lineIds as [string, string];
    const spanning = anchor(study, 'coding', transcriptId, at(line1, 14, line1, 28)); // "sett, og så gi"
    const head = anchor(study, 'coding', transcriptId, at(line1, 0, line1, 18)); // "Jeg følte meg sett"
    const tail = anchor(study, 'quote', transcriptId, at(line1, 20, line1, 40)); // "og så gikk jeg hjem."
    const wholeLine = anchor(study, 'memo', transcriptId, at(line1, 0, line1, 40));
    // Enter after "sett, ": the first part keeps the id, the rest is a new line.
    await save(study, transcriptId, [
      { id: line1, text: 'Jeg følte meg sett, ' },
      { id: 'newLine0001', text: 'og så gikk jeg hjem.' },
      { id: line2, text: 'Ja.' },
    ]);
    expect(stored(study, 'coding', spanning)).toEqual(at(line1, 14, 'newLine0001', 8));
    expect(await words(study, 'coding', transcriptId, spanning)).toBe('sett, \nog så gi');
    expect(stored(study, 'coding', head)).toEqual(at(line1, 0, line1, 18));
    expect(stored(study, 'quote', tail)).toEqual(at('newLine0001', 0, 'newLine0001', 20));
    expect(stored(study, 'memo', wholeLine)).toEqual(at(line1, 0, 'newLine0001', 20));
  });

  it('a join moves the joined line’s passages onto the line before, after its old text', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, ['Jeg følte meg sett', 'av henne.', 'Ja.']);
    const [line1, line2, line3] = lineIds as [string, string, string];
    const onSecond = anchor(study, 'coding', transcriptId, at(line2, 3, line2, 9)); // "henne."
    const across = anchor(study, 'quote', transcriptId, at(line1, 14, line2, 2)); // "sett\nav"
    const first = anchor(study, 'memo', transcriptId, at(line1, 0, line1, 18));
    // Backspace at the start of line 2: its text goes onto line 1 (18 long) with a space typed between.
    await save(study, transcriptId, [
      { id: line1, text: 'Jeg følte meg sett av henne.' },
      { id: line3, text: 'Ja.' },
    ]);
    expect(stored(study, 'coding', onSecond)).toEqual(at(line1, 22, line1, 28));
    expect(await words(study, 'coding', transcriptId, onSecond)).toBe('henne.');
    expect(await words(study, 'quote', transcriptId, across)).toBe('sett av');
    expect(stored(study, 'memo', first)).toEqual(at(line1, 0, line1, 18));
    // Without a space: offset + the old length of line 1.
    const again = seedTranscript(study, ['Første', 'andre']);
    const second = anchor(study, 'coding', again.transcriptId, at(again.lineIds[1]!, 0, again.lineIds[1]!, 5));
    await save(study, again.transcriptId, [{ id: again.lineIds[0]!, text: 'Førsteandre' }]);
    expect(stored(study, 'coding', second)).toEqual(at(again.lineIds[0]!, 6, again.lineIds[0]!, 11));
  });

  it('lines deleted: ends move to the nearest text left; a passage goes only when all its text went', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, ['En.', 'To to.', 'Tre tre.', 'Fire.', 'Fem.']);
    const [l1, l2, l3, l4, l5] = lineIds as [string, string, string, string, string];
    const onFour = anchor(study, 'coding', transcriptId, at(l4, 0, l4, 5));
    const onlyDeleted = anchor(study, 'coding', transcriptId, at(l2, 0, l3, 8));
    const memoOnDeleted = anchor(study, 'memo', transcriptId, at(l2, 0, l3, 8));
    const partDeleted = anchor(study, 'quote', transcriptId, at(l2, 3, l4, 4)); // "to.\nTre tre.\nFire"
    const fromBefore = anchor(study, 'memo', transcriptId, at(l1, 0, l2, 2));
    const spanning = anchor(study, 'coding', transcriptId, at(l1, 1, l5, 2));
    const kept = anchor(study, 'coding', transcriptId, at(l5, 0, l5, 4));
    await save(study, transcriptId, [
      { id: l1, text: 'En.' },
      { id: l4, text: 'Fire.' },
      { id: l5, text: 'Fem.' },
    ]);
    expect(stored(study, 'coding', onlyDeleted)).toBeNull();
    // A memo whose passage is all gone keeps what the researcher wrote, as a free memo.
    expect(db(study).prepare('SELECT transcript_id, start_line_id, end_line_id, title, body_text FROM memo WHERE id = ?').get(memoOnDeleted)).toEqual({
      transcript_id: null,
      start_line_id: null,
      end_line_id: null,
      title: 'Om dette',
      body_text: 'Notat',
    });
    expect(stored(study, 'quote', partDeleted)).toEqual(at(l4, 0, l4, 4));
    expect(stored(study, 'memo', fromBefore)).toEqual(at(l1, 0, l1, 3));
    expect(stored(study, 'coding', spanning)).toEqual(at(l1, 1, l5, 2));
    expect(stored(study, 'coding', kept)).toEqual(at(l5, 0, l5, 4));
    // A typo fixed in one line and the next line deleted in the same save: the deleted line's
    // passages go, though its last characters happen to match the retyped line's.
    await save(study, transcriptId, [
      { id: l1, text: 'Ee.' },
      { id: l5, text: 'Fem.' },
    ]);
    expect(await words(study, 'coding', transcriptId, spanning)).toBe('e.\nFe');
    expect(stored(study, 'memo', fromBefore)).toEqual(at(l1, 0, l1, 3));
    expect(stored(study, 'quote', partDeleted)).toBeNull();
    expect(stored(study, 'coding', onFour)).toBeNull();
    // Deleting the middle of two lines and joining them.
    const two = seedTranscript(study, ['Jeg følte meg sett', 'av henne hver dag.']);
    const [a, b] = two.lineIds as [string, string];
    const onB = anchor(study, 'coding', two.transcriptId, at(b, 9, b, 18)); // "hver dag."
    const acrossCut = anchor(study, 'coding', two.transcriptId, at(a, 10, b, 2)); // "meg sett\nav"
    await save(study, two.transcriptId, [{ id: a, text: 'Jeg følte hver dag.' }]);
    expect(await words(study, 'coding', two.transcriptId, onB)).toBe('hver dag.');
    expect(stored(study, 'coding', acrossCut)).toBeNull();
  });

  it('lines moved: passages stay with their lines', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, ['En.', 'To.', 'Tre.', 'Fire.']);
    const [l1, l2, l3, l4] = lineIds as [string, string, string, string];
    const onThree = anchor(study, 'coding', transcriptId, at(l3, 0, l3, 4));
    const oneToTwo = anchor(study, 'quote', transcriptId, at(l1, 1, l2, 2));
    const twoToThree = anchor(study, 'memo', transcriptId, at(l2, 1, l3, 2));
    // Line 3 moved first, and line 2 changed on the way.
    await save(study, transcriptId, [
      { id: l3, text: 'Tre.' },
      { id: l1, text: 'En.' },
      { id: l2, text: 'To!' },
      { id: l4, text: 'Fire.' },
    ]);
    expect(stored(study, 'coding', onThree)).toEqual(at(l3, 0, l3, 4));
    expect(stored(study, 'quote', oneToTwo)).toEqual(at(l1, 1, l2, 2));
    // Its end came before its start: it covers both lines whole and what is between them now.
    expect(stored(study, 'memo', twoToThree)).toEqual(at(l3, 0, l2, 3));
  });

  it('a save of one line reads only the anchors on that line, by index', async () => {
    const study = await freshStudy();
    for (const table of tables) {
      for (const column of ['start_line_id', 'end_line_id']) {
        const plan = queryPlan(
          db(study),
          `SELECT id, start_line_id, start_offset, end_line_id, end_offset FROM ${table} WHERE ${column} IN (SELECT value FROM json_each('["a"]'))`,
        );
        expect(plan, `${table}.${column}`).toMatch(new RegExp(`SEARCH ${table} USING INDEX ${table}_${column.replace('_id', '')} `));
      }
    }
  });
});

describe('anchors through the anonymisation review', () => {
  it('a name replaced by a label stays coded; passages after it on the line move with the text', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, ['Hvem hjelper deg?', 'Søstera mi, Hilde, ringer hver dag. Hilde er snill.']);
    const line = lineIds[1]!;
    const name = anchor(study, 'coding', transcriptId, at(line, 12, line, 17)); // "Hilde"
    const calls = anchor(study, 'quote', transcriptId, at(line, 19, line, 34)); // "ringer hver dag"
    const whole = anchor(study, 'memo', transcriptId, at(line, 0, line, 51));
    const fromFirstLine = anchor(study, 'coding', transcriptId, at(lineIds[0]!, 5, line, 10)); // "hjelper deg?\nSøstera mi"
    let review = value<Review>(await study.core.invoke('anonymisation.review', { transcriptId }));
    for (let open = review.hits.find((hit) => hit.decision === 'open'); open; open = review.hits.find((hit) => hit.decision === 'open')) {
      review = value<Review>(await study.core.invoke('anonymisation.decide', { transcriptId, hitId: open.id, decision: 'accepted', reach: 'transcript' }));
    }
    value(await study.core.invoke('anonymisation.finish', { transcriptId, revision: review.transcript.revision }));
    const lines = (await transcript(study, transcriptId)).content;
    expect(lines[1]!.text).toBe('Søstera mi, [NAVN 1], ringer hver dag. [NAVN 1] er snill.');
    expect(await words(study, 'coding', transcriptId, name)).toBe('[NAVN 1]');
    expect(await words(study, 'quote', transcriptId, calls)).toBe('ringer hver dag');
    expect(await words(study, 'memo', transcriptId, whole)).toBe(lines[1]!.text);
    expect(await words(study, 'coding', transcriptId, fromFirstLine)).toBe('hjelper deg?\nSøstera mi');
  });
});

describe('anchors through many random edits, saved as the editor saves them', () => {
  /** A character of the transcript: its letter and where it came from (an old character's number, or -1 when typed). */
  interface Char {
    ch: string;
    tag: number;
  }
  interface Line {
    id: string;
    chars: Char[];
  }

  it('keeps every passage on exactly its words that are left (split, join, typing, deleting within and across lines, lines deleted and pasted, two edits in one save), and removes one only when none are left', async () => {
    const study = await freshStudy();
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    // Every word is one letter three times and no letter is used twice, so where text went is never in doubt.
    const letters = [...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ'];
    let made = 0;
    for (let round = 0; round < 40; round += 1) {
      let tag = 0;
      let letter = 0;
      const word = (): Char[] => [...letters[letter++ % letters.length]!.repeat(3)].map((ch) => ({ ch, tag: tag++ }));
      const sentence = (n: number): Char[] =>
        Array.from({ length: n }, (_, index) => (index === 0 ? word() : [{ ch: ' ', tag: tag++ }, ...word()])).flat();
      const texts = Array.from({ length: 5 }, () => sentence(2 + random(3)));
      const seeded = seedTranscript(study, texts.map((chars) => chars.map((c) => c.ch).join('')));
      let lines: Line[] = seeded.lineIds.map((id, index) => ({ id, chars: texts[index]! }));
      const newId = () => `rnd${String(made++).padStart(6, '0')}`;
      // Word starts and ends of a line, where passages and edits begin and end.
      const starts = (line: Line) => line.chars.flatMap((c, index) => (c.ch !== ' ' && (index === 0 || line.chars[index - 1]!.ch === ' ') ? [index] : []));
      const ends = (line: Line) =>
        line.chars.flatMap((c, index) => (c.ch !== ' ' && (index === line.chars.length - 1 || line.chars[index + 1]!.ch === ' ') ? [index + 1] : []));
      const pick = <T,>(items: readonly T[]): T => items[random(items.length)]!;

      // Passages from a word's start to a word's end, on one line or across two or three.
      const passages: { id: number; table: Table; tags: Set<number> }[] = [];
      for (let n = 0; n < 6; n += 1) {
        const first = random(lines.length);
        const last = Math.min(lines.length - 1, first + random(3));
        const startOffset = pick(starts(lines[first]!));
        const endChoices = ends(lines[last]!).filter((end) => first < last || end > startOffset);
        if (endChoices.length === 0) continue;
        const endOffset = pick(endChoices);
        const tags = new Set<number>();
        for (let index = first; index <= last; index += 1) {
          const chars = lines[index]!.chars;
          chars.slice(index === first ? startOffset : 0, index === last ? endOffset : chars.length).forEach((c) => tags.add(c.tag));
        }
        const table = pick(tables);
        passages.push({ id: anchor(study, table, seeded.transcriptId, at(lines[first]!.id, startOffset, lines[last]!.id, endOffset)), table, tags });
      }

      const operations: string[] = [];
      for (let step = 0; step < 3; step += 1) {
        const next = lines.map((line) => ({ id: line.id, chars: [...line.chars] }));
        const at1 = random(next.length);
        const line = next[at1]!;
        const operation = pick(['type', 'deleteWords', 'split', 'join', 'deleteAcross', 'deleteLines', 'pasteLines', 'typeAndDeleteNext', 'typeAndSplitOther']);
        operations.push(operation);
        if (operation === 'type') {
          const where = pick([...starts(line), ...ends(line)]);
          line.chars.splice(where, 0, ...[...`#${step}#`].map((ch) => ({ ch, tag: -1 })));
        } else if (operation === 'deleteWords') {
          const from = pick(starts(line));
          const to = pick([...starts(line).filter((start) => start > from), line.chars.length]);
          line.chars.splice(from, to - from);
        } else if (operation === 'split') {
          const where = pick(starts(line));
          next.splice(at1 + 1, 0, { id: newId(), chars: line.chars.splice(where) });
        } else if (operation === 'join' && at1 + 1 < next.length) {
          const [joined] = next.splice(at1 + 1, 1);
          line.chars.push(...(random(2) === 0 ? [{ ch: ' ', tag: -1 }] : []), ...joined!.chars);
        } else if (operation === 'deleteAcross' && at1 + 1 < next.length) {
          const last = Math.min(next.length - 1, at1 + 1 + random(2));
          const from = pick([...starts(line), line.chars.length]);
          const to = pick([0, ...ends(next[last]!)]);
          line.chars = [...line.chars.slice(0, from), ...next[last]!.chars.slice(to)];
          next.splice(at1 + 1, last - at1);
        } else if (operation === 'deleteLines' && next.length > 2) {
          next.splice(at1, 1 + random(Math.min(2, next.length - at1 - 1)));
        } else if (operation === 'typeAndDeleteNext' && at1 + 1 < next.length) {
          // Two edits in one save: a word deleted in a line, and the whole next line deleted.
          const from = pick(starts(line));
          const to = pick([...starts(line).filter((start) => start > from), line.chars.length]);
          line.chars.splice(from, to - from);
          next.splice(at1 + 1, 1);
        } else if (operation === 'typeAndSplitOther' && next.length > 1) {
          // Two edits in one save: typing in a line, and another line split.
          line.chars.splice(pick(ends(line)), 0, ...[...`#${step}#`].map((ch) => ({ ch, tag: -1 })));
          const other = (at1 + 1 + random(next.length - 1)) % next.length;
          next.splice(other + 1, 0, { id: newId(), chars: next[other]!.chars.splice(pick(starts(next[other]!))) });
        } else if (operation === 'pasteLines') {
          next.splice(at1 + 1, 0, ...Array.from({ length: 1 + random(2) }, () => ({ id: newId(), chars: [...'#pasted#'].map((ch) => ({ ch, tag: -1 })) })));
        }
        const debug = { before: lines.map((l) => `${l.id}:${l.chars.map((c) => c.ch).join('')}`), after: next.map((l) => `${l.id}:${l.chars.map((c) => c.ch).join('')}`) };
        await save(study, seeded.transcriptId, next.map((line) => ({ id: line.id, text: line.chars.map((c) => c.ch).join('') })));
        lines = next;

        const left = new Map(lines.flatMap((line, index) => line.chars.map((c, offset) => [c.tag, { index, offset, c }] as const)).filter(([t]) => t >= 0));
        const place = new Map(lines.map((line, index) => [line.id, index]));
        const typedInside = new Map<(typeof passages)[number], Char[]>();
        for (const passage of passages) {
          const label = `round ${round}, after ${operations.join(', ')}: ${passage.table} ${passage.id}`;
          const row = stored(study, passage.table, passage.id);
          const survivors = [...passage.tags].filter((t) => left.has(t));
          if (!row || row.startLineId === null) {
            // Removed (a memo: set free) only when none of its characters are left.
            expect(survivors, label).toEqual([]);
            passage.tags.clear();
            continue;
          }
          const from = place.get(row.startLineId)!;
          const to = place.get(row.endLineId)!;
          expect(from <= to && (from < to || row.startOffset < row.endOffset), label).toBe(true);
          const covered: Char[] = [];
          for (let index = from; index <= to; index += 1) {
            const chars = lines[index]!.chars;
            covered.push(...chars.slice(index === from ? row.startOffset : 0, index === to ? row.endOffset : chars.length));
          }
          const coveredTags = new Set(covered.map((c) => c.tag));
          // Nothing lost: every character of it that is left is in it.
          for (const t of survivors) expect(coveredTags.has(t), `${label}: lost ${JSON.stringify(left.get(t)!.c.ch)}`).toBe(true);
          // Nothing shifted: it holds no old character it did not hold (a space at most, where a join or deletion put one).
          const foreign = covered.filter((c) => c.tag >= 0 && !passage.tags.has(c.tag) && c.ch !== ' ');
          expect(foreign.map((c) => c.ch).join(''), `${label} ${JSON.stringify(row)} ${JSON.stringify(debug)}`).toBe('');
          // What it holds now (typed text inside it included) is what it is about from here on.
          passage.tags.clear();
          typedInside.set(passage, covered);
        }
        // Typed text gets numbers of its own for the next step.
        for (const line of lines) for (const c of line.chars) if (c.tag < 0) c.tag = tag++;
        for (const [passage, covered] of typedInside) covered.forEach((c) => passage.tags.add(c.tag));
      }
    }
  }, 120_000);
});
