/**
 * Participants, consent, recordings and the data subject's rights at the size of a large study:
 *
 *   node --experimental-strip-types bench/registers.ts
 *
 * One encrypted study in a temp folder (removed afterwards) with 500 participants × 20 attributes
 * (identity for each), 450 consents (200 with a 200 kB scan), 1,000 recordings, 300
 * rights requests, 5,000 audit entries, and 20 interviews with a two-hour transcript each (2,000
 * lines, about 20,000 words, with an anonymisation review and key entries). Every list channel the
 * UI opens is timed through the core's router (`createCore(...).invoke`, validation included), as
 * the median of several runs, with CPU time beside the wall time (the machines are shared).
 *
 * Targets (issue 3): every list opens in under 100 ms; the participant-table export under 2 s.
 * The withdrawal and the access export have no target in the issue: their figures are printed.
 * This replaces bench/participants.ts and bench/participantTable.ts (same seed, one run).
 *
 * The module hooks, the temp study, the timing and the table come from bench/lib/harness.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as AuditModule from '../main/core/audit/audit.js';
import { type Figure, FigureTable, machine, measure, ms, openBenchStudy } from './lib/harness.ts';

const { recordAudit } = (await import('../main/core/audit/audit.js')) as typeof AuditModule;

const passphrase = 'Benk-deltakere-og-rettigheter-i-Bodø-2026';
const size = { participants: 500, attributes: 20, recordings: 1000, requests: 300, auditEntries: 5000, interviews: 20, linesPerTranscript: 2000 };
const rounds = 7;
const listTargetMs = 100;
const exportTargetMs = 2000;

const { folder, core, call, close } = await openBenchStudy('registers', passphrase);
const table = new FigureTable(62);
const report = (label: string, figure: Figure, targetMs: number | null) => table.row(label, figure, { targetMs });

/** A sentence of about ten words, as a participant might say it. */
const sentences = [
  'Jeg syntes gruppa hjalp meg å komme i gang igjen etter en lang vinter.',
  'Det var godt å høre at andre hadde det på samme måte som meg.',
  'I begynnelsen var jeg usikker, men etter hvert turte jeg å si mer.',
  'Hverdagen min er roligere nå, og jeg sover bedre enn før.',
  'Kan du fortelle litt mer om hva som skjedde den uka?',
];

try {
  console.log(`The registers at scale — ${machine()}`);

  // ---- Seed -------------------------------------------------------------------------------------
  const seedStart = performance.now();
  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 0x20), Buffer.from('\n%%EOF\n')]);
  const db = core.session.require().db;
  db.write((writer) => {
    const attributeIds = writer.query<{ id: number }>('SELECT id FROM attribute ORDER BY position').all().map((row) => row.id);
    const addAttribute = writer.statement("INSERT INTO attribute (name, kind, position) VALUES (?, 'text', ?)");
    for (let index = attributeIds.length; index < size.attributes; index += 1) {
      attributeIds.push(Number(addAttribute.run(`Egenskap ${index + 1}`, index).lastInsertRowid));
    }
    const document = writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at, frozen_at) VALUES (?, 'nb', 99, '{}', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')");
    const letterId = Number(document.run('letter').lastInsertRowid);
    const formId = Number(document.run('form').lastInsertRowid);

    const participant = writer.statement('INSERT INTO participant (pseudonym, status, asked_on, consented_on, created_at) VALUES (?, ?, ?, ?, ?)');
    const identity = writer.statement('INSERT INTO participant_identity (participant_id, name, phone, email, address) VALUES (?, ?, ?, ?, ?)');
    const value = writer.statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)');
    const consent = writer.statement(
      `INSERT INTO consent (participant_id, letter_id, form_id, signed_on, signed_place, method, allows_recording, allows_quotes, confirmed_by_researcher_on, created_at)
       VALUES (?, ?, ?, ?, 'Bodø', 'paper', 1, 1, ?, ?)`,
    );
    const addScan = writer.statement("INSERT INTO consent_scan (consent_id, file_name, media_type, content, added_at) VALUES (?, 'samtykke.pdf', 'application/pdf', ?, ?)");
    const recording = writer.statement(
      'INSERT INTO recording (participant_id, made_at, kept_where, format, length_seconds, transcribed_on, deletion_due_on, deleted_on, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const request = writer.statement('INSERT INTO rights_request (participant_id, kind, received_on, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const families = ['samboer', 'gift', 'enslig', 'skilt', 'enke'];
    const kinds = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'];
    const now = '2026-03-01T00:00:00Z';
    for (let n = 1; n <= size.participants; n += 1) {
      const asked = n % 10 === 0;
      const id = Number(participant.run(`Deltaker ${n}`, asked ? 'asked' : 'interviewed', '2026-01-10', asked ? null : '2026-01-20', now).lastInsertRowid);
      identity.run(id, `Navn Navnesen ${n}`, `4${String(n).padStart(7, '0')}`, `deltaker${n}@example.invalid`, `Storgata ${n}, 8006 Bodø`);
      attributeIds.forEach((attributeId, position) => {
        const text =
          position === 0 ? String(20 + ((n * 7) % 50))
          : position === 1 ? families[n % families.length]!
          : position === 4 ? (n % 3 === 0 ? 'Mann' : 'Kvinne')
          : position === 6 ? `202${n % 5}-0${1 + (n % 9)}-15`
          : `verdi ${(n * (position + 3)) % 7}`;
        value.run(id, attributeId, text);
      });
      if (!asked) {
        const consentId = Number(consent.run(id, letterId, formId, '2026-01-20', '2026-01-21', now).lastInsertRowid);
        if (n % 2 === 0) addScan.run(consentId, scan, now);
      }
    }
    for (let index = 0; index < size.recordings; index += 1) {
      const id = 1 + (index % size.participants);
      const day = String(1 + (index % 28)).padStart(2, '0');
      const transcribed = index % 4 !== 0;
      recording.run(id, `2026-02-${day}`, 'Diktafon, låst skap', 'mp3', 3600, transcribed ? `2026-03-${day}` : null, transcribed ? `2026-04-${day}` : null, index % 3 === 0 ? `2026-04-${day}` : null, '', now);
    }
    for (let index = 0; index < size.requests; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      request.run(1 + ((index * 7) % size.participants), kinds[index % kinds.length]!, `2026-04-${day}`, `2026-05-${day}`, index % 3 === 0 ? 'answered' : 'open', now);
    }

    // Interviews 1–20 each with a two-hour transcript, its review and the study's key.
    const guide = Number(
      writer
        .statement("INSERT INTO guide_version (version, content, created_at, frozen_at) VALUES (1, ?, ?, ?)")
        .run(JSON.stringify({ language: 'nb', title: 'Intervjuguide', parts: [{ key: 'main', title: 'Hoveddel', notes: '', questions: [{ key: 'q1', text: 'Hvordan har du det?', notes: '', followUps: [] }] }] }), now, now).lastInsertRowid,
    );
    const interview = writer.statement("INSERT INTO interview (participant_id, guide_version_id, held_at, length_minutes, setting, notes, created_at) VALUES (?, ?, '2026-02-10T10:00', 120, 'home', 'Rolig samtale.', ?)");
    const transcript = writer.statement("INSERT INTO transcript (interview_id, title, state, source, created_at, updated_at) VALUES (?, ?, 'anonymised', 'docx', ?, ?)");
    const line = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, ?, ?)');
    const hit = writer.statement("INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind, decision, replacement) VALUES (?, ?, 0, 4, ?, 'name', 'accepted', ?)");
    const key = writer.statement("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES (?, ?, 'name', ?)");
    const use = writer.statement('INSERT INTO anonymisation_key_use (key_id, transcript_id) VALUES (?, ?)');
    const shared = Number(key.run('Gruppelederen Berit', '[NAVN 0]', now).lastInsertRowid);
    for (let n = 1; n <= size.interviews; n += 1) {
      const interviewId = Number(interview.run(n, guide, now).lastInsertRowid);
      const transcriptId = Number(transcript.run(interviewId, `Intervju ${n}`, now, now).lastInsertRowid);
      for (let position = 1; position <= size.linesPerTranscript; position += 1) {
        const text = `${sentences[position % sentences.length]!} ${sentences[(position * 3) % sentences.length]!}`;
        line.run(`t${n}-l${position}`, transcriptId, position, position % 2 ? 'interviewer' : 'participant', position * 3600, text);
      }
      const own = Number(key.run(`Navn Navnesen ${n}`, `[NAVN ${n}]`, now).lastInsertRowid);
      for (let index = 0; index < 30; index += 1) hit.run(transcriptId, `t${n}-l${1 + index * 60}`, `Navn Navnesen ${n}`, `[NAVN ${n}]`);
      use.run(own, transcriptId);
      use.run(shared, transcriptId);
    }
    const auditKinds = ['backup.made', 'study.opened', 'export.written', 'study.locked'] as const;
    const have = writer.query<{ n: number }>('SELECT count(*) AS n FROM audit_event').get()?.n ?? 0;
    for (let index = have; index < size.auditEntries; index += 1) {
      recordAudit(writer, auditKinds[index % auditKinds.length]!, { count: index }, new Date(Date.UTC(2026, 0, 1) + index * 3_600_000));
    }
  });

  // The thesis's table: 20 columns, some with rules, rows shuffled.
  const attributeIds = db.read((reader) => reader.query<{ id: number }>('SELECT id FROM attribute ORDER BY position').all().map((row) => row.id));
  await call('participantTable.save', {
    language: 'nb',
    definition: {
      caption: 'Deltakerne',
      columns: attributeIds.map((attributeId, position) => ({
        attributeId,
        heading: '',
        rule:
          position === 0 ? { kind: 'bands', width: 5, start: 20 }
          : position === 1 ? { kind: 'groups', groups: [{ label: 'i parforhold', values: ['samboer', 'gift'] }], otherLabel: 'ikke i parforhold' }
          : position === 6 ? { kind: 'timeBefore', referenceDate: '2026-03-01' }
          : { kind: 'asIs' },
      })),
      showPseudonym: false,
      order: 'shuffled',
      orderAttributeId: null,
      shuffleSeed: 'bench',
    },
  });
  const counts = db.read((reader) =>
    Object.fromEntries(
      ['participant', 'attribute_value', 'consent', 'consent_scan', 'recording', 'rights_request', 'audit_event', 'transcript_line'].map((table) => [
        table,
        reader.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0,
      ]),
    ),
  );
  console.log(`Seeded in ${ms(performance.now() - seedStart)}: ${JSON.stringify(counts)}`);
  console.log('');
  table.header();

  // ---- Lists --------------------------------------------------------------------------------------
  const none = { kinds: [], from: null, to: null };
  const lists: [string, string, unknown][] = [
    [`participants.list (${counts.participant})`, 'participants.list', {}],
    ['participants.get (one, with 20 values)', 'participants.get', { id: 250 }],
    ['participants.identityStatus', 'participants.identityStatus', {}],
    ['attributes.list', 'attributes.list', {}],
    [`consent.records (${counts.consent} consents, ${counts.consent_scan} scans of 200 kB)`, 'consent.records', {}],
    ['consent.documents', 'consent.documents', {}],
    [`recordings.list (${counts.recording})`, 'recordings.list', {}],
    [`requests.list (${counts.rights_request})`, 'requests.list', {}],
    ['overview.get', 'overview.get', {}],
    [`audit.list, first page of 100 of ${counts.audit_event}`, 'audit.list', { filters: none, offset: 0, limit: 100 }],
    ['audit.list, last page', 'audit.list', { filters: none, offset: 4900, limit: 100 }],
    ['audit.list, filtered by kind and dates', 'audit.list', { filters: { kinds: ['export.written'], from: '2026-02-01', to: '2026-04-30' }, offset: 0, limit: 100 }],
    ['participantTable.get (preview, 500 rows × 20 columns)', 'participantTable.get', { language: 'nb' }],
  ];
  for (const [label, channel, input] of lists) {
    await call(channel, input); // once to warm the statement cache, as a second opening would be
    report(label, await measure(rounds, () => call(channel, input)), listTargetMs);
  }
  console.log('');

  // ---- Exports ------------------------------------------------------------------------------------
  for (const format of ['docx', 'xlsx', 'csv'] as const) {
    const target = path.join(folder, `tabell.${format}`);
    const figure = await measure(5, () => call('participantTable.export', { format, path: target, language: 'nb' }));
    report(`participantTable.export ${format.toUpperCase()} (${(fs.statSync(target).size / 1024).toFixed(0)} kB)`, figure, exportTargetMs);
  }
  for (const format of ['xlsx', 'csv'] as const) {
    const figure = await measure(3, () => call('audit.export', { filters: none, format, path: path.join(folder, `logg.${format}`), language: 'nb' }));
    report(`audit.export ${format.toUpperCase()}, every entry`, figure, null);
  }
  console.log('');

  // ---- The data subject: access export and withdrawal ---------------------------------------------
  // Participant 2: identity, 20 attributes, a consent with its 200 kB scan, recordings, requests, and a
  // two-hour transcript (2,000 lines) with its review and key entries.
  for (const format of ['json', 'docx', 'pdf'] as const) {
    const target = path.join(folder, `innsyn.${format}`);
    const figure = await measure(5, () => call('withdrawal.accessExport', { participantId: 2, format, language: 'nb', path: target }));
    report(`withdrawal.accessExport ${format.toUpperCase()} (2,000 transcript lines, ${(fs.statSync(target).size / 1024).toFixed(0)} kB)`, figure, null);
  }
  report('withdrawal.plan (a participant with a 2,000-line transcript)', await measure(rounds, () => call('withdrawal.plan', { participantId: 3, scope: 'deleteEverything' })), listTargetMs);
  // Each run withdraws another participant who has a transcript: participants 11–15, then 16–20 keeping the analysis.
  for (const [scope, first] of [['deleteEverything', 11], ['keepAnonymisedAnalysis', 16]] as const) {
    const figure = await measure(5, (round) =>
      call('withdrawal.confirm', {
        participantId: first + round,
        scope,
        withdrawnOn: '2026-05-01',
        communicatedHow: 'Telefon',
        typedPseudonym: `Deltaker ${first + round}`,
        language: 'nb',
      }),
    );
    report(`withdrawal.confirm, ${scope} (2,000 lines each)`, figure, null);
  }
} finally {
  close();
}
console.log('');
console.log(table.allMet ? 'All targets met.' : 'Some targets were missed.');
process.exitCode = table.allMet ? 0 : 1;
