/**
 * Constant comparison at the size of a finished analysis: `npm run bench:comparison`.
 *
 * The generated study of bench/lib/codedStudy.ts (100 anonymised interviews, 60,000 lines, 50,000
 * codings of 2,000 initial codes, 100 focused codes subsuming three in four of them, 15
 * categories, 300 memos), plus one frequent initial code of 2,000 codings spread over every
 * interview and a "group completed" date for every participant. Through the core's router
 * (validation included), medians of several runs:
 *
 *   - all passages of a code, with their text (`comparison.passages`): the frequent code, the
 *     largest focused code (with the passages it subsumes), and the frequent code for those who
 *     completed the group more than a year ago: target under 50 ms each (the "all
 *     passages of a code"); and a main category with its subcategories (several thousand
 *     passages; no target, measured to watch);
 *   - a search (`comparison.search`, lines and memos): a common word (found in about one line of
 *     seven, the first 500 listed), a phrase, a prefix: target under 100 ms each;
 *   - the code × participant matrix (100 focused codes, and 2,000 initial codes, × 100
 *     participants), co-occurrence of the 100 focused codes, a passage's context, and coding every
 *     line a phrase search finds (`comparison.searchPassages` + `coding.apply`, one undo step).
 *
 * Wall and CPU time are printed (the machines are shared).
 */
import { randomUUID } from 'node:crypto';
import type { ComparedPassage, LineHit } from '../shared/comparison/contract.js';
import { FigureTable, machine, measure } from './lib/harness.ts';
import { openCodedStudy } from './lib/codedStudy.ts';

const passphrase = 'Benk-sammenligning-og-søk-i-seksti-tusen-linjer';

const coded = await openCodedStudy('comparison', passphrase);
const { study } = coded;
try {
  console.log(`Comparison bench — ${machine()}`);
  console.log(
    `Generated in ${(coded.generatedMs / 1000).toFixed(1)} s: ${coded.sizes.interviews} interviews, ${coded.sizes.lines} lines, ` +
      `${coded.sizes.codings} codings, ${coded.sizes.initialCodes} + ${coded.sizes.focusedCodes} codes; plus a frequent code of 2,000 codings\n`,
  );

  // The frequent code, and a date of group completion for each participant (one in three more than a year ago).
  const { frequentId, completedId } = study.core.session.require().db.write((writer) => {
    const at = '2026-06-01T10:00:00.000Z';
    const frequent = Number(
      writer.statement("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES (?, 'initial', 'talking about the group', '#2f6fb0', ?, ?)").run(randomUUID(), at, at).lastInsertRowid,
    );
    const coding = writer.statement('INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let index = 0; index < 2000; index += 1) {
      const transcriptId = coded.transcriptIds[index % coded.transcriptIds.length]!;
      const lines = coded.lines.get(transcriptId)!;
      const first = lines[(index * 7) % (lines.length - 2)]!;
      const last = lines[((index * 7) % (lines.length - 2)) + (index % 3)]!;
      coding.run(randomUUID(), frequent, transcriptId, first.id, 2, last.id, Math.max(1, last.length - 3), at);
    }
    const completed = writer.query<{ id: number }>("SELECT id FROM attribute WHERE builtin = 'groupCompleted'").get()!.id;
    const value = writer.statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)');
    const participants = writer.query<{ id: number }>('SELECT id FROM participant ORDER BY id').all();
    participants.forEach((participant, index) => value.run(participant.id, completed, index % 3 === 0 ? '2024-11-20' : '2025-12-04'));
    return { frequentId: frequent, completedId: completed };
  });

  // The focused code with the most passages, with those it subsumes.
  const largestFocused = study.core.session.require().db.read((reader) =>
    reader
      .query<{ id: number; n: number }>(
        `SELECT s.focused_code_id AS id, count(*) AS n FROM code_subsumes s JOIN coding c ON c.code_id = s.initial_code_id GROUP BY s.focused_code_id ORDER BY n DESC LIMIT 1`,
      )
      .get()!,
  );
  const mainCategory = coded.categoryIds[0]!;

  const table = new FigureTable(50);
  table.header();
  const passages = async (source: { kind: 'code' | 'category'; id: number }, conditions: unknown[] = []) =>
    (await study.call<{ passages: ComparedPassage[] }>('comparison.passages', { source, conditions, participantId: null, overlapping: null })).passages;

  let found: ComparedPassage[] = [];
  table.row('passages: a frequent initial code', await measure(20, async () => {
    found = await passages({ kind: 'code', id: frequentId });
  }), { targetMs: 50, note: `${found.length} passages, ${found.reduce((sum, passage) => sum + passage.lines.length, 0)} lines of text` });
  table.row('passages: the largest focused code', await measure(20, async () => {
    found = await passages({ kind: 'code', id: largestFocused.id });
  }), { targetMs: 50, note: `${found.length} passages (${found.filter((passage) => passage.subsumedBy).length} subsumed)` });
  table.row('passages: a main category and its subcategories', await measure(20, async () => {
    found = await passages({ kind: 'category', id: mainCategory });
  }), { note: `${found.length} passages (no target)` });
  table.row('passages: frequent code, group completed > 1 year', await measure(20, async () => {
    found = await passages({ kind: 'code', id: frequentId }, [{ kind: 'dates', attributeId: completedId, from: null, to: '2025-06-01' }]);
  }), { targetMs: 50, note: `${found.length} passages` });
  const one = found[0]!;
  table.row('context: 10 lines either side', await measure(20, () =>
    study.call('comparison.context', { transcriptId: one.transcriptId, startLineId: one.startLineId, endLineId: one.endLineId, before: 10, after: 10 }),
  ));

  let lines = 0;
  let total = 0;
  const search = (query: string) => async () => {
    const result = await study.call<{ lines: LineHit[]; total: number; memos: unknown[] }>('comparison.search', { query, inTranscripts: true, inMemos: true });
    lines = result.lines.length;
    total = result.total;
  };
  table.row('search: a common word ("gruppa")', await measure(20, search('gruppa')), { targetMs: 100, note: `${total} lines found, ${lines} listed` });
  table.row('search: a phrase ("tid ro")', await measure(20, search('"tid ro"')), { targetMs: 100, note: `${total} lines found` });
  table.row('search: a prefix (begyn*) and a word', await measure(20, search('begyn* håp')), { targetMs: 100, note: `${total} lines found` });

  let rows = 0;
  table.row('matrix: 100 focused codes × 100 participants', await measure(10, async () => {
    rows = (await study.call<{ rows: unknown[] }>('comparison.matrix', { level: 'focused', categoryId: null, conditions: [] })).rows.length;
  }), { note: `${rows} rows` });
  table.row('matrix: 2,001 initial codes × 100 participants', await measure(10, async () => {
    rows = (await study.call<{ rows: unknown[] }>('comparison.matrix', { level: 'initial', categoryId: null, conditions: [] })).rows.length;
  }), { note: `${rows} rows` });
  table.row('co-occurrence: the 100 focused codes', await measure(10, () => study.call('comparison.cooccurrence', { codeIds: [], conditions: [] })));

  let coded_ = 0;
  table.row('code every line a phrase finds (+ its undo)', await measure(5, async () => {
    const { passages: all } = await study.call<{ passages: unknown[] }>('comparison.searchPassages', { query: '"hverdagen håp"' });
    coded_ = (await study.call<{ codings: unknown[] }>('coding.apply', { code: { id: frequentId }, passages: all })).codings.length;
    await study.call('coding.undo', {});
  }), { note: `${coded_} lines coded and uncoded each time` });

  console.log(table.allMet ? '\nEvery target met.' : '\nSome targets missed.');
  if (!table.allMet) process.exitCode = 1;
} finally {
  study.close();
}
