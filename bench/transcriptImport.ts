/**
 * Importing transcripts at the size of a whole study's material:
 *
 *   node --experimental-strip-types bench/transcriptImport.ts
 *
 * 100 invented transcripts of about 10,000 words each (a million words in all), a quarter each as
 * .txt, .docx, .srt and .vtt, imported through the core's router in one call, as the import form
 * sends them (base64, validated), with the core's progress events counted. Target: under 30 s.
 * Then the list of transcripts (which counts every word) and opening the largest one are timed.
 * One encrypted study in a temp folder, removed afterwards. Wall and CPU time are printed (the
 * machines are shared).
 *
 * The module hooks and the temp study come from bench/lib/harness.ts.
 */
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { ImportProgress, TranscriptSummary } from '../shared/transcripts/contract.js';
import { openBenchStudy } from './lib/harness.ts';
import { seededRandom } from './lib/seeded.ts';

const passphrase = 'Benk-transkripsjoner-en-million-ord-i-Bodø-2026';
const transcripts = 100;
const wordsEach = 10_000;
const targetMs = 30_000;

const vocabulary = (
  'jeg du vi det var er å og i på med som til for ikke men så når hva hvordan gruppa hverdagen håp verdier tilhørighet drømmen ' +
  'dager uka jobb venner familie tid ro trygg vanskelig godt lettere endring prosess samtale møte følte tenkte lærte skrev snakket ' +
  'begynte fortsatte sammen alene litt mye kanskje egentlig faktisk liksom mer mindre før etter nå da der her noen alle ingen'
).split(' ');

/** An interview's turns: the interviewer asks briefly, the participant answers at length. */
function turns(seed: number): { speaker: 'I' | 'D'; sentences: string[] }[] {
  const next = seededRandom(seed);
  const sentence = () => {
    const length = 4 + Math.floor(next() * 12);
    const words = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}${next() < 0.15 ? '?' : '.'}`;
  };
  const result: { speaker: 'I' | 'D'; sentences: string[] }[] = [];
  let words = 0;
  while (words < wordsEach) {
    const speaker = result.length % 2 === 0 ? 'I' : 'D';
    const sentences = Array.from({ length: speaker === 'I' ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 6) }, sentence);
    words += sentences.join(' ').split(' ').length;
    result.push({ speaker, sentences });
  }
  return result;
}

const time = (ms: number, separator: string) => {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
};

async function file(index: number): Promise<{ fileName: string; bytes: Buffer }> {
  const interview = turns(index + 1);
  const format = ['txt', 'docx', 'srt', 'vtt'][index % 4]!;
  if (format === 'txt') {
    return { fileName: `intervju-${index}.txt`, bytes: Buffer.from(interview.map((turn) => `${turn.speaker}: ${turn.sentences.join(' ')}`).join('\n\n'), 'utf8') };
  }
  if (format === 'docx') {
    const document = new Document({
      sections: [{ children: interview.map((turn) => new Paragraph({ children: [new TextRun(`${turn.speaker}: ${turn.sentences.join(' ')}`)] })) }],
    });
    return { fileName: `intervju-${index}.docx`, bytes: await Packer.toBuffer(document) };
  }
  // Subtitles: a cue of about two sentences, three seconds each.
  const cues: string[] = [];
  let at = 0;
  for (const turn of interview) {
    for (let start = 0; start < turn.sentences.length; start += 2) {
      const text = turn.sentences.slice(start, start + 2).join(' ');
      const separator = format === 'srt' ? ',' : '.';
      const voiced = format === 'vtt' ? `<v ${turn.speaker === 'I' ? 'Intervjuer' : 'Deltaker'}>${text}` : `${turn.speaker === 'I' ? 'Intervjuer' : 'Deltaker'}: ${text}`;
      cues.push(`${format === 'srt' ? `${cues.length + 1}\n` : ''}${time(at, separator)} --> ${time(at + 3000, separator)}\n${voiced}\n`);
      at += 3000;
    }
  }
  return { fileName: `intervju-${index}.${format}`, bytes: Buffer.from(`${format === 'vtt' ? 'WEBVTT\n\n' : ''}${cues.join('\n')}`, 'utf8') };
}

const { core, call, close } = await openBenchStudy('transcripts', passphrase);

try {
  const interviewIds = core.session.require().db.write((writer) => {
    const now = new Date().toISOString();
    return Array.from({ length: transcripts }, (_, index) => {
      const participant = writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'interviewed', ?)").run(`Deltaker ${index + 1}`, now);
      return Number(
        writer
          .statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, '2026-03-02T10:00', 'video', ?)")
          .run(Number(participant.lastInsertRowid), now).lastInsertRowid,
      );
    });
  });

  const files = await Promise.all(Array.from({ length: transcripts }, (_, index) => file(index)));
  const input = {
    importId: 'bench',
    files: files.map((made, index) => ({ interviewId: interviewIds[index]!, fileName: made.fileName, base64: made.bytes.toString('base64') })),
  };
  const megabytes = files.reduce((sum, made) => sum + made.bytes.length, 0) / 1e6;

  const events: ImportProgress[] = [];
  core.onEvent((event, payload) => {
    if (event === 'transcripts.importProgress') events.push(payload as ImportProgress);
  });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const imported = await call<TranscriptSummary[]>('transcripts.import', input);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);

  const words = imported.reduce((sum, summary) => sum + summary.words, 0);
  const lines = imported.reduce((sum, summary) => sum + summary.lines, 0);
  console.log(`Imported ${imported.length} transcripts (${files.length / 4} each of .txt, .docx, .srt, .vtt; ${megabytes.toFixed(1)} MB of files)`);
  console.log(`  ${words.toLocaleString('en')} words, ${lines.toLocaleString('en')} lines`);
  console.log(`  ${(wall / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (target < ${targetMs / 1000} s): ${wall < targetMs ? 'OK' : 'OVER'}`);
  console.log(`  ${events.length} progress events (${events.filter((event) => event.phase === 'reading').length} while reading, then storing, done)`);

  const listStart = performance.now();
  await call('transcripts.list', {});
  console.log(`  The list of all ${imported.length} (counting every word): ${(performance.now() - listStart).toFixed(0)} ms`);
  const largest = imported.reduce((best, summary) => (summary.lines > best.lines ? summary : best));
  const getStart = performance.now();
  await call('transcripts.get', { id: largest.id });
  console.log(`  Opening the largest (${largest.lines} lines): ${(performance.now() - getStart).toFixed(0)} ms`);
} finally {
  close();
}
