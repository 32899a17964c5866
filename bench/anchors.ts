/**
 * Anchors through transcript edits, at the size: `node bench/anchors.ts`.
 *
 *   A 2,000-line transcript with 3,000 codings (a third of them across two lines), 100 quotes and
 *   100 passage memos, in a real encrypted study. What mapping the anchors adds to a save, timed
 *   around `mapAnchorsThroughEdit` alone inside the save's kind of transaction (the lines already
 *   written): a typed character in a coded line (target: well under 5 ms), a split, a join, and
 *   every line changed (a replace-all). Then whole saves through the router, for scale.
 *
 * The module hooks, the temp study and the median come from bench/lib/harness.ts.
 */
import { performance } from 'node:perf_hooks';
import type * as AnchorsModule from '../main/core/coding/anchors.js';
import { machine, median, openBenchStudy } from './lib/harness.ts';

const { mapAnchorsThroughEdit } = (await import('../main/core/coding/anchors.js')) as typeof AnchorsModule;

const words = ['jeg', 'følte', 'meg', 'sett', 'av', 'henne', 'og', 'det', 'var', 'godt', 'ikke', 'alltid', 'lett', 'å', 'si'];
let seed = 11;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const sentence = (n: number) => `${Array.from({ length: n }, () => words[random(words.length)]).join(' ')}.`;

const { core, close } = await openBenchStudy('anchors', 'Benk-ankre-gjennom-redigering-2026');
try {
  const database = core.session.require().db;
  const db = database.connection;
  const now = '2026-04-01T10:00:00.000Z';
  const lines = Array.from({ length: 2000 }, (_, index) => ({ id: `bench${String(index).padStart(7, '0')}`, text: sentence(6 + random(20)) }));
  db.transaction(() => {
    const participant = Number(db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES ('Deltaker 1', 'interviewed', ?)").run(now).lastInsertRowid);
    const interview = Number(db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, '2026-03-01T10:00', 'home', ?)").run(participant, now).lastInsertRowid);
    db.prepare("INSERT INTO transcript (id, interview_id, title, state, created_at, updated_at) VALUES (1, ?, 'Intervju', 'anonymised', ?, ?)").run(interview, now, now);
    const line = db.prepare("INSERT INTO transcript_line (id, transcript_id, position, speaker, text) VALUES (?, 1, ?, 'participant', ?)");
    lines.forEach((entry, index) => line.run(entry.id, index + 1, entry.text));
    const code = db.prepare("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES (?, 'initial', ?, '#336699', ?, ?)");
    for (let n = 0; n < 200; n += 1) code.run(`code-${n}`, `kode ${n}`, now, now);
    const coding = db.prepare(
      'INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)',
    );
    for (let n = 0; n < 3000; n += 1) {
      const first = random(lines.length - 1);
      const last = n % 3 === 0 ? first + 1 : first;
      coding.run(`coding-${n}`, 1 + random(200), lines[first]!.id, random(5), lines[last]!.id, lines[last]!.text.length - random(5), now);
    }
    const quote = db.prepare('INSERT INTO quote (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at) VALUES (?, 1, ?, 0, ?, ?, ?, ?)');
    const memo = db.prepare('INSERT INTO memo (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at) VALUES (?, 1, ?, 0, ?, ?, ?, ?)');
    for (let n = 0; n < 100; n += 1) {
      const at = lines[random(lines.length)]!;
      quote.run(`quote-${n}`, at.id, at.id, at.text.length, now, now);
      memo.run(`memo-${n}`, at.id, at.id, at.text.length, now, now);
    }
  })();
  // The line with the most anchors on it: the worst line to type in.
  const busiest = db
    .prepare('SELECT start_line_id AS id, count(*) AS n FROM coding GROUP BY start_line_id ORDER BY n DESC LIMIT 1')
    .get() as { id: string; n: number };
  const index = lines.findIndex((line) => line.id === busiest.id);
  const order = lines.map((line) => line.id);

  /** Times the mapping alone, in a transaction rolled back afterwards so every run maps the same edit. */
  const timed = (runs: number, edit: Parameters<typeof mapAnchorsThroughEdit>[2]) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      try {
        database.write((writer) => {
          const started = performance.now();
          mapAnchorsThroughEdit(writer, 1, edit);
          times.push(performance.now() - started);
          throw new Error('roll back');
        });
      } catch (error) {
        if ((error as Error).message !== 'roll back') throw error;
      }
    }
    return times;
  };

  const text = lines[index]!.text;
  const next = lines[index + 1]!;
  const typed = timed(51, { orderBefore: [], orderAfter: null, textBefore: new Map([[busiest.id, text]]), textAfter: new Map([[busiest.id, `${text.slice(0, 7)}x${text.slice(7)}`]]) });
  const cut = Math.floor(text.length / 2);
  const split = timed(21, {
    orderBefore: order,
    orderAfter: [...order.slice(0, index + 1), 'benchSplit01', ...order.slice(index + 1)],
    textBefore: new Map([[busiest.id, text]]),
    textAfter: new Map([
      [busiest.id, text.slice(0, cut)],
      ['benchSplit01', text.slice(cut)],
    ]),
  });
  const join = timed(21, {
    orderBefore: order,
    orderAfter: order.filter((id) => id !== next.id),
    textBefore: new Map([
      [busiest.id, text],
      [next.id, next.text],
    ]),
    textAfter: new Map([[busiest.id, `${text} ${next.text}`]]),
  });
  const everyLine = timed(5, {
    orderBefore: [],
    orderAfter: null,
    textBefore: new Map(lines.map((line) => [line.id, line.text])),
    textAfter: new Map(lines.map((line) => [line.id, line.text.replaceAll('jeg', 'eg')])),
  });

  console.log(machine());
  console.log(`A transcript of ${lines.length} lines with 3,000 codings, 100 quotes and 100 passage memos; the busiest line has ${busiest.n} codings starting on it.`);
  console.log('Mapping the anchors (the work a save adds), median:');
  console.log(`  a typed character in the busiest line: ${median(typed).toFixed(2)} ms (51 runs; target well under 5 ms)`);
  console.log(`  a split of that line: ${median(split).toFixed(2)} ms (21 runs)`);
  console.log(`  a join of it with the next: ${median(join).toFixed(2)} ms (21 runs)`);
  console.log(`  every line changed (a replace-all of "jeg" by "eg"): ${median(everyLine).toFixed(1)} ms (5 runs)`);
} finally {
  close();
}
