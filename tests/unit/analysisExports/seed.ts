import crypto from 'node:crypto';
import type { StudyWriter } from '../../../main/core/db/connection.js';
import { freshStudy, type FreshStudy } from '../../helpers/study.js';

/**
 * A small coded study straight into an encrypted study file, through the schema (0006-coding.ts):
 * three participants, four transcripts (one still raw), initial codes raised into focused codes,
 * a category with a subcategory and another category, a focused code applied directly, and codes
 * not raised yet. See the test for the coding table it gives.
 */
export const rawSecret = 'SENTINEL-RAW-Kari Nordmann fra Voss';

export interface SeededAnalysis extends FreshStudy {
  codes: Record<string, number>;
  categories: Record<string, number>;
  transcripts: Record<string, number>;
}

const guid = () => crypto.randomUUID();
const now = '2026-04-01T10:00:00.000Z';

export async function seededAnalysis(): Promise<SeededAnalysis> {
  const study = await freshStudy();
  const codes: Record<string, number> = {};
  const categories: Record<string, number> = {};
  const transcripts: Record<string, number> = {};
  study.core.session.require().db.write((writer) => {
    const participant = (pseudonym: string) =>
      Number(writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'interviewed', ?)").run(pseudonym, now).lastInsertRowid);
    const interview = (participantId: number, heldAt: string) =>
      Number(writer.statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, ?, 'video', ?)").run(participantId, heldAt, now).lastInsertRowid);
    const p1 = participant('Deltaker 1');
    const p2 = participant('Deltaker 2');
    const p3 = participant('Deltaker 3');
    transcripts.t1 = transcript(writer, interview(p1, '2026-03-02T10:00'), 'anonymised', [
      'Hvordan var det å komme til gruppa?',
      'Jeg følte meg sett for første gang.',
      '=SUM(A1) sa jeg til meg selv, og lo.',
      'Vi hadde en fast dag, hver tirsdag.',
      'Det ga meg noe å stå opp for.',
    ]);
    // Deltaker 2's second interview comes first in the file but later in time.
    const later = interview(p2, '2026-03-20T10:00');
    const earlier = interview(p2, '2026-03-05T10:00');
    transcripts.t3 = transcript(writer, later, 'anonymised', ['Nå går jeg tur hver dag.', 'Rutinene holder meg oppe.']);
    transcripts.t2 = transcript(writer, earlier, 'anonymised', ['Jeg var redd for å snakke i starten.', 'Etter hvert ble det lettere; de andre forsto.', '-Hva skal jeg si, liksom?']);
    transcripts.t4 = transcript(writer, interview(p3, '2026-03-10T10:00'), 'raw', [`${rawSecret} sa at gruppa hjalp.`]);

    const category = (name: string, parentId: number | null, position: number) =>
      Number(
        writer
          .statement('INSERT INTO category (guid, parent_id, name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(guid(), parentId, name, position, now, now).lastInsertRowid,
      );
    // Made in another order than shown, so the order must come from position.
    categories.structure = category('Structure in everyday life', null, 1);
    categories.place = category('Finding a place', null, 0);
    categories.home = category('"Like coming home"', categories.place, 0);

    const code = (level: 'initial' | 'focused', name: string, definition = '', categoryId: number | null = null, position = 0) =>
      Number(
        writer
          .statement('INSERT INTO code (guid, level, name, colour, definition, category_id, category_position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(guid(), level, name, '#2f6fb0', definition, categoryId, position, now, now).lastInsertRowid,
      );
    codes.feelingSeen = code('initial', 'feeling seen', 'Being noticed by the others as who one is.');
    codes.beingUnderstood = code('initial', 'being understood');
    codes.fearingToSpeak = code('initial', 'fearing to speak');
    codes.fixedDay = code('initial', 'having a fixed day');
    codes.gettingUp = code('initial', 'getting up for something');
    codes.walking = code('initial', 'walking every day');
    codes.laughing = code('initial', 'laughing at oneself');
    codes.recognised = code('focused', 'being recognised', 'Feeling seen and understood by people who have been there.\nIncludes relief.', categories.home);
    codes.daring = code('focused', 'daring to speak', '', categories.place);
    codes.routines = code('focused', 'holding on to routines', 'Days with a shape.', categories.structure);
    codes.meaning = code('focused', 'finding meaning');
    const subsume = (focused: number, initial: number) => writer.statement('INSERT INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?)').run(focused, initial);
    subsume(codes.recognised, codes.feelingSeen);
    subsume(codes.recognised, codes.beingUnderstood);
    subsume(codes.daring, codes.fearingToSpeak);
    subsume(codes.routines, codes.fixedDay);
    subsume(codes.routines, codes.walking);

    const lines = (transcriptId: number) =>
      writer.query<{ id: string; text: string }>('SELECT id, text FROM transcript_line WHERE transcript_id = ? ORDER BY position').all(transcriptId);
    const code_ = (codeId: number, transcriptId: number, from: [number, number], to: [number, number | 'end']) => {
      const all = lines(transcriptId);
      const end = all[to[0] - 1]!;
      writer
        .statement('INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(guid(), codeId, transcriptId, all[from[0] - 1]!.id, from[1], end.id, to[1] === 'end' ? end.text.length : to[1], now);
    };
    const { t1, t2, t3, t4 } = transcripts as { t1: number; t2: number; t3: number; t4: number };
    code_(codes.feelingSeen, t1, [2, 0], [2, 'end']);
    code_(codes.beingUnderstood, t1, [2, 0], [2, 'end']);
    code_(codes.laughing, t1, [3, 0], [3, 'end']);
    code_(codes.fixedDay, t1, [4, 0], [4, 'end']);
    code_(codes.gettingUp, t1, [5, 11], [5, 'end']);
    code_(codes.meaning, t1, [4, 0], [5, 'end']);
    code_(codes.fearingToSpeak, t2, [1, 0], [1, 'end']);
    code_(codes.beingUnderstood, t2, [2, 0], [3, 'end']);
    code_(codes.fearingToSpeak, t2, [3, 0], [3, 'end']);
    // Selected to the start of the next line: cited as line 1 only.
    code_(codes.walking, t3, [1, 0], [2, 0]);
    code_(codes.routines, t3, [2, 0], [2, 'end']);
    code_(codes.feelingSeen, t4, [1, 0], [1, 'end']);
  });
  return { ...study, codes, categories, transcripts };
}

let lineCounter = 0;

function transcript(writer: StudyWriter, interviewId: number, state: 'raw' | 'anonymised', texts: string[]): number {
  const id = Number(
    writer
      .statement('INSERT INTO transcript (interview_id, title, state, anonymised_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(interviewId, '', state, state === 'anonymised' ? now : null, now, now).lastInsertRowid,
  );
  texts.forEach((text, index) => {
    lineCounter += 1;
    writer
      .statement("INSERT INTO transcript_line (id, transcript_id, position, speaker, text) VALUES (?, ?, ?, 'participant', ?)")
      .run(`line${String(lineCounter).padStart(8, '0')}${crypto.randomBytes(2).toString('hex')}`, id, index + 1, text);
  });
  return id;
}
