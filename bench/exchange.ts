/**
 * REFI-QDA exchange at the size of a finished analysis:
 *
 *   npm run bench:exchange
 *
 * The generated coded study of bench/lib/codedStudy.ts (100 anonymised transcripts, 60,000 lines,
 * 50,000 codings of 2,100 codes in 20 categories, 300 memos) is exported as a .qdpx through the
 * core's router, then that file is imported into a new study (as the import screen sends it:
 * base64, validated), with the core's progress events counted. Target for the import: under 20 s.
 * Wall and CPU time are printed (the machines are shared). The temp folder is removed afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ExchangeProgress, ExportCounts, ImportCounts, NotHeld } from '../shared/exchange/contract.js';
import { machine } from './lib/harness.ts';
import { openCodedStudy } from './lib/codedStudy.ts';

const passphrase = 'Benk-utveksling-femti-tusen-kodinger-i-Alta-2026';
const targetMs = 20_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const coded = await openCodedStudy('exchange', passphrase);
try {
  const { study } = coded;
  console.log(`REFI-QDA exchange (${machine()})`);
  console.log(`Generated the coded study in ${seconds(coded.generatedMs)}`);

  const file = path.join(study.folder, 'Benk.qdpx');
  const exported = await timed(() => study.call<{ counts: ExportCounts }>('exchange.exportProject', { path: file, lineEnding: 'crlf', includeMemos: true, language: 'nb' }));
  const size = fs.statSync(file).size;
  const counts = exported.value.counts;
  console.log(`Export: ${counts.sources} sources, ${counts.codings.toLocaleString('en')} codings, ${counts.codes} codes, ${counts.notes} notes (${(size / 1024 / 1024).toFixed(1)} MB .qdpx)`);
  console.log(`  ${seconds(exported.wall)} wall, ${seconds(exported.cpu)} CPU`);

  const events: ExchangeProgress[] = [];
  // When each phase was first reported (the storing reports made inside the transaction arrive together at its end).
  const phaseStarts = new Map<string, number>();
  const stop = study.core.onEvent((event, payload) => {
    if (event !== 'exchange.importProgress') return;
    const progress = payload as ExchangeProgress;
    events.push(progress);
    if (!phaseStarts.has(progress.phase)) phaseStarts.set(progress.phase, performance.now());
  });
  const importStart = performance.now();
  const base64 = fs.readFileSync(file).toString('base64');
  // A project is imported from the start screen, with no study open (closing one makes its automatic backup).
  await study.call('study.close', {});
  const imported = await timed(() =>
    study.call<{ counts: ImportCounts; notHeld: NotHeld[] }>('exchange.importProject', {
      importId: 'bench',
      fileName: 'Benk.qdpx',
      base64,
      title: 'Benk importert',
      path: path.join(study.folder, 'Importert.groundwork'),
      passphrase,
    }),
  );
  stop();
  const made = imported.value.counts;
  console.log(`Import into a new study: ${made.transcripts} transcripts, ${made.codings.toLocaleString('en')} codings, ${made.codes} codes, ${made.categories} categories, ${made.memos} memos`);
  console.log(`  ${seconds(imported.wall)} wall, ${seconds(imported.cpu)} CPU (target < ${targetMs / 1000} s): ${imported.wall < targetMs ? 'OK' : 'OVER'}`);
  const at = (phase: string) => (phaseStarts.get(phase) ?? importStart) - importStart;
  console.log(`  reading and checking the file ${seconds(at('storing') - at('reading'))}, storing in one transaction ${seconds(at('done') - at('storing'))}`);
  console.log(`  ${events.length} progress events (${[...new Set(events.map((event) => event.phase))].join(', ')}); not held: ${imported.value.notHeld.length}`);
  if (made.codings !== counts.codings) throw new Error(`imported ${made.codings} codings of ${counts.codings}`);
} finally {
  coded.study.close();
}
