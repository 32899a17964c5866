import { randomUUID } from 'node:crypto';
import type { Passage } from '../../../shared/coding/contract.js';
import { bodyFromText, plainTextOf } from '../../../shared/memos/richText.js';
import type { StudyWriter } from '../db/connection.js';

/**
 * The demo's memos and quotes, on the analysis the demo has begun (the anonymised interview, its
 * codes and categories; see `coding/demo.ts`): a free memo, memos on a focused code, a category and
 * a passage, written over the past days, and two quotes placed in the subcategories, one with its
 * wording for publication. Invented, as the interview is. Written straight into the tables, outside
 * any undo step, so the demo opens with nothing to undo.
 */

const day = 24 * 60 * 60 * 1000;

export function addDemoMemosAndQuotes(writer: StudyWriter, now = new Date()): void {
  const transcript = writer.query<{ id: number }>("SELECT id FROM transcript WHERE state = 'anonymised' ORDER BY id LIMIT 1").get();
  if (!transcript) return;
  const lines = writer.query<{ id: string; text: string }>('SELECT id, text FROM transcript_line WHERE transcript_id = ? ORDER BY position').all(transcript.id);
  // From `first` (words in one line) to `last` (words in the same or a later line).
  const passageOf = (first: string, last = first): Passage | null => {
    const start = lines.findIndex((candidate) => candidate.text.includes(first));
    const end = start < 0 ? -1 : lines.findIndex((candidate, index) => index >= start && candidate.text.includes(last));
    if (start < 0 || end < 0) return null;
    const startOffset = lines[start]!.text.indexOf(first);
    const endOffset = lines[end]!.text.indexOf(last, start === end ? startOffset : 0) + last.length;
    return { transcriptId: transcript.id, startLineId: lines[start]!.id, startOffset, endLineId: lines[end]!.id, endOffset };
  };
  const idOf = (table: 'code' | 'category', name: string) => writer.query<{ id: number }>(`SELECT id FROM ${table} WHERE name = ?`).get(name)?.id ?? null;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString();

  const memo = (title: string, text: string, daysAgo: number, target: { column: 'code_id' | 'category_id'; id: number | null } | { passage: Passage | null } | null) => {
    const body = bodyFromText(text);
    const columns: Record<string, unknown> = {};
    if (target && 'column' in target) {
      if (target.id === null) return;
      columns[target.column] = target.id;
    } else if (target) {
      if (!target.passage) return;
      Object.assign(columns, {
        transcript_id: target.passage.transcriptId,
        start_line_id: target.passage.startLineId,
        start_offset: target.passage.startOffset,
        end_line_id: target.passage.endLineId,
        end_offset: target.passage.endOffset,
      });
    }
    const names = ['guid', 'title', 'body', 'body_text', ...Object.keys(columns), 'created_at', 'updated_at'];
    writer
      .statement(`INSERT INTO memo (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(randomUUID(), title, JSON.stringify(body), plainTextOf(body), ...Object.values(columns), at(daysAgo), at(daysAgo));
  };

  memo(
    'Etter første gjennomlesning',
    'Det som slår meg først, er hvor mye hun snakker om tid: dager uten retning før, faste tider nå.\nHun beskriver gruppen som et sted der hun ble spurt om det som betyr noe, ikke om det som er galt.',
    6,
    null,
  );
  memo('Å grue seg før første møte', 'Hun satt nesten ved døra. Uroen før første møte kan være en betingelse for å bli sett: noen må ta imot den.', 5, {
    passage: passageOf('Jeg satt nesten ved døra.'),
  });
  memo(
    'Rytme som mer enn vane',
    'Den fokuserte koden samler faste tider, avtaler og arbeidstrening. Er rytmen et mål i seg selv, eller et tegn på at hun har fått noe å stå opp til? Sammenlign med de andre intervjuene.',
    3,
    { column: 'code_id', id: idOf('code', 'Å finne en rytme i hverdagen') },
  );
  memo(
    'Å bli sett: egenskaper og betingelser',
    'Egenskaper: å bli spurt om det som betyr noe; å møte noen som har gått en lignende vei.\nBetingelser: at noen tar imot uroen ved første møte; tid.',
    1,
    { column: 'category_id', id: idOf('category', 'Å bli sett') },
  );

  const quote = (words: [string, string?], wording: string, category: string, daysAgo: number) => {
    const passage = passageOf(...words);
    if (!passage) return;
    writer
      .statement(
        `INSERT INTO quote (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, wording, category_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), passage.transcriptId, passage.startLineId, passage.startOffset, passage.endLineId, passage.endOffset, wording, idOf('category', category), at(daysAgo), at(daysAgo));
  };
  quote(['Det var ingen som spurte hva som var galt med meg.', 'De spurte hva som betydde noe.'], 'Ingen spurte hva som var galt med meg. De spurte hva som betydde noe.', 'Å bli sett', 2);
  quote(['Jeg står opp omtrent samme tid hver dag, og det er nytt for meg.'], '', 'Hverdagens rytme', 2);
}
