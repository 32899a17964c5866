/**
 * The interview guide and interviews at the size of a large study:
 *
 *   node --experimental-strip-types bench/interviews.ts
 *
 * One encrypted study in a temp folder (removed afterwards): 300 participants with a consent and a
 * recording each, a guide of 8 parts × 6 questions in 10 versions (9 of them used), and 300
 * interviews registered through the core's router, each with 30 questions ticked. Timed through the
 * router (validation included), as medians of several runs, with CPU time beside the wall time
 * (the machines are shared). Ticking a question must feel instant: the target is 50 ms a tick; the
 * lists open in under 100 ms, as in issue 3.
 *
 * The module hooks, the temp study, the timing and the table come from bench/lib/harness.ts.
 */
import type * as DiffModule from '../shared/guide/diff.js';
import type { GuideContent, GuideVersion } from '../shared/guide/contract.js';
import type { Interview } from '../shared/interviews/contract.js';
import { type Figure, FigureTable, machine, measure, openBenchStudy } from './lib/harness.ts';

const { diffGuides } = (await import('../shared/guide/diff.js')) as typeof DiffModule;

const passphrase = 'Benk-intervjuguide-og-sjekkliste-i-Alta-2026';
const size = { participants: 300, parts: 8, questionsPerPart: 6, versions: 10, ticks: 30 };
const rounds = 9;

const { core, call, close } = await openBenchStudy('interviews', passphrase);
const table = new FigureTable(56);
const report = (label: string, figure: Figure, targetMs: number | null) => table.row(label, figure, { targetMs });

/** A guide of the bench's size; `variant` rewords a few questions, as adjusting between interviews does. */
function guide(variant: number): GuideContent {
  return {
    language: 'nb',
    title: `Intervjuguide ${variant}`,
    parts: Array.from({ length: size.parts }, (_, part) => ({
      key: `p${part}`,
      title: `Del ${part + 1}`,
      notes: 'Les høyt før første spørsmål.',
      questions: Array.from({ length: size.questionsPerPart }, (_, question) => ({
        key: `p${part}-q${question}`,
        text: `Hvordan opplevde du dette (${part + 1}.${question + 1})${(part + question + variant) % 7 === 0 ? ', sett i ettertid' : ''}?`,
        notes: '',
        followUps: ['Kan du gi et eksempel?', 'Hva betydde det for deg?'],
      })),
    })),
  };
}

try {
  console.log(`Interview guide and interviews at scale — ${machine()}`);
  const db = core.session.require().db;
  const now = new Date().toISOString();
  const participants = db.write((writer) => {
    const letter = Number(writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES ('letter', 'nb', 1, '{}', ?)").run(now).lastInsertRowid);
    const form = Number(writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES ('form', 'nb', 1, '{}', ?)").run(now).lastInsertRowid);
    const ids: { id: number; recording: number }[] = [];
    for (let n = 1; n <= size.participants; n += 1) {
      const id = Number(writer.statement("INSERT INTO participant (pseudonym, status, consented_on, created_at) VALUES (?, 'consented', '2026-01-05', ?)").run(`Deltaker ${n}`, now).lastInsertRowid);
      writer
        .statement("INSERT INTO consent (participant_id, letter_id, form_id, signed_on, method, allows_recording, allows_quotes, created_at) VALUES (?, ?, ?, '2026-01-05', 'paper', 1, 1, ?)")
        .run(id, letter, form, now);
      const recording = Number(writer.statement("INSERT INTO recording (participant_id, made_at, format, created_at) VALUES (?, '2026-02-01', 'MP3', ?)").run(id, now).lastInsertRowid);
      ids.push({ id, recording });
    }
    return ids;
  });

  // Ten versions: each used by 30 interviews (which freezes it), then adjusted into the next.
  let [version] = await call<GuideVersion[]>('guide.versions', { language: 'nb' });
  const perVersion = size.participants / size.versions;
  const interviewIds: number[] = [];
  const register = await measure(size.participants, async (n) => {
    if (n > 0 && n % perVersion === 0) version = (await call<{ version: GuideVersion }>('guide.save', { id: version!.id, content: guide(n / perVersion) })).version;
    if (n === 0) version = (await call<{ version: GuideVersion }>('guide.save', { id: version!.id, content: guide(0) })).version;
    const participant = participants[n]!;
    const interview = await call<Interview>('interviews.register', {
      participantId: participant.id,
      heldAt: `2026-02-${String((n % 27) + 1).padStart(2, '0')}T10:00`,
      lengthMinutes: 45,
      setting: 'video',
      settingOther: '',
      guideVersionId: version!.id,
      notes: 'Rolig samtale.',
      recordingIds: [participant.recording],
    });
    interviewIds.push(interview.id);
  });
  const keys = guide(0).parts.flatMap((part) => part.questions.map((question) => question.key));
  db.write((writer) => {
    const tick = writer.statement('INSERT INTO interview_question (interview_id, question_key, covered_at) VALUES (?, ?, ?)');
    for (const id of interviewIds) for (const key of keys.slice(0, size.ticks)) tick.run(id, key, now);
  });
  console.log(`Seeded ${size.participants} interviews, ${size.versions} guide versions of ${keys.length} questions, ${size.participants * size.ticks} ticks\n`);
  table.header();

  report('interviews.register (incl. freezing, status change)', register, null);
  report('interviews.list (300 interviews, counts per checklist)', await measure(rounds, () => call('interviews.list', {})), 100);
  report('interviews.candidates (300 participants, recordings)', await measure(rounds, () => call('interviews.candidates', {})), 100);
  report('interviews.get (one interview, its checklist)', await measure(rounds, (n) => call('interviews.get', { id: interviewIds[n]! })), 100);
  report('guide.versions (10 versions)', await measure(rounds, () => call('guide.versions', { language: 'nb' })), 100);
  report('guide.version (48 questions)', await measure(rounds, () => call('guide.version', { id: version!.id })), 100);
  const last = interviewIds.at(-1)!;
  report('interviews.setCovered (one tick, saved, count back)', await measure(rounds * 3, (n) => call('interviews.setCovered', { id: last, questionKey: keys.at(-1)!, covered: n % 2 === 0 })), 50);
  report('guide.save (a used version: makes the next)', await measure(1, async () => {
    version = (await call<{ version: GuideVersion }>('guide.save', { id: version!.id, content: guide(99) })).version;
  }), 100);
  report('guide.save (the draft, 48 questions)', await measure(rounds, (n) => call('guide.save', { id: version!.id, content: guide(100 + n) })), 100);
  report('diffGuides (48 questions, in the UI)', await measure(rounds * 10, () => diffGuides(guide(1), guide(2))), 16);
  console.log(table.allMet ? '\nAll targets met.' : '\nSome targets were missed.');
} finally {
  close();
}
