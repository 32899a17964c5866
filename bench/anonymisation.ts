/**
 * The anonymisation detector and review at the size of a two-hour interview:
 * `node bench/anonymisation.ts` (Node 22.18+ strips the types itself).
 *
 *   A 2,000-line transcript (about 20,000 words) made from the fictional test corpus, its lines
 *   varied so no two are the same. Target: the detector well under a second (median of 7 runs).
 *   Then the whole review through the core's router in a real encrypted study file: the first
 *   review (detector + storing every hit), a refresh that keeps the decisions, and one decision
 *   from the keyboard (answered with the whole review, as the UI shows it). Last, saving edits to
 *   the anonymised transcript, which checks the lines an edit wrote for anything identifying
 *   added: one line (typing) and every line (a replace-all), with a raw transcript's save for scale.
 *
 * The module hooks, the temp study and the median come from bench/lib/harness.ts.
 */
import { performance } from 'node:perf_hooks';
import type * as DetectorModule from '../shared/anonymisation/detector.js';
import type * as CorpusModule from '../tests/unit/anonymisation/corpus/tuning.js';
import { median, openBenchStudy } from './lib/harness.ts';

const { detectIdentifiers } = (await import('../shared/anonymisation/detector.js')) as typeof DetectorModule;
const { tuningTranscripts } = (await import('../tests/unit/anonymisation/corpus/tuning.js')) as typeof CorpusModule;

const corpusLines = tuningTranscripts
  .flatMap((transcript) => transcript.text.split('\n'))
  .filter((line) => line.trim().length > 0)
  .map((line) => line.replace(/^[ID]: /, '').replace(/\{\{\w+:([^}]+)\}\}/g, '$1'));
const lines = Array.from({ length: 2000 }, (_, index) => ({
  id: `bench${String(index).padStart(6, '0')}`,
  text: `${corpusLines[index % corpusLines.length]!} (${index})`,
}));
const words = lines.reduce((sum, line) => sum + line.text.split(/\s+/).length, 0);

detectIdentifiers(lines.slice(0, 50)); // builds the word lists once, as the first review in a session does
const runs: number[] = [];
let hits = 0;
for (let run = 0; run < 7; run += 1) {
  const started = performance.now();
  hits = detectIdentifiers(lines).length;
  runs.push(performance.now() - started);
}
console.log(`Detector: ${lines.length} lines, ${words} words, ${hits} hits`);
console.log(`  median ${median(runs).toFixed(1)} ms, slowest ${Math.max(...runs).toFixed(1)} ms (7 runs; target well under 1,000 ms)`);

const { core, close } = await openBenchStudy('anon', 'Tindrende-fjellbekk-under-7-gamle-bjørker');
try {
  const db = core.session.require().db.connection;
  const now = new Date().toISOString();
  db.prepare("INSERT INTO participant (pseudonym, status, created_at) VALUES ('Deltaker 1', 'consented', ?)").run(now);
  db.prepare("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (1, '2026-03-01T10:00', 'home', ?)").run(now);
  db.prepare("INSERT INTO transcript (interview_id, created_at, updated_at) VALUES (1, ?, ?)").run(now, now);
  const insert = db.prepare('INSERT INTO transcript_line (id, transcript_id, position, text) VALUES (?, 1, ?, ?)');
  db.transaction(() => lines.forEach((line, index) => insert.run(line.id, index + 1, line.text)))();

  const time = async (what: string) => {
    const started = performance.now();
    const result = await core.invoke('anonymisation.review', { transcriptId: 1 });
    if (!result.ok) throw new Error(result.error.code);
    console.log(`  ${what}: ${(performance.now() - started).toFixed(0)} ms (${(result.value as { hits: unknown[] }).hits.length} hits)`);
  };
  console.log('Review through the router, in an encrypted study file:');
  await time('first review (detect, store every hit, read back)');
  db.prepare("UPDATE anonymisation_hit SET decision = 'rejected' WHERE id % 3 = 0").run();
  await time('refresh keeping decisions');
  // A decision from the keyboard: the core answers with the whole review, which the UI shows.
  const review = await core.invoke('anonymisation.review', { transcriptId: 1 });
  if (!review.ok) throw new Error(review.error.code);
  const open = (review.value as { hits: { id: number; decision: string }[] }).hits.filter((hit) => hit.decision === 'open');
  const decisions: number[] = [];
  for (const hit of open.slice(0, 9)) {
    const started = performance.now();
    const result = await core.invoke('anonymisation.decide', { transcriptId: 1, hitId: hit.id, decision: 'accepted', reach: 'hit' });
    if (!result.ok) throw new Error(result.error.code);
    decisions.push(performance.now() - started);
  }
  console.log(`  one decision (A), answered with the whole review: median ${median(decisions).toFixed(0)} ms (9 decisions)`);

  // Saving an edit to the anonymised transcript: the detector runs over the lines the edit wrote.
  const reviewed = await core.invoke('anonymisation.review', { transcriptId: 1 });
  if (!reviewed.ok) throw new Error(reviewed.error.code);
  db.prepare("UPDATE anonymisation_hit SET decision = 'accepted', replacement = '[X]' WHERE decision = 'open'").run();
  const finished = await core.invoke('anonymisation.finish', { transcriptId: 1, revision: (reviewed.value as { transcript: { revision: number } }).transcript.revision });
  if (!finished.ok) throw new Error(finished.error.code);
  type Line = { id: string; speaker: string; timestampMs: number | null; text: string };
  const got = await core.invoke('transcripts.get', { id: 1 });
  if (!got.ok) throw new Error(got.error.code);
  let { revision, content } = got.value as { revision: number; content: Line[] };
  let expected = 'anonymised';
  const save = async (edited: Line[]) => {
    const started = performance.now();
    // As the editor sends it: the lines new or changed, and the order when it changed.
    const previous = new Map(content.map((line) => [line.id, line]));
    const changed = edited.filter((line) => {
      const before = previous.get(line.id);
      return !before || before.speaker !== line.speaker || before.timestampMs !== line.timestampMs || before.text !== line.text;
    });
    const moved = edited.length !== content.length || edited.some((line, index) => line.id !== content[index]!.id);
    const result = await core.invoke('transcripts.save', { id: 1, baseRevision: revision, order: moved ? edited.map((line) => line.id) : null, lines: changed });
    if (!result.ok) throw new Error(result.error.code);
    const answer = result.value as { revision: number; state: string };
    if (answer.state !== expected) throw new Error(`the save left the transcript ${answer.state}`);
    revision = answer.revision;
    content = edited;
    return performance.now() - started;
  };
  const typing: number[] = [];
  for (let run = 0; run < 9; run += 1) typing.push(await save(content.map((line, index) => (index === 1000 ? { ...line, text: `${line.text}.` } : line))));
  console.log(`Saving an edit to the anonymised transcript (${content.length} lines), checked for anything identifying added:`);
  console.log(`  one line changed (typing): median ${median(typing).toFixed(0)} ms (9 saves)`);
  const everyLine = await save(content.map((line) => ({ ...line, text: `${line.text} ja` })));
  console.log(`  every line changed (a replace-all): ${everyLine.toFixed(0)} ms`);
  // For scale: the same typing saved into a raw transcript, where nothing is checked.
  db.prepare("UPDATE transcript SET state = 'raw' WHERE id = 1").run();
  expected = 'raw';
  const unchecked: number[] = [];
  for (let run = 0; run < 9; run += 1) unchecked.push(await save(content.map((line, index) => (index === 1000 ? { ...line, text: `${line.text}.` } : line))));
  console.log(`  for scale, one line changed in a raw transcript (nothing checked): median ${median(unchecked).toFixed(0)} ms (9 saves)`);
} finally {
  close();
}
