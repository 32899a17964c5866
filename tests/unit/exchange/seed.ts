import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { StudyReader, StudyWriter } from '../../../main/core/db/connection.js';
import type { FreshStudy } from '../../helpers/study.js';

/**
 * A coded study straight into the file, as the coding, memo and participant features store it, so
 * these tests depend only on the schema.
 */

export const schemaPath = path.resolve(import.meta.dirname, '../../fixtures/refi/Project-mrt2019.xsd');
export const codebookSchemaPath = path.resolve(import.meta.dirname, '../../fixtures/refi/Codebook-reconstructed.xsd');

/** Validates an XML file with Debian's xmllint; fails (never skips) when xmllint is missing. */
export function xmllint(file: string, schema: string): { ok: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint could not be run (install libxml2-utils): ${result.error.message}`);
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export function expectValid(xml: string, schema: string, dir: string): void {
  const file = path.join(dir, `check-${randomUUID()}.xml`);
  fs.writeFileSync(file, xml);
  const result = xmllint(file, schema);
  expect(result.output).toContain('validates');
  expect(result.ok, result.output).toBe(true);
}

export interface Seeded {
  transcripts: { id: number; lines: { id: string; text: string }[]; participantId: number }[];
  rawTranscriptId: number;
  codes: Record<string, number>;
  categories: Record<string, number>;
}

const now = () => new Date().toISOString();

function line(index: number): string {
  return `L${String(index).padStart(10, '0')}x`;
}

let lineCounter = 0;

export function addParticipant(writer: StudyWriter, pseudonym: string): number {
  return Number(writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'interviewed', ?)").run(pseudonym, now()).lastInsertRowid);
}

export function addTranscript(writer: StudyWriter, participantId: number, texts: readonly string[], state: 'raw' | 'anonymised', title = ''): { id: number; lines: { id: string; text: string }[] } {
  const interviewId = Number(
    writer.statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, '2026-03-02T10:00', 'video', ?)").run(participantId, now()).lastInsertRowid,
  );
  const id = Number(
    writer
      .statement('INSERT INTO transcript (interview_id, title, state, anonymised_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(interviewId, title, state, state === 'anonymised' ? now() : null, now(), now()).lastInsertRowid,
  );
  const lines = texts.map((text, index) => {
    const lineId = line((lineCounter += 1));
    writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, text) VALUES (?, ?, ?, ?, ?)').run(lineId, id, index + 1, index % 2 ? 'participant' : 'interviewer', text);
    return { id: lineId, text };
  });
  return { id, lines };
}

export function addCategory(writer: StudyWriter, name: string, parentId: number | null, position = 0): number {
  return Number(
    writer
      .statement('INSERT INTO category (guid, parent_id, name, position, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), parentId, name, position, '#3a8a4f', now(), now()).lastInsertRowid,
  );
}

export function addCode(writer: StudyWriter, level: 'initial' | 'focused', name: string, options: { categoryId?: number; definition?: string; colour?: string } = {}): number {
  return Number(
    writer
      .statement('INSERT INTO code (guid, level, name, colour, definition, category_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), level, name, options.colour ?? '#2f6fb0', options.definition ?? '', options.categoryId ?? null, now(), now()).lastInsertRowid,
  );
}

export function addCoding(writer: StudyWriter, codeId: number, transcriptId: number, start: [string, number], end: [string, number]): number {
  return Number(
    writer
      .statement('INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), codeId, transcriptId, start[0], start[1], end[0], end[1], '2026-03-05T09:00:00.000Z').lastInsertRowid,
  );
}

export function addMemo(
  writer: StudyWriter,
  title: string,
  text: string,
  about: { codeId?: number; categoryId?: number; passage?: { transcriptId: number; start: [string, number]; end: [string, number] } } = {},
): number {
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const passage = about.passage;
  return Number(
    writer
      .statement(
        `INSERT INTO memo (guid, title, body, body_text, code_id, category_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        title,
        body,
        text,
        about.codeId ?? null,
        about.categoryId ?? null,
        passage?.transcriptId ?? null,
        passage?.start[0] ?? null,
        passage?.start[1] ?? null,
        passage?.end[0] ?? null,
        passage?.end[1] ?? null,
        '2026-03-06T09:00:00.000Z',
        '2026-03-06T09:00:00.000Z',
      ).lastInsertRowid,
  );
}

/**
 * Two anonymised transcripts (one with a character outside the BMP and Norwegian letters), one raw
 * one; a category tree, focused and initial codes (one initial code under two focused codes, one
 * under none), codings across lines, memos of every kind; ages and a left-out attribute.
 */
export function seedStudy(study: FreshStudy): Seeded {
  return study.core.session.require().db.write((writer) => {
    const p1 = addParticipant(writer, 'Deltaker 1');
    const p2 = addParticipant(writer, 'Deltaker 2');
    const t1 = addTranscript(writer, p1, ['Hvordan var det å begynne i gruppa?', 'Det var skummelt først, men så ble jeg sett. 🙂 Ærlig talt.', '', 'Og etterpå?', 'Da fant jeg en plass & en rytme <igjen>.'], 'anonymised', 'Intervju 1');
    const t2 = addTranscript(writer, p2, ['Fortell om hverdagen.', 'Jeg står opp, går tur, og ringer [NAVN 1] hver dag.'], 'anonymised');
    const raw = addTranscript(writer, p2, ['Kari Nordmann bor i Tromsø.'], 'raw');

    const finding = addCategory(writer, 'Finding a footing', null, 0);
    const sub = addCategory(writer, 'Being seen', finding, 0);
    const routines = addCategory(writer, 'Routines', null, 1);
    const seen = addCode(writer, 'focused', 'being seen by others', { categoryId: sub, definition: 'The participant tells of being noticed.' });
    const place = addCode(writer, 'focused', 'finding a place', { categoryId: finding });
    const daily = addCode(writer, 'focused', 'daily rhythm');
    const scary = addCode(writer, 'initial', 'feeling scared at first', { colour: '#aa3333' });
    const noticed = addCode(writer, 'initial', 'being noticed');
    const walking = addCode(writer, 'initial', 'going for walks');
    writer.statement('INSERT INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?), (?, ?), (?, ?)').run(seen, noticed, place, noticed, daily, walking);

    const [a0, a1, , a3, a4] = t1.lines;
    addCoding(writer, scary, t1.id, [a1!.id, 0], [a1!.id, 20]);
    addCoding(writer, noticed, t1.id, [a1!.id, 26], [a1!.id, 45]);
    // After the emoji (two UTF-16 units, one character).
    addCoding(writer, noticed, t1.id, [a1!.id, 48], [a1!.id, 59]);
    addCoding(writer, place, t1.id, [a3!.id, 0], [a4!.id, 39]);
    addCoding(writer, seen, t1.id, [a0!.id, 5], [a1!.id, 10]);
    const [b0, b1] = t2.lines;
    addCoding(writer, walking, t2.id, [b1!.id, 14], [b1!.id, 22]);
    addCoding(writer, daily, t2.id, [b0!.id, 0], [b1!.id, b1!.text.length]);
    addCoding(writer, walking, raw.id, [raw.lines[0]!.id, 0], [raw.lines[0]!.id, 5]);

    addMemo(writer, 'On being seen', 'Several speak of being seen.\nIt matters.', { codeId: seen });
    addMemo(writer, 'Footing', 'The category grows.', { categoryId: finding });
    addMemo(writer, 'A passage', 'Note the turn here.', { passage: { transcriptId: t1.id, start: [a1!.id, 0], end: [a1!.id, 20] } });
    addMemo(writer, 'Free thoughts', 'What is recovery?');
    addMemo(writer, 'About the raw one', 'Kari said something.', { passage: { transcriptId: raw.id, start: [raw.lines[0]!.id, 0], end: [raw.lines[0]!.id, 4] } });

    // Ages (shown in bands) and the family situation (left out of the participant table).
    const age = writer.query<{ id: number }>("SELECT id FROM attribute WHERE builtin = 'age'").get()!.id;
    const family = writer.query<{ id: number }>("SELECT id FROM attribute WHERE builtin = 'familySituation'").get()!.id;
    const gender = writer.query<{ id: number }>("SELECT id FROM attribute WHERE builtin = 'gender'").get()!.id;
    writer.statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?)').run(p1, age, '34', p1, family, 'Gift med Ola', p2, age, '51', p1, gender, 'Kvinne');
    writer.statement('INSERT INTO participant_identity (participant_id, name, phone, email, address) VALUES (?, ?, ?, ?, ?)').run(p1, 'Kari Nordmann', '99887766', 'kari@example.no', 'Storgata 1');
    const definition = {
      caption: '',
      columns: [
        { attributeId: age, heading: 'Age', rule: { kind: 'asIs' } },
        { attributeId: family, heading: '', rule: { kind: 'leftOut' } },
        { attributeId: gender, heading: 'Gender', rule: { kind: 'asIs' } },
      ],
      showPseudonym: false,
      order: 'pseudonym',
      orderAttributeId: null,
      shuffleSeed: '',
    };
    writer.statement("INSERT INTO setting (key, value) VALUES ('participantTable', ?)").run(JSON.stringify(definition));
    return {
      transcripts: [
        { ...t1, participantId: p1 },
        { ...t2, participantId: p2 },
      ],
      rawTranscriptId: raw.id,
      codes: { seen, place, daily, scary, noticed, walking },
      categories: { finding, sub, routines },
    };
  });
}

/** The same, from the study: each coding's passage as the researcher sees it (lines joined by a line break). */
export function codedTexts(reader: StudyReader, separator = '\n', where = "t.state = 'anonymised'"): string[] {
  const rows = reader
    .query<{ name: string; transcript_id: number; start_line_id: string; start_offset: number; end_line_id: string; end_offset: number }>(
      `SELECT k.name, c.transcript_id, c.start_line_id, c.start_offset, c.end_line_id, c.end_offset FROM coding c JOIN code k ON k.id = c.code_id JOIN transcript t ON t.id = c.transcript_id WHERE ${where}`,
    )
    .all();
  return rows
    .map((row) => {
      const lines = reader.query<{ id: string; text: string }>('SELECT id, text FROM transcript_line WHERE transcript_id = ? ORDER BY position').all(row.transcript_id);
      const first = lines.findIndex((line) => line.id === row.start_line_id);
      const last = lines.findIndex((line) => line.id === row.end_line_id);
      const parts = lines.slice(first, last + 1).map((line, index, all) => {
        const from = index === 0 ? row.start_offset : 0;
        const to = index === all.length - 1 ? row.end_offset : line.text.length;
        return line.text.slice(from, to);
      });
      return `${row.name}: ${parts.join(separator)}`;
    })
    .sort();
}
